package io.statussidecar.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated Logstash's log: Logstash's plain layout, its restart message, log4j2's roll-over. */
class LogWriterTest {

    static final String ENTRY = "^\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3}\\]\\[(INFO |WARN |ERROR)\\]\\[[a-z.]+ *\\](\\[[a-z-]+\\]){0,2} .+";

    @Test
    void writesLogstashsPlainLayoutWithStackTraces(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logstash-plain.log");
        LogWriter log = new LogWriter(file, Long.MAX_VALUE);
        log.startup();
        for (int i = 0; i < 400; i++) {
            log.tick();
        }
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(1).contains("Starting Logstash {\"logstash.version\"=>\"8.15.2\""), lines.get(1));
        for (String line : lines) {
            assertTrue(line.matches(ENTRY) || line.startsWith("\tat ") || line.startsWith("java.io."), line);
        }
        for (String level : List.of("[INFO ]", "[WARN ]", "[ERROR]")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(level)), level);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\tat io.netty.")), "a stack trace now and then");
    }

    @Test
    void aRestartLoopWritesTheWorkerErrorMessageEachStep(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logstash-plain.log");
        LogWriter log = new LogWriter(file, Long.MAX_VALUE);
        log.restartLoop(true);
        log.tick();
        log.tick();
        log.restartLoop(false);
        log.tick();
        String text = Files.readString(file);
        assertEquals(2, text.split("\\]\\[main\\]\\[syslog-udp\\] A plugin had an unrecoverable error. Will restart this plugin.", -1).length - 1);
        assertTrue(text.contains("\n  Error: Address already in use\n"), text);
    }

    @Test
    void rollsOverAsLog4j2AndKeepsThree(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("logstash-plain.log");
        LogWriter log = new LogWriter(file, 2_000);
        log.startup();
        String first = Files.readString(file);
        for (int i = 0; i < 5; i++) {
            log.roll();
            log.startup();
        }
        List<Path> rolled;
        try (Stream<Path> files = Files.list(dir)) {
            rolled = files.filter(p -> p.getFileName().toString().endsWith(".log.gz")).sorted().toList();
        }
        assertEquals(LogWriter.KEEP, rolled.size(), "rolled files: " + rolled);
        assertTrue(rolled.get(0).getFileName().toString().matches("logstash-plain-\\d{4}-\\d\\d-\\d\\d-3\\.log\\.gz"), rolled.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(rolled.get(0)))) {
            assertEquals(first.lines().count(), new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count());
        }
        // Past the size, the next entry goes to a new file.
        for (int i = 0; i < 200; i++) {
            log.startup();
        }
        assertTrue(Files.size(file) < 4_000, "rolled at 2 000 bytes: " + Files.size(file));
    }
}
