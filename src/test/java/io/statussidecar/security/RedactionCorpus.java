package io.statussidecar.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The entries of src/test/resources/redaction/corpus.txt: a secret's form, the input, the expected output. */
public final class RedactionCorpus {

    public record Entry(String form, String input, String expected) {
    }

    private RedactionCorpus() {
    }

    public static List<Entry> entries() {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/redaction/corpus.txt"));
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("< ")) {
                    String next = lines.get(++i);
                    if (!next.startsWith("> ")) {
                        throw new IllegalStateException("corpus line " + (i + 1) + ": expected '> ' after '< '");
                    }
                    int bar = line.indexOf('|');
                    entries.add(new Entry(line.substring(2, bar), line.substring(bar + 1), next.substring(2)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the redactor masked in each corpus entry: the input between the pieces its expectation kept. */
    public static List<String> secrets(List<RedactionCorpus.Entry> corpus) {
        List<String> out = new ArrayList<>();
        for (RedactionCorpus.Entry e : corpus) {
            String[] kept = e.expected().split(java.util.regex.Pattern.quote(Redactor.MASK), -1);
            int at = 0;
            for (int k = 0; k + 1 < kept.length; k++) {
                int start = e.input().indexOf(kept[k], at) + kept[k].length();
                int end = e.input().indexOf(kept[k + 1], start);
                if (kept[k + 1].isEmpty()) {
                    end = e.input().length();
                }
                // A key spanning lines (written with \\n in a config) is checked by its first line.
                String secret = e.input().substring(start, Math.max(start, end)).replace("\\n", "\n").strip().split("\n")[0];
                if (secret.length() >= 6) {
                    out.add(secret);
                }
                at = Math.max(start, end);
            }
        }
        return out;
    }
}
