package io.statussidecar.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.PluginRestart;

/**
 * Follows the Logstash log from its end for plugin restarts (SPEC §5 {@code plugin_restarting}): at
 * each poll interval it reads only what was appended since the last time, never the whole file.
 * A new file under the same name (log4j's rotation: a different file key) or a shorter one
 * (truncation) is read from its start. Memory is one read buffer and one line, whatever the size.
 */
@Singleton
public class LogFollower {

    private static final Logger LOG = Logger.getLogger(LogFollower.class);
    static final int CHUNK = 64 * 1024;
    /** A line longer than this is cut (the restart message's lines are short). */
    static final int MAX_LINE = 16 * 1024;
    /** Most read in one run; a burst larger than this is finished at the next run. */
    static final long MAX_PER_RUN = 32L * 1024 * 1024;
    private static final byte[] MARKER = RestartMessages.MARKER.getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final MetricsStore store;
    private final Clock clock;
    private final RestartMessages messages = new RestartMessages();
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private long position = -1;
    private Object fileKey;

    @Inject
    LogFollower(LogstashConfig config, MetricsStore store, Clock clock) {
        this.path = config.logPath();
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(identity = "log-follow", every = "${sidecar.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        follow(clock.instant());
    }

    /** Reads what was appended since the last call; returns the restarts found (also given to the store). */
    public synchronized List<PluginRestart> follow(Instant now) {
        List<PluginRestart> found;
        try {
            found = readNew(now);
        } catch (NoSuchFileException e) {
            // Not there (yet): when it appears, all of it is new.
            position = 0;
            fileKey = null;
            found = messages.drain(true);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Following %s failed: %s", path, e.getMessage());
            found = messages.drain(true);
        }
        store.recordRestarts(found, now);
        return found;
    }

    private List<PluginRestart> readNew(Instant now) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
        long size = attrs.size();
        Object key = attrs.fileKey();
        if (position < 0) {
            position = size; // the first look: from the end
            fileKey = key;
            return messages.drain(true);
        }
        if ((key != null && fileKey != null && !Objects.equals(key, fileKey)) || size < position) {
            position = 0; // rotated or truncated: a new file, read from its start
            lineLength = 0;
        }
        fileKey = key;
        long end = Math.min(size, position + MAX_PER_RUN);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (position < end) {
                chunk.clear();
                chunk.limit((int) Math.min(CHUNK, end - position));
                int n = channel.read(chunk, position);
                if (n <= 0) {
                    break;
                }
                position += n;
                byte[] bytes = chunk.array();
                for (int i = 0; i < n; i++) {
                    byte b = bytes[i];
                    if (b == '\n') {
                        // Most lines are nothing to us: they are not even decoded.
                        if (messages.waitingForDetails() || contains(line, lineLength, MARKER)) {
                            messages.line(new String(line, 0, lineLength, StandardCharsets.UTF_8), now);
                        }
                        lineLength = 0;
                    } else if (lineLength < MAX_LINE) {
                        line[lineLength++] = b;
                    }
                }
            }
        }
        return messages.drain(position >= size);
    }

    private static boolean contains(byte[] bytes, int length, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= length; i++) {
            if (bytes[i] != part[0]) {
                continue;
            }
            for (int j = 1; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
