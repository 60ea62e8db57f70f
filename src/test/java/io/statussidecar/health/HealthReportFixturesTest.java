package io.statussidecar.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.statussidecar.collect.SnapshotMapper;
import io.statussidecar.logstash.HealthReport;
import io.statussidecar.logstash.LogstashJson;
import io.statussidecar.logtypes.LogProfile;
import io.statussidecar.logtypes.LogTypeRules;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.LogstashHealth;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;
import io.statussidecar.support.HealthReports;

/** Logstash's own health-report expectations parse, and become the reasons an operator reads. */
class HealthReportFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # file                     | status | pipelines (id=status)                                                                                                       | reason codes                                                           | text in the first message
            abnormal-termination.yaml  | red    | abnormally-terminated-pp=red                                                                                                | logstash_status_red                                                    | pipeline is not running, likely because it has encountered an error
            backpressure-1m.yaml       | yellow | backpressure-1m-pp=yellow                                                                                                   | logstash_status_yellow                                                 | completely blocked for at least one minute
            backpressure-5m.yaml       | red    | backpressure-5m-pp=red                                                                                                      | logstash_status_red                                                    | completely blocked for at least five minutes
            normal-termination.yaml    | yellow | normally-terminated-pp=yellow                                                                                               | logstash_status_yellow                                                 | pipeline has finished running
            recovery-1m.yaml           | yellow | crashy-recovery-pp=yellow                                                                                                   | logstash_status_yellow                                                 | recovered from crashes 1 time in the last 5 minutes
            slow-start.yaml            | yellow | slow-start-pp=yellow                                                                                                        | logstash_status_yellow                                                 | pipeline is loading
            multipipeline.yaml         | red    | slow-start-pp-multipipeline=yellow;normally-terminated-pp-multipipeline=yellow;abnormally-terminated-pp-multipipeline=red | logstash_status_red;logstash_status_yellow;logstash_status_yellow    | pipeline is not running
            """)
    void eachExpectationParsesAndBecomesReasons(String file, String status, String pipelines, String codes, String text)
            throws Exception {
        HealthReport report = LogstashJson.reader(new ObjectMapper()).treeToValue(HealthReports.expectation(file),
                HealthReport.class);

        assertEquals(status, report.status());
        String described = String.join(";", report.indicators().get("pipelines").indicators().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().status()).toList());
        assertEquals(pipelines, described);

        Verdict v = HealthRules.evaluate(inputs(SnapshotMapper.health(report)));
        assertEquals(List.of(codes.split(";")), v.reasons().stream().map(Reason::code).toList());
        assertEquals(status.equals("red") ? Status.UNHEALTHY : Status.DEGRADED, v.status());
        assertTrue(v.reasons().get(0).message().contains(text), v.reasons().get(0).message());
    }

    /**
     * Elastic's published 9.4 example of a recovered pipeline: its recovery log reaches the operator as
     * how many recoveries and the time of the last, beside Logstash's own diagnosis.
     */
    @org.junit.jupiter.api.Test
    void aRecoveryIn94SaysHowOftenAndWhen() throws Exception {
        HealthReport report = LogstashJson.reader(new ObjectMapper()).readValue(
                io.statussidecar.support.Fixtures.file("elastic-api-spec-9.x/health_report_recovery.json").toFile(), HealthReport.class);

        Verdict v = HealthRules.evaluate(inputs(SnapshotMapper.health(report)));

        assertEquals(List.of("logstash_status_yellow"), v.reasons().stream().map(Reason::code).toList());
        String message = v.reasons().get(0).message();
        assertTrue(message.contains("pipeline has recovered from crashes 1 time in the last 5 minutes"), message);
        assertTrue(message.contains("Recovered from a crash 1 time in Logstash's recovery log, the last at 2026-04-01T21:12:04.498144Z"),
                message);
    }

    /** Whatever else a recovery log holds is left out; the newest times are kept, oldest first. */
    @org.junit.jupiter.api.Test
    void aRecoveryLogKeepsOnlyInstants() throws Exception {
        HealthReport report = LogstashJson.reader(new ObjectMapper()).readValue("""
                {"status": "yellow", "indicators": {"pipelines": {"status": "yellow", "indicators": {"p": {"status": "yellow",
                 "details": {"recovery_log": ["2026-04-01T21:13:00Z", "yesterday", 5, null, "2026-04-01T21:12:00Z", "%s"]}}}}}}"""
                .formatted("9".repeat(200)), HealthReport.class);

        LogstashHealth health = SnapshotMapper.health(report);

        assertEquals(List.of(Instant.parse("2026-04-01T21:12:00Z"), Instant.parse("2026-04-01T21:13:00Z")),
                health.indicators().get(0).recoveries());
        assertTrue(HealthRules.evaluate(inputs(health)).reasons().get(0).message()
                .contains("Recovered from a crash 2 times in Logstash's recovery log, the last at 2026-04-01T21:13:00Z"));
    }

    static HealthInputs inputs(LogstashHealth report) {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        Snapshot.Pipeline main = new Snapshot.Pipeline("main", false, 1, 125, null, java.util.Map.of(), null, null, null, List.of(), null, null);
        Snapshot s = new Snapshot(now, new Snapshot.Node("id", "n", "h", "8.16.1", report.status(), "e", 1L, null), null, null,
                null, java.util.Map.of(), List.of(main), List.of());
        CollectorStatus status = new CollectorStatus(now, 1, now, now, now, null, null, 0, null);
        Thresholds t = new Thresholds(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(2),
                Duration.ofMinutes(15), 90, 95, Duration.ofSeconds(36));
        return new HealthInputs(now, "http://localhost:9600", s, List.of(s), new Trends(now, now, java.util.Map.of()), report,
                status, t, LogProfile.of("all", LogTypeRules.builtIn()));
    }
}
