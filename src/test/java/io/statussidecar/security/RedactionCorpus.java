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
}
