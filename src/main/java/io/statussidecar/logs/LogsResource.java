package io.statussidecar.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import io.statussidecar.http.ApiException;
import io.statussidecar.http.Gate;
import io.statussidecar.http.Gates;
import io.statussidecar.http.Requests;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.store.MetricsStore;

/**
 * {@code GET /api/logs}: the last lines of the Logstash log on the shared volume, streamed. Runs on a
 * worker thread (it reads a file).
 */
@jakarta.ws.rs.Path("/api/logs")
public class LogsResource {

    public static final int MAX_LINES = 100_000;
    static final int MAX_QUERY = 1000;
    /** Set when a filtered search stopped before the start of the file (see {@link LogTail#SEARCH_BUDGET}). */
    public static final String SEARCH_HEADER = "X-Log-Search";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path path;
    private final MetricsStore store;
    private final Gate gate;
    private final LogTail tail = new LogTail();

    @Inject
    LogsResource(LogstashConfig config, MetricsStore store, Gates gates) {
        this.path = config.logPath();
        this.store = store;
        this.gate = gates.logs();
    }

    @GET
    public Response logs(@Context UriInfo uri) {
        int lines = Requests.intParam(uri, "lines", 1000, 1, MAX_LINES);
        boolean download = Requests.boolParam(uri, "download", false);
        Optional<LogFilter.Level> level = Requests.single(uri, "level").map(v -> LogFilter.Level.parse(v).orElseThrow(
                () -> ApiException.badRequest("invalid_level", "level must be one of "
                        + String.join(", ", LogFilter.Level.ACCEPTED) + "; got \"" + Requests.echo(v) + "\"")));
        Optional<String> q = Requests.single(uri, "q").map(v -> {
            if (v.isEmpty() || v.length() > MAX_QUERY) {
                throw ApiException.badRequest("invalid_q", "q must be 1 to " + MAX_QUERY + " characters");
            }
            return v;
        });
        Gate.Ticket ticket = gate.enter();
        FileChannel ch;
        LogTail.Selection selection;
        try {
            ch = open(path);
            try {
                selection = tail.select(ch, lines, new LogFilter(level, q));
            } catch (IOException e) {
                close(ch);
                throw unreadable(e);
            }
        } catch (RuntimeException e) {
            gate.leave(ticket);
            throw e;
        }
        StreamingOutput body = out -> {
            try (ch) {
                tail.write(ch, selection, out);
            } finally {
                gate.leave(ticket);
            }
        };
        Response.ResponseBuilder r = Response.ok(body).type("text/plain; charset=UTF-8");
        if (selection.searchedFrom() > 0) {
            // The search's time ran out: these are the matches of the file's newest part only.
            r.header(SEARCH_HEADER, "partial; searched-from-byte=" + selection.searchedFrom());
        }
        if (download) {
            r.header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"logstash-" + FILE_TIME.format(store.clock().instant()) + ".log\"");
        }
        return r.build();
    }

    /** Opens the log, or answers 404 (missing) or 503 (unreadable) naming the configured path. */
    public static FileChannel open(Path path) {
        if (Files.isDirectory(path)) {
            throw new ApiException(503, "log_unreadable", "LOGSTASH_LOG_PATH=" + path + " is a directory, not the log file");
        }
        try {
            return LogTail.open(path);
        } catch (NoSuchFileException e) {
            throw new ApiException(404, "log_not_found", "The Logstash log " + path
                    + " does not exist: check LOGSTASH_LOG_PATH, the shared volume, and that Logstash runs with --path.logs");
        } catch (AccessDeniedException e) {
            throw new ApiException(503, "log_unreadable", "The Logstash log " + path
                    + " cannot be read by the sidecar (permission denied): check the shared volume's permissions");
        } catch (IOException e) {
            throw unreadableAt(path, e);
        }
    }

    private ApiException unreadable(IOException e) {
        return unreadableAt(path, e);
    }

    private static ApiException unreadableAt(Path path, IOException e) {
        return new ApiException(503, "log_unreadable", "The Logstash log " + path + " cannot be read: " + e.getMessage());
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do for a channel we are abandoning
        }
    }
}
