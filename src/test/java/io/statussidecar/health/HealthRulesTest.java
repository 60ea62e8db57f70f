package io.statussidecar.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.statussidecar.logtypes.LogProfile;
import io.statussidecar.logtypes.LogTypeRules;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;

/** Edges of the rules that the HTTP scenarios do not reach. */
class HealthRulesTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Thresholds T = new Thresholds(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2),
            Duration.ofMinutes(15), 90, 95, Duration.ofSeconds(36));

    @ParameterizedTest(name = "{0} status {1}")
    @CsvSource(nullValues = "-", value = {
            "8.15.2, red, -", // hard-coded before 8.16: ignored
            "7.17.0, yellow, -",
            "8.16.0, red, logstash_status_red",
            "8.16.0, yellow, logstash_status_yellow",
            "9.1.0, red, logstash_status_red",
            "8.16.1, unknown, -",
            "8.16.1, green, -",
            "-, red, -" })
    void theNodeStatusCountsFrom816WhenThereIsNoHealthReport(String version, String status, String code) {
        Verdict v = HealthRules.evaluate(inputs(snapshot(version, status), polledAt(NOW), LogProfile.of("all", LogTypeRules.builtIn())));

        assertEquals(code == null ? List.of() : List.of(code), v.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void failuresWithinTheGraceKeepTheLastDataAndStayHealthy() {
        CollectorStatus failing = new CollectorStatus(NOW.minusSeconds(60), 10, NOW, NOW, NOW.minusSeconds(10),
                "connection refused by http://localhost:9600/_node/stats", "connection refused by http://localhost:9600/_node/stats",
                2, NOW.minusSeconds(14));

        Verdict v = HealthRules.evaluate(inputs(snapshot("8.15.2", "green"), failing, LogProfile.of("all", LogTypeRules.builtIn())));

        assertEquals(Status.HEALTHY, v.status());
        assertEquals(false, v.logstash().reachable());
    }

    @Test
    void beforeAnyPollTheSidecarIsStarting() {
        Verdict v = HealthRules.evaluate(new HealthInputs(NOW, "http://localhost:9600", null, List.of(), Trends.NONE, null,
                CollectorStatus.initial(NOW), T, LogProfile.of("all", LogTypeRules.builtIn())));

        assertEquals(Status.UNHEALTHY, v.status());
        assertEquals("starting", v.reasons().get(0).code());
        assertTrue(v.reasons().get(0).message().contains("the first poll has not finished"));
    }

    @Test
    void reasonsAreOrderedWorstFirstAndTheStatusIsTheWorst() {
        Verdict v = HealthRules.evaluate(inputs(snapshot("8.16.0", "yellow"), polledAt(NOW), LogProfile.of("nope", LogTypeRules.builtIn())));

        assertEquals(Status.DEGRADED, v.status());
        assertEquals(List.of("logstash_status_yellow", "log_profile_invalid"), v.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void theRecentWindowIsFiveMinutesOrThreePollsWhicheverIsLonger() {
        assertEquals(Duration.ofMinutes(5), T.recentWindow());
        Thresholds slow = new Thresholds(Duration.ofMinutes(10), T.unreachableGrace(), T.stallPeriod(), T.noEventsPeriod(), 90, 95,
                Duration.ofMinutes(31));
        assertEquals(Duration.ofMinutes(30), slow.recentWindow());
    }

    @ParameterizedTest
    @CsvSource({ "8.16.0, true", "8.16.1, true", "8.15.9, false", "9.0.0, true", "8.16.0-SNAPSHOT, true", "7.17.25, false",
            "10.0, true", "x.y, false" })
    void versionsCompareNumerically(String version, boolean atLeast816) {
        assertEquals(atLeast816, HealthRules.atLeast(version, HealthRules.REAL_STATUS_SINCE));
    }

    private static CollectorStatus polledAt(Instant at) {
        return new CollectorStatus(at.minusSeconds(60), 5, at, at, at, null, null, 0, null);
    }

    private static Snapshot snapshot(String version, String status) {
        Snapshot.Pipeline main = new Snapshot.Pipeline("main", false, 1, 125, new Snapshot.Events(10L, 10L, 10L, 0L, 0L), Map.of(),
                null, null, null, List.of(), null, null);
        return new Snapshot(NOW, new Snapshot.Node("id", "n", "h", version, status, "e", 1L, null), null, null,
                new Snapshot.Events(10L, 10L, 10L, 0L, 0L), Map.of(), List.of(main), List.of());
    }

    private static HealthInputs inputs(Snapshot s, CollectorStatus status, LogProfile profile) {
        return new HealthInputs(NOW, "http://localhost:9600", s, List.of(s), new Trends(NOW, NOW, Map.of()), null, status, T,
                profile);
    }
}
