package io.statussidecar.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tail of real files on disk, compared with what reading the whole file would give. */
class LogTailTest {

    static final long BIG_LINES = 3_300_000;
    static Path big;

    @TempDir
    static Path dir;

    /** ~200 MB: line i is "line <i> " and i % 97 letters, so lines differ in length and cross every block boundary. */
    @BeforeAll
    static void writeBigFile() throws IOException {
        big = dir.resolve("big.log");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
            for (long i = 0; i < BIG_LINES; i++) {
                out.write(bigLine(i).getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
        }
        assertTrue(Files.size(big) > 200_000_000L, "size " + Files.size(big));
    }

    static String bigLine(long i) {
        return "line " + i + " " + "abcdefghijklmnopqrstuvwxyz".repeat(4).substring(0, (int) (i % 97));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 1000, 100_000 })
    void theLastLinesOfA200MbFileAreExact(int n) throws IOException {
        List<String> got = tail(new LogTail(), big, n, LogFilter.NONE);

        assertEquals(n, got.size());
        for (int k = 0; k < n; k++) {
            assertEquals(bigLine(BIG_LINES - n + k), got.get(k));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 7, 64, 4096 })
    void randomFilesMatchAWholeFileReadAtEveryBlockSize(int block) throws IOException {
        Random random = new Random(block);
        for (int round = 0; round < 40; round++) {
            byte[] content = randomLog(random);
            Path f = Files.write(dir.resolve("r" + block + "-" + round + ".log"), content);
            List<String> all = wholeFileLines(content);
            for (int n : new int[] { 1, 3, 10, 1000 }) {
                List<String> expected = all.subList(Math.max(0, all.size() - n), all.size());
                assertEquals(expected, tail(new LogTail(block), f, n, LogFilter.NONE), "block " + block + " round " + round + " n " + n);
            }
        }
    }

    @Test
    void crlfEndingsAndAMissingFinalNewlineGiveTheSameLines(@TempDir Path d) throws IOException {
        Path crlf = Files.writeString(d.resolve("crlf.log"), "a\r\nb\r\n\r\nc\r\n");
        Path noFinal = Files.writeString(d.resolve("nofinal.log"), "a\nb\n\nc");

        assertEquals(List.of("a", "b", "", "c"), tail(new LogTail(2), crlf, 10, LogFilter.NONE));
        assertEquals(List.of("a", "b", "", "c"), tail(new LogTail(2), noFinal, 10, LogFilter.NONE));
        assertEquals(List.of("c"), tail(new LogTail(), noFinal, 1, LogFilter.NONE));
    }

    @Test
    void emptyFilesHaveNoLines(@TempDir Path d) throws IOException {
        assertEquals(List.of(), tail(new LogTail(), Files.writeString(d.resolve("e.log"), ""), 10, LogFilter.NONE));
        assertEquals(List.of(""), tail(new LogTail(), Files.writeString(d.resolve("n.log"), "\n"), 10, LogFilter.NONE));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters(@TempDir Path d) throws IOException {
        Path f = Files.write(d.resolve("latin1.log"), new byte[] { 'o', 'k', '\n', 'c', (byte) 0xE9, '\n',
                (byte) 0xF0, (byte) 0x9F, '\n' });

        assertEquals(List.of("ok", "c\uFFFD", "\uFFFD"), tail(new LogTail(), f, 10, LogFilter.NONE));
    }

    @Test
    void aVeryLongLineIsCutNotLoadedWhole(@TempDir Path d) throws IOException {
        byte[] longLine = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(longLine, (byte) 'x');
        Path f = d.resolve("long.log");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("first\n".getBytes(StandardCharsets.US_ASCII));
            out.write(longLine);
            out.write("\nlast\n".getBytes(StandardCharsets.US_ASCII));
        }

        List<String> got = tail(new LogTail(), f, 2, LogFilter.NONE);

        assertEquals(2, got.size());
        assertEquals("x".repeat(LogTail.MAX_LINE_BYTES) + " [line cut: " + (longLine.length - LogTail.MAX_LINE_BYTES) + " more bytes]",
                got.get(0));
        assertEquals("last", got.get(1));
    }

    static final String ENTRIES = """
            [2026-01-01T00:00:00,000][INFO ][logstash.agent           ] Pipelines running {:count=>1}
            [2026-01-01T00:00:01,000][ERROR][logstash.outputs.http    ] Could not send to splunk-microseg
            java.net.ConnectException: Connection refused
            \tat java.base/sun.nio.ch.Net.connect0(Native Method)
            \tat org.apache.http.impl.conn.DefaultHttpClientConnectionOperator.connect(DefaultHttpClientConnectionOperator.java:159)
            [2026-01-01T00:00:02,000][WARN ][logstash.filters.grok    ] Timeout executing grok on microseg
            [2026-01-01T00:00:03,000][DEBUG][logstash.pipeline        ] filter received
            [2026-01-01T00:00:04,000][FATAL][logstash.runner          ] An unexpected error occurred!
            [2026-01-01T00:00:05,000][INFO ][logstash.agent           ] Splunk HEC is back
            """;

    @Test
    void levelFilteringKeepsMultiLineEntriesWhole(@TempDir Path d) throws IOException {
        Path f = Files.writeString(d.resolve("entries.log"), ENTRIES);
        List<String> lines = ENTRIES.lines().toList();

        assertEquals(List.of(lines.get(1), lines.get(2), lines.get(3), lines.get(4), lines.get(7)),
                tail(new LogTail(5), f, 100, filter("ERROR", null)));
        assertEquals(List.of(lines.get(1), lines.get(2), lines.get(3), lines.get(4), lines.get(5), lines.get(7)),
                tail(new LogTail(), f, 100, filter("WARN", null)));
        assertEquals(List.of(lines.get(7)), tail(new LogTail(), f, 4, filter("ERROR", null)),
                "the ERROR entry has 4 lines and does not fit beside the FATAL one in 4 lines");
        assertEquals(List.of(lines.get(1), lines.get(2)), tail(new LogTail(), f, 2, filter("ERROR", "refused")),
                "an entry longer than the limit keeps its first lines");
    }

    @Test
    void textFilteringMatchesAnyLineOfAnEntryIgnoringCase(@TempDir Path d) throws IOException {
        Path f = Files.writeString(d.resolve("entries.log"), ENTRIES);
        List<String> lines = ENTRIES.lines().toList();

        assertEquals(List.of(lines.get(1), lines.get(2), lines.get(3), lines.get(4)),
                tail(new LogTail(3), f, 100, filter(null, "connection REFUSED")));
        assertEquals(lines.subList(1, 6), tail(new LogTail(), f, 100, filter("WARN", "microseg")));
        assertEquals(List.of(lines.get(8)), tail(new LogTail(), f, 1, filter("INFO", "splunk")));
        assertEquals(List.of(), tail(new LogTail(), f, 10, filter(null, "no such text")));
    }

    @Test
    void aFileTruncatedBetweenSelectingAndWritingGivesAShorterAnswer(@TempDir Path d) throws IOException {
        Path f = Files.writeString(d.resolve("rot.log"), "one\ntwo\nthree\nfour\n");
        LogTail tail = new LogTail();
        try (FileChannel ch = LogTail.open(f)) {
            LogTail.Selection s = tail.select(ch, 10, LogFilter.NONE);
            try (FileChannel w = FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
                w.truncate(6);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tail.write(ch, s, out);
            assertEquals("one\ntw\n\n\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    private static LogFilter filter(String level, String text) {
        return new LogFilter(Optional.ofNullable(level).flatMap(LogFilter.Level::parse), Optional.ofNullable(text));
    }

    /**
     * A text that stands only inside masked values makes the search redact every entry it meets; its
     * time budget ends it with the matches of the newest part, saying where it stopped.
     */
    @Test
    void aSearchThatRunsOutOfTimeSaysWhereItStopped(@TempDir Path d) throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            log.append("[2026-11-30T10:00:00,000][WARN ][logstash.outputs.http] retry ").append(i)
                    .append(" {:url=>\"https://svc:hunter2@splunk:8088\"}\n");
        }
        log.append("[2026-11-30T10:00:01,000][WARN ][logstash.outputs.http] hunter2 in plain sight\n");
        Path f = Files.writeString(d.resolve("creds.log"), log.toString());
        LogFilter q = new LogFilter(java.util.Optional.empty(), java.util.Optional.of("hunter2"));
        try (FileChannel ch = LogTail.open(f)) {
            LogTail.Selection unbounded = new LogTail().select(ch, 100, q);
            assertEquals(1, unbounded.count(), "only the line that shows the text as it is sent");
            assertEquals(0, unbounded.searchedFrom(), "the whole file was searched");

            LogTail.Selection bounded = new LogTail(LogTail.BLOCK, java.time.Duration.ZERO).select(ch, 100, q);
            assertEquals(1, bounded.count(), "the newest match was found before the budget ran out");
            assertTrue(bounded.searchedFrom() > 0 && bounded.searchedFrom() < Files.size(f), "stopped at " + bounded.searchedFrom());
        }
    }

    static List<String> tail(LogTail tail, Path f, int n, LogFilter filter) throws IOException {
        try (FileChannel ch = LogTail.open(f)) {
            LogTail.Selection s = tail.select(ch, n, filter);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            tail.write(ch, s, out);
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.isEmpty() || text.endsWith("\n"));
            return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
        }
    }

    private static byte[] randomLog(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = random.nextInt(60);
        for (int i = 0; i < lines; i++) {
            int len = random.nextInt(5) == 0 ? 0 : random.nextInt(30);
            for (int j = 0; j < len; j++) {
                out.write(random.nextInt(10) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26));
            }
            if (i < lines - 1 || random.nextBoolean()) {
                if (random.nextBoolean()) {
                    out.write('\r');
                }
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** What a naive reader gives: split on LF, drop one CR before it, decode each line with replacement. */
    private static List<String> wholeFileLines(byte[] content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (i == content.length && start == i) {
                    break;
                }
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                if (i == content.length && i > start && content[i - 1] == '\r') {
                    end = i - 1;
                }
                lines.add(decode(content, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(byte[] b, int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
