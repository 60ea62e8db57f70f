package io.statussidecar.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.statussidecar.config.EffectiveSettings;
import io.statussidecar.http.OutboundFailure;
import io.statussidecar.security.Redactor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Sends notifications to the receiver so that a receiver in any state costs the sidecar a bounded
 * amount (SPEC §15): one request at a time on Vert.x' event loop (no thread of its own, none blocked),
 * each with a total deadline whatever the receiver sends and an answer read only up to a cap; one
 * waiting notification, which a newer one supersedes; retries with exponential backoff and jitter on
 * timeouts, refused connections, 429 (after its {@code Retry-After}) and 5xx, for up to an hour; any
 * other 4xx is final and logged once. The last {@link #KEPT} attempts are kept for
 * {@code /api/notifications}. The URL and the authorization are never logged or kept: the URL of a
 * webhook is its secret.
 */
final class Delivery {

    static final int KEPT = 50;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The whole exchange: connect, send, status, headers and the (capped) answer. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(1);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** What of an answer is read: enough for Slack's "invalid_payload" or PagerDuty's error list. */
    static final int MAX_ANSWER = 4096;
    private static final int MAX_DETAIL = 300;
    private static final Logger LOG = Logger.getLogger(Delivery.class);

    /** Counts since start, for {@code logstash_sidecar_notifications_total}. */
    record Counts(long sent, long failed, long dropped) {
    }

    /** A {@link Result}'s status when the sidecar itself could not send: trying again would fail alike. */
    private static final int BROKEN = -1;

    private record Result(int status, String answer, String failure, Duration retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Timeouts, refused connections, 429 and 5xx are worth another try; a 4xx will say the same again. */
        boolean retryable() {
            return status != BROKEN && (failure != null || status == 429 || status >= 500 || status < 200);
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final NotifySettings settings;
    private final Payloads payloads;
    private final Clock clock;
    private final ArrayDeque<Attempt> attempts = new ArrayDeque<>();
    private final Limits limits;

    // Guarded by this. One notification is tried at a time: inFlight, or retrying between tries;
    // next is the newest one not yet tried, and supersedes both.
    private Notification next;
    private long nextQueuedNanos;
    private Notification retrying;
    private long retryingQueuedNanos;
    private int retryingTries;
    private Notification inFlight;
    private boolean timerSet;
    private int failuresInARow;
    private long sent;
    private long failed;
    private long dropped;
    private boolean closed;
    private Attempt lastSent;
    private Attempt lastFailure;

    /** The times above; shorter in a test that cannot wait an hour. */
    record Limits(Duration connectTimeout, Duration deadline, Duration firstBackoff, Duration giveUpAfter) {
        static final Limits DEFAULT = new Limits(CONNECT_TIMEOUT, DEADLINE, FIRST_BACKOFF, GIVE_UP_AFTER);
    }

    Delivery(Vertx vertx, NotifySettings settings, Clock clock) {
        this(vertx, settings, clock, Limits.DEFAULT);
    }

    Delivery(Vertx vertx, NotifySettings settings, Clock clock, Limits limits) {
        this.limits = limits;
        this.vertx = vertx;
        this.settings = settings;
        this.payloads = new Payloads(settings);
        this.clock = clock;
        boolean https = "https".equalsIgnoreCase(settings.url().getScheme());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) limits.connectTimeout().toMillis())
                // A connection abandoned at the cap or the deadline must not go back to a pool; one
                // notification a minute at most needs none.
                .setKeepAlive(false)
                .setMaxPoolSize(1)
                .setSsl(https)
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    Payloads payloads() {
        return payloads;
    }

    /** The newest notification goes next; an unsent older one is dropped. Never blocks. */
    synchronized void submit(Notification n) {
        if (closed) {
            return;
        }
        if (next != null) {
            drop(next, 0, "superseded by a newer notification before it was tried");
        }
        if (retrying != null) {
            drop(retrying, retryingTries, "superseded by a newer notification while waiting to be tried again");
            retrying = null;
        }
        next = n;
        nextQueuedNanos = System.nanoTime();
        if (inFlight == null && !timerSet) {
            schedule(Duration.ZERO);
        }
    }

    synchronized List<Attempt> attempts() {
        List<Attempt> newestFirst = new ArrayList<>(attempts);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized Counts counts() {
        return new Counts(sent, failed, dropped);
    }

    synchronized void close() {
        closed = true;
        client.close();
    }

    private void schedule(Duration delay) {
        timerSet = true;
        if (delay.isZero()) {
            vertx.runOnContext(v -> tryNext());
        } else {
            vertx.setTimer(Math.max(1, delay.toMillis()), id -> tryNext());
        }
    }

    private void tryNext() {
        Notification n;
        int tries;
        long queued;
        synchronized (this) {
            timerSet = false;
            if (closed) {
                return;
            }
            if (next != null) {
                n = next;
                tries = 0;
                queued = nextQueuedNanos;
                next = null;
            } else if (retrying != null) {
                n = retrying;
                tries = retryingTries;
                queued = retryingQueuedNanos;
                retrying = null;
            } else {
                return;
            }
            inFlight = n;
        }
        try {
            exchange(payloads.render(n), result -> done(n, tries + 1, queued, result));
        } catch (RuntimeException e) {
            // A bug of the sidecar's own must not leave a notification in flight for ever: no other would go.
            LOG.errorf(e, "Could not send notification %d", n.id());
            done(n, tries + 1, queued, new Result(BROKEN, "", "the sidecar could not send it: " + e.getClass().getSimpleName(), null));
        }
    }

    private void done(Notification n, int tries, long queuedNanos, Result r) {
        Duration delay = Duration.ZERO;
        boolean again;
        synchronized (this) {
            inFlight = null;
            if (r.ok()) {
                sent++;
                failuresInARow = 0;
                record(n, "sent", tries, r.status(), r.status() + (r.answer().isEmpty() ? "" : ": " + r.answer()), null);
                if (tries > 1) {
                    LOG.infof("Notification %d (%s, %s) delivered to %s at try %d", n.id(), n.event().json(), n.status().json(),
                            settings.target(), tries);
                }
            } else {
                failed++;
                failuresInARow++;
                String why = describe(r);
                Duration wait = r.retryAfter() != null ? r.retryAfter().plusMillis(ThreadLocalRandom.current().nextLong(250))
                        : backoff(limits.firstBackoff(), failuresInARow);
                boolean inTime = System.nanoTime() - queuedNanos + wait.toNanos() <= limits.giveUpAfter().toNanos();
                if (r.retryable() && inTime && !closed) {
                    record(n, "failed", tries, r.status() == 0 ? null : r.status(), why, Math.max(1, Math.round(wait.toMillis() / 1000.0)));
                    if (tries == 1) {
                        LOG.warnf("Notification %d (%s, %s) to %s failed: %s; trying again for up to an hour", n.id(), n.event().json(),
                                n.status().json(), settings.target(), why);
                    }
                    if (next != null) {
                        drop(n, tries, "superseded by a newer notification after a failed try");
                    } else {
                        retrying = n;
                        retryingTries = tries;
                        retryingQueuedNanos = queuedNanos;
                    }
                    delay = wait;
                } else {
                    record(n, "failed", tries, r.status() <= 0 ? null : r.status(), why, null);
                    String reason = r.retryable()
                            ? "still failing after " + tries + " tries over " + EffectiveSettings.human(limits.giveUpAfter())
                            : "refused: " + why;
                    drop(n, tries, reason);
                    LOG.errorf("Notification %d (%s, %s) to %s given up: %s", n.id(), n.event().json(), n.status().json(),
                            settings.target(), reason);
                }
            }
            again = !closed && (next != null || retrying != null);
            if (again) {
                schedule(delay);
            }
        }
    }

    /** Exponential from 1 s to 5 min, each between half and all of it, so a fleet does not retry in step. */
    static Duration backoff(Duration first, int failuresInARow) {
        long cap = Math.min(MAX_BACKOFF.toMillis(), first.toMillis() << Math.min(20, Math.max(0, failuresInARow - 1)));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    private void drop(Notification n, int tries, String why) {
        dropped++;
        record(n, "dropped", tries, null, why, null);
    }

    private void record(Notification n, String outcome, int tries, Integer status, String detail, Long retryIn) {
        if (attempts.size() == KEPT) {
            attempts.removeFirst();
        }
        Attempt a = new Attempt(clock.instant(), n.id(), n.event().json(), n.status().json(), n.previous().json(), outcome,
                tries, status, detail, retryIn);
        attempts.addLast(a);
        if (outcome.equals("sent")) {
            lastSent = a;
        } else if (outcome.equals("failed")) {
            lastFailure = a;
        }
    }

    synchronized Attempt lastSent() {
        return lastSent;
    }

    /** Kept apart from the last {@link #KEPT}: an operator must see a failure after many deliveries too. */
    synchronized Attempt lastFailure() {
        return lastFailure;
    }

    private String describe(Result r) {
        if (r.failure() != null) {
            return r.failure();
        }
        String s = "HTTP " + r.status();
        if (r.status() >= 300 && r.status() < 400) {
            s += " (a redirect: notifications do not follow them; set SIDECAR_NOTIFY_URL to where it points)";
        }
        return r.answer().isEmpty() ? s : s + ": " + r.answer();
    }

    /**
     * One POST, ending in {@code onResult} exactly once: at the answer's end, at the cap, on an error, or
     * at the deadline, which resets the request whatever the receiver is doing (headers that never come,
     * a body a byte a second).
     */
    private void exchange(byte[] body, java.util.function.Consumer<Result> onResult) {
        Once once = new Once(onResult);
        long timer = vertx.setTimer(limits.deadline().toMillis(), id -> {
            Result r = once.partial();
            once.finish(r != null ? r : new Result(0, "", "no answer within " + EffectiveSettings.human(limits.deadline()), null));
        });
        once.onFinish(() -> vertx.cancelTimer(timer));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(settings.url().toString())
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("User-Agent", "logstash-status-sidecar");
        if (settings.format() != NotifyFormat.PAGERDUTY) {
            settings.authorization().ifPresent(a -> request.putHeader("Authorization", a));
        }
        client.request(request).onComplete(connected -> {
            if (connected.failed()) {
                once.finish(new Result(0, "", failure(connected.cause()), null));
                return;
            }
            HttpClientRequest req = connected.result();
            once.request(req);
            req.exceptionHandler(e -> once.finish(new Result(0, "", failure(e), null)));
            req.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    once.finish(new Result(0, "", failure(answered.cause()), null));
                    return;
                }
                HttpClientResponse resp = answered.result();
                Duration retryAfter = resp.statusCode() == 429 || resp.statusCode() == 503
                        ? retryAfter(resp.getHeader("Retry-After"), clock.instant()) : null;
                Answer answer = new Answer(resp.statusCode(), retryAfter);
                once.answer(answer);
                resp.handler(chunk -> {
                    if (answer.add(chunk)) {
                        // Past the cap the rest is not worth reading: what came is the answer.
                        once.finish(answer.result());
                    }
                });
                resp.exceptionHandler(e -> once.finish(answer.result()));
                resp.endHandler(v -> once.finish(answer.result()));
            });
        });
    }

    /** Retry-After as seconds or an HTTP date; at most the hour the notification is tried for. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(now, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException | ArithmeticException e2) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(GIVE_UP_AFTER) > 0 ? GIVE_UP_AFTER : d;
    }

    private String failure(Throwable e) {
        String host = settings.target();
        OutboundFailure f = OutboundFailure.of(e);
        return switch (f.kind()) {
            case CONNECT_TIMEOUT -> "no connection to " + host + " within " + EffectiveSettings.human(limits.connectTimeout());
            case REFUSED -> "connection refused by " + host;
            case UNKNOWN_HOST -> "cannot resolve the host of " + host;
            case TLS -> "TLS with " + host + " failed: " + detail(f.detail());
            case TIMEOUT -> "no answer within " + EffectiveSettings.human(limits.deadline());
            case CLOSED -> "connection closed by " + host + " before a complete answer";
            case OTHER -> "request to " + host + " failed: " + detail(f.detail());
        };
    }

    // A receiver's answer or an exception's message may quote the request; both are shown.
    private static String detail(String s) {
        String one = Redactor.text(s).replaceAll("\\p{Cntrl}+", " ").trim();
        return one.length() > MAX_DETAIL ? one.substring(0, MAX_DETAIL - 1) + "…" : one;
    }

    /** The answer as it arrives, kept up to {@link #MAX_ANSWER}. */
    private static final class Answer {
        private final int status;
        private final Duration retryAfter;
        private final Buffer kept = Buffer.buffer();

        Answer(int status, Duration retryAfter) {
            this.status = status;
            this.retryAfter = retryAfter;
        }

        /** True once the cap is reached. */
        synchronized boolean add(Buffer chunk) {
            int room = MAX_ANSWER - kept.length();
            if (room > 0) {
                kept.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            }
            return kept.length() >= MAX_ANSWER;
        }

        synchronized Result result() {
            return new Result(status, detail(kept.toString(StandardCharsets.UTF_8)), null, retryAfter);
        }
    }

    /** Ends an exchange once, whichever of its ends comes first, and closes what is left of it. */
    private static final class Once {
        private final java.util.function.Consumer<Result> onResult;
        private Runnable onFinish = () -> { };
        private HttpClientRequest request;
        private Answer answer;
        private boolean finished;

        Once(java.util.function.Consumer<Result> onResult) {
            this.onResult = onResult;
        }

        synchronized void onFinish(Runnable r) {
            onFinish = r;
        }

        void request(HttpClientRequest r) {
            boolean late;
            synchronized (this) {
                request = r;
                late = finished;
            }
            if (late) {
                r.reset();
            }
        }

        synchronized void answer(Answer a) {
            answer = a;
        }

        /** What has come by now, if the status line has: a 2xx whose body is slow was still accepted. */
        synchronized Result partial() {
            return answer == null ? null : answer.result();
        }

        void finish(Result r) {
            HttpClientRequest toReset;
            Runnable then;
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
                toReset = request;
                then = onFinish;
            }
            then.run();
            if (toReset != null) {
                toReset.reset();
            }
            onResult.accept(r);
        }
    }
}
