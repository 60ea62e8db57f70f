package io.statussidecar.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.statussidecar.health.Reason;
import io.statussidecar.health.Status;
import io.statussidecar.health.Verdict;

/** When to tell (SPEC §15), second by second on a clock of its own. */
class NotifyPolicyTest {

    static final Instant T0 = Instant.parse("2031-03-01T10:00:00Z");
    static final Verdict HEALTHY = verdict(Status.HEALTHY);
    static final Verdict UNREACHABLE = verdict(Status.UNHEALTHY, new Reason("logstash_unreachable", Status.UNHEALTHY, "down"));

    static Verdict verdict(Status status, Reason... reasons) {
        return new Verdict(status, List.of(reasons), T0, new Verdict.Logstash(status != Status.UNHEALTHY, "9.5.2", 1000L));
    }

    private final NotifyPolicy policy = new NotifyPolicy(Status.DEGRADED, Duration.ofSeconds(5), Duration.ofHours(4));
    private Instant now = T0;

    private List<Notification> run(Verdict v, int seconds) {
        List<Notification> told = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            policy.observe(v, now).ifPresent(told::add);
            now = now.plusSeconds(1);
        }
        return told;
    }

    @Test
    void aChangeIsToldOnceWhenItHasHeldForTheHoldAndResolvedOnceWhenItEnds() {
        assertEquals(List.of(), run(HEALTHY, 10));
        Instant badSince = now;
        assertEquals(List.of(), run(UNREACHABLE, 5), "held for 5 s: not yet");
        List<Notification> told = run(UNREACHABLE, 60);
        assertEquals(1, told.size(), told.toString());
        Notification n = told.get(0);
        assertEquals(Notification.Event.STATUS_CHANGED, n.event());
        assertEquals(Status.UNHEALTHY, n.status());
        assertEquals(Status.HEALTHY, n.previous());
        assertEquals(badSince, n.since());
        assertEquals(badSince.plusSeconds(5), n.at());
        assertEquals("logstash_unreachable", n.reasons().get(0).code());
        assertFalse(n.logstashReachable());

        Instant goodSince = now;
        List<Notification> after = run(HEALTHY, 30);
        assertEquals(1, after.size(), after.toString());
        assertEquals(Notification.Event.RESOLVED, after.get(0).event());
        assertEquals(Status.UNHEALTHY, after.get(0).previous());
        assertEquals(badSince, after.get(0).previousSince());
        assertEquals(goodSince, after.get(0).since());
        assertEquals(List.of(), run(HEALTHY, 600), "resolved is told once");
    }

    @Test
    void aLogstashFlappingEverySecondForTwentySecondsTellsNothing() {
        List<Notification> told = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            told.addAll(run(i % 2 == 0 ? UNREACHABLE : HEALTHY, 1));
        }
        assertEquals(List.of(), told);
        assertEquals(List.of(), run(HEALTHY, 30));
    }

    @Test
    void anotherSetOfReasonsIsToldAndTheSameOneRepeatedEveryRepeat() {
        run(UNREACHABLE, 6);
        Verdict more = verdict(Status.UNHEALTHY, new Reason("logstash_unreachable", Status.UNHEALTHY, "down"),
                new Reason("heap_high", Status.DEGRADED, "heap 95 %"));
        List<Notification> told = run(more, 10);
        assertEquals(1, told.size());
        assertEquals(Notification.Event.REASONS_CHANGED, told.get(0).event());
        assertEquals(List.of("logstash_unreachable", "heap_high"), told.get(0).reasons().stream().map(Reason::code).toList());

        Instant lastTold = told.get(0).at();
        now = lastTold.plus(Duration.ofHours(4)).minusSeconds(1);
        assertEquals(List.of(), run(more, 1));
        Notification repeat = run(more, 1).get(0);
        assertEquals(Notification.Event.REPEAT, repeat.event());
        assertEquals(Status.UNHEALTHY, repeat.status());
        assertEquals(Status.HEALTHY, repeat.previous(), "what it was before the trouble began");
        assertEquals(T0, repeat.since());
    }

    @Test
    void withMinSeverityUnhealthyDegradedIsHealthyAndDegradedReasonsAreNoNews() {
        NotifyPolicy unhealthyOnly = new NotifyPolicy(Status.UNHEALTHY, Duration.ZERO, Duration.ZERO);
        Verdict degraded = verdict(Status.DEGRADED, new Reason("heap_high", Status.DEGRADED, "heap"));
        assertEquals(Optional.empty(), unhealthyOnly.observe(degraded, T0));
        assertEquals(Notification.Event.STATUS_CHANGED, unhealthyOnly.observe(UNREACHABLE, T0.plusSeconds(1)).orElseThrow().event());
        Verdict withHeap = verdict(Status.UNHEALTHY, new Reason("logstash_unreachable", Status.UNHEALTHY, "down"),
                new Reason("heap_high", Status.DEGRADED, "heap"));
        assertEquals(Optional.empty(), unhealthyOnly.observe(withHeap, T0.plusSeconds(2)));
        Notification back = unhealthyOnly.observe(degraded, T0.plusSeconds(3)).orElseThrow();
        assertEquals(Notification.Event.RESOLVED, back.event());
        assertEquals(Status.DEGRADED, back.status());
        assertEquals(Optional.empty(), unhealthyOnly.observe(UNREACHABLE, T0.plus(Duration.ofDays(1))).filter(
                n -> n.event() == Notification.Event.REPEAT), "repeat 0 never repeats");
    }

    @Test
    void messagesLeaveThroughTheRedactorAndWithinBounds() {
        NotifyPolicy p = new NotifyPolicy(Status.DEGRADED, Duration.ZERO, Duration.ZERO);
        String planted = "Pipeline error near output { http { url => \"https://u:hunter2@example.com\" password => \"hunter2\" } }"
                + "x".repeat(5000);
        Notification n = p.observe(verdict(Status.DEGRADED, new Reason("config_reload_failed", Status.DEGRADED, planted)), T0)
                .orElseThrow();
        String shown = n.reasons().get(0).message();
        assertFalse(shown.contains("hunter2"), shown);
        assertTrue(shown.contains("password => \"***\""), shown);
        assertTrue(shown.length() <= NotifyPolicy.MAX_MESSAGE, "cut at " + NotifyPolicy.MAX_MESSAGE);
    }
}
