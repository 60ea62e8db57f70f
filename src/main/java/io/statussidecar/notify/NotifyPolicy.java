package io.statussidecar.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.statussidecar.health.Reason;
import io.statussidecar.health.Status;
import io.statussidecar.health.Verdict;
import io.statussidecar.security.Redactor;

/**
 * When to notify (SPEC §15), as a function of the verdicts it is shown and the time: what a person was
 * last told (a status and the codes of its reasons) against what holds now. A difference is told once
 * it has lasted {@code hold} without a return to what was told, so a flap tells nothing; while not
 * healthy the same is told again every {@code repeat}; the return to healthy is told once, as resolved.
 * Below {@code minSeverity} counts as healthy, and so do reasons below it when comparing codes: a
 * degraded reason coming and going under an unhealthy status is no news for one who asked for
 * unhealthy only. Not thread-safe: the notifier calls it from its one scheduled task.
 */
final class NotifyPolicy {

    /** A reason's message as sent; the health rules' messages are a sentence or two. */
    static final int MAX_MESSAGE = 1000;
    /** Reasons in one notification; the rules have a few dozen codes, and a message must stay small. */
    static final int MAX_REASONS = 30;
    private static final int MAX_VERSION = 64;

    private record Told(Status level, Set<String> codes) {
    }

    private final Status minSeverity;
    private final Duration hold;
    private final Duration repeat;
    private Told told = new Told(Status.HEALTHY, Set.of());
    private Status toldStatus = Status.HEALTHY;
    private Instant toldAt;
    private Instant toldSince;
    /** The status told before the current one, and since when it held. */
    private Status beforeStatus = Status.HEALTHY;
    private Instant beforeSince;
    private Instant differsSince;
    private long ids;

    NotifyPolicy(Status minSeverity, Duration hold, Duration repeat) {
        this.minSeverity = minSeverity;
        this.hold = hold;
        this.repeat = repeat;
    }

    /** The notification this verdict calls for at {@code now}, if any. */
    Optional<Notification> observe(Verdict verdict, Instant now) {
        Told current = told(verdict);
        if (current.equals(told)) {
            differsSince = null;
            boolean due = told.level() != Status.HEALTHY && !repeat.isZero() && !now.isBefore(toldAt.plus(repeat));
            return due ? Optional.of(tell(Notification.Event.REPEAT, verdict, current, now, toldSince)) : Optional.empty();
        }
        if (differsSince == null) {
            differsSince = now;
        }
        if (now.isBefore(differsSince.plus(hold))) {
            return Optional.empty();
        }
        Notification.Event event = current.level() == Status.HEALTHY ? Notification.Event.RESOLVED
                : current.level() != told.level() ? Notification.Event.STATUS_CHANGED : Notification.Event.REASONS_CHANGED;
        return Optional.of(tell(event, verdict, current, now, differsSince));
    }

    private Notification tell(Notification.Event event, Verdict verdict, Told current, Instant now, Instant since) {
        // A status keeps its "since" and "previous" through changes of its reasons and through repeats.
        if (event == Notification.Event.STATUS_CHANGED || event == Notification.Event.RESOLVED) {
            beforeStatus = toldStatus;
            beforeSince = toldSince;
            toldStatus = verdict.status();
            toldSince = since;
        }
        told = current;
        toldAt = now;
        differsSince = null;
        return new Notification(++ids, event, verdict.status(), beforeStatus, reasons(verdict), version(verdict),
                verdict.logstash() != null && verdict.logstash().reachable(), toldSince, beforeSince, now);
    }

    private Told told(Verdict verdict) {
        if (verdict.status().compareTo(minSeverity) < 0) {
            return new Told(Status.HEALTHY, Set.of());
        }
        Set<String> codes = new TreeSet<>();
        for (Reason r : verdict.reasons()) {
            if (r.severity().compareTo(minSeverity) >= 0) {
                codes.add(r.code());
            }
        }
        return new Told(verdict.status(), Set.copyOf(codes));
    }

    // Every message leaves the sidecar through the redactor: a rule may quote a log line or a URL.
    private static List<Reason> reasons(Verdict verdict) {
        List<Reason> out = new ArrayList<>();
        for (Reason r : verdict.reasons()) {
            if (out.size() == MAX_REASONS) {
                break;
            }
            String message = r.message() == null ? "" : Redactor.text(r.message());
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE - 1) + "…";
            }
            out.add(new Reason(r.code(), r.severity(), message));
        }
        return List.copyOf(out);
    }

    // The version comes from Logstash's answer: it is shown, so it is bounded and redacted like the rest.
    private static String version(Verdict verdict) {
        if (verdict.logstash() == null || verdict.logstash().version() == null) {
            return null;
        }
        String v = Redactor.text(verdict.logstash().version()).replaceAll("\\p{Cntrl}", "?");
        return v.length() > MAX_VERSION ? v.substring(0, MAX_VERSION) : v;
    }
}
