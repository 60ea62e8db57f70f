package io.statussidecar.logstash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.statussidecar.collect.SnapshotMapper;
import io.statussidecar.logtypes.LogTypeRules;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.Snapshot;
import io.statussidecar.support.Fixtures;

/** Every captured Logstash response parses, and these are the values read from each. */
class FixturesTest {

    static final LogTypes LOG_TYPES = new LogTypes(LogTypeRules.builtIn(), "all");

    static final ObjectReader READER = LogstashJson.reader(new ObjectMapper());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # file                              | version | status | heap% | cpu% | eventsIn | uptimeMs | pipelines  | main plugins | flow keys
            beats/6.5.0/node_stats.650.json     | 6.5.0   | -      | 34    | 0    | 0        | 118041   | main       | 2            | 0
            beats/7.8.1/node_stats.710.json     | 7.8.1   | green  | 35    | 1    | 0        | 33546    | main       | 4            | 0
            beats/8.4.0/node_stats.840.json     | 8.4.0   | green  | 15    | 0    | 65       | 78193    | main       | 3            | 0
            logstash/7.11.1/metrics.json        | 7.11.1  | green  | 17    | 33   | 174126   | 37263    | main       | 8            | 0
            elastic-api-spec-9.x/node_stats.json | 9.1.0  | green  | 20    | 0    | 1        | 14712    | heartbeat-ruby-stdout | 5 | 5
            """)
    void nodeStatsFixturesBecomeSnapshots(String file, String version, String status, double heap, double cpu,
            long eventsIn, long uptime, String pipelines, int mainPlugins, int nodeFlowKeys) throws IOException {
        NodeStats stats = READER.readValue(Fixtures.file(file).toFile(), NodeStats.class);
        Snapshot s = SnapshotMapper.map(stats, null, Instant.EPOCH, LOG_TYPES);

        assertEquals(version, s.node().version());
        assertEquals(status, s.node().status());
        assertEquals(heap, s.jvm().heapUsedPercent());
        assertEquals(cpu, s.process().cpuPercent());
        assertEquals(eventsIn, s.events().in());
        assertEquals(uptime, s.node().uptimeMillis());
        assertEquals(pipelines, s.pipelines().stream().map(Snapshot.Pipeline::id).collect(Collectors.joining(",")));
        assertEquals(mainPlugins, s.pipelines().get(0).plugins().size());
        assertEquals(nodeFlowKeys, s.flow().size());
        assertNotNull(s.jvm().gc().youngCount(), "young GC count");
        assertNotNull(s.jvm().heapMaxBytes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # file                                   | version      | ephemeralId                           | pipeline=workers/batch
            beats/6.4.1/node.641.json                | 6.4.1        | -                                     | main=8/125
            beats/7.0.0-alpha1/node.700.json         | 7.0.0-alpha1 | -                                     | main=8/125
            beats/7.0.0-alpha1/pipelines.700.json    | 7.0.0-alpha1 | -                                     | test=1/1;another_test=8/125
            beats/7.8.1/root.710.json                | 7.8.1        | 06807db4-dbb2-4260-982f-b6ea4dfa5270  | -
            logstash-exporter/8.15.2/node_info.json  | 8.15.2       | eb4d9042-5642-4e21-bb8d-27454b81c5bc  | -
            integrations/8.5.0/node_pipelines_graph.json | 8.5.0    | -                                     | pipeline-with-persisted-queue=10/125
            elastic-api-spec-9.x/root.json           | 9.2.1        | 59df6f6c-eb5c-4d42-bc20-c7b44779aa12  | -
            """)
    void nodeFixturesParse(String file, String version, String ephemeralId, String pipelines) throws IOException {
        NodeInfo info = READER.readValue(Fixtures.file(file).toFile(), NodeInfo.class);

        assertEquals(version, info.version());
        assertEquals(ephemeralId, info.ephemeralId());
        String described = info.pipelines() == null ? null
                : info.pipelines().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().workers() + "/" + e.getValue().batchSize())
                        .collect(Collectors.joining(";"));
        assertEquals(pipelines, described);
    }

    @Test
    void everyJsonFixtureIsInOneOfTheTables() throws IOException {
        // A fixture added later must be given its row above, not be silently skipped.
        List<String> known = List.of("beats/6.5.0/node_stats.650.json", "beats/7.8.1/node_stats.710.json",
                "beats/8.4.0/node_stats.840.json", "logstash/7.11.1/metrics.json", "beats/6.4.1/node.641.json",
                "beats/7.0.0-alpha1/node.700.json", "beats/7.0.0-alpha1/pipelines.700.json",
                "beats/7.8.1/root.710.json", "logstash-exporter/8.15.2/node_info.json",
                "integrations/8.5.0/node_pipelines_graph.json", "elastic-api-spec-9.x/node_stats.json",
                "elastic-api-spec-9.x/root.json", "elastic-api-spec-9.x/node_stats_pipelines.json",
                "elastic-api-spec-9.x/node_stats_os.json", "elastic-api-spec-9.x/health_report_normal_termination.json",
                "elastic-api-spec-9.x/health_report_abnormal_termination.json",
                "elastic-api-spec-9.x/health_report_backpressure.json", "elastic-api-spec-9.x/health_report_recovery.json");
        try (Stream<java.nio.file.Path> files = Files.walk(Fixtures.DIR)) {
            List<String> json = files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> Fixtures.DIR.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertEquals(known.stream().sorted().toList(), json);
        }
    }

    @Test
    void workersAndBatchSizeComeFromNodeInfoBefore818() throws IOException {
        NodeStats stats = READER.readValue(Fixtures.file("beats/7.8.1/node_stats.710.json").toFile(), NodeStats.class);
        NodeInfo info = READER.readValue(Fixtures.file("beats/6.4.1/node.641.json").toFile(), NodeInfo.class);

        Snapshot.Pipeline main = SnapshotMapper.map(stats, info, Instant.EPOCH, LOG_TYPES).pipelines().get(0);

        assertEquals(8, main.workers());
        assertEquals(125, main.batchSize());
        assertNull(SnapshotMapper.map(stats, null, Instant.EPOCH, LOG_TYPES).pipelines().get(0).workers());
    }

    @Test
    void pipelineFlowOf7111IsReadWithCamelCaseNames() throws IOException {
        NodeStats stats = READER.readValue(Fixtures.file("logstash/7.11.1/metrics.json").toFile(), NodeStats.class);
        Snapshot.Pipeline main = SnapshotMapper.map(stats, null, Instant.EPOCH, LOG_TYPES).pipelines().get(0);

        assertEquals(4.4, main.flow().get("inputThroughput").current());
        assertEquals(0.25, main.flow().get("inputThroughput").lifetime());
        assertEquals(0.288, main.flow().get("workerConcurrency").current());
        assertTrue(main.plugins().stream().anyMatch(p -> p.name().equals("grok") && p.events().in() == 359375L));
    }

    /**
     * Logstash 9.x as Elastic documents it (no public repository holds a captured 9.x response): the
     * per-pipeline stats of 9.2+, one pipeline with a {@code batch} block (9.3+'s percentiles included),
     * one without; the rest is read as before.
     */
    @Test
    void pipelineStatsOf9xCarryTheirBatches() throws IOException {
        NodeStats stats = READER.readValue(Fixtures.file("elastic-api-spec-9.x/node_stats_pipelines.json").toFile(), NodeStats.class);
        Snapshot s = SnapshotMapper.map(stats, null, Instant.EPOCH, LOG_TYPES);

        assertEquals("beats-es,heartbeat-ruby-stdout", s.pipelines().stream().map(Snapshot.Pipeline::id).collect(Collectors.joining(",")));
        Snapshot.Pipeline beats = s.pipelines().get(0);
        assertEquals(216610L, beats.events().in());
        assertEquals(4, beats.workers());
        assertEquals(125, beats.batchSize());
        assertEquals(4, beats.plugins().size());
        Snapshot.Batch batch = beats.batch();
        assertEquals(78.0, batch.events().current());
        assertEquals(115.0, batch.events().average().lifetime());
        assertEquals(120.0, batch.events().average().last1Minute());
        assertEquals(112.0, batch.events().p90().last5Minutes());
        assertNull(batch.events().p50().lifetime(), "the example gives no lifetime p50 of events");
        assertNull(batch.events().max(), "nor a max of events");
        assertEquals(32767.0, batch.bytes().current());
        assertEquals(14670.0, batch.bytes().max().last15Minutes());
        assertNull(s.pipelines().get(1).batch(), "a pipeline without the block has none");
    }

    /** What a hostile or broken Logstash puts in the block is left out, never read as 0 or a failure. */
    @Test
    void aBatchBlockKeepsOnlyFiniteNumbers() throws IOException {
        com.fasterxml.jackson.databind.JsonNode odd = new ObjectMapper().readTree("""
                {"event_count": {"current": "78", "average": {"lifetime": 1e400, "last_1_minute": 12, "last_2_days": 5},
                                 "p50": [], "p90": {"last_5_minutes": null}},
                 "byte_size": "big"}""");
        Snapshot.Batch batch = SnapshotMapper.batch(odd);

        assertNull(batch.events().current());
        assertNull(batch.events().average().lifetime());
        assertEquals(12.0, batch.events().average().last1Minute());
        assertNull(batch.events().p50());
        assertNull(batch.events().p90());
        assertNull(batch.bytes());
        assertNull(SnapshotMapper.batch(new ObjectMapper().readTree("{\"event_count\": {}}")));
        assertNull(SnapshotMapper.batch(new ObjectMapper().readTree("[]")));
    }

    /**
     * The elasticsearch output's delivery counters and the pipeline plugins' addresses, in the shape
     * Logstash writes a plugin's own metrics (stats.rb merges its namespaces into the plugin's object),
     * read leniently: what is not a whole count ≥ 0, not a status code, or not a short string is left
     * out, and a hostile number of codes or addresses is cut.
     */
    @Test
    void deliveryCountersAndPipelineAddressesAreReadLeniently() throws IOException {
        StringBuilder manyCodes = new StringBuilder();
        for (int code = 100; code < 600; code++) {
            manyCodes.append(",\"").append(code).append("\": 1");
        }
        NodeStats stats = READER.readValue("""
                {"pipelines": {"p": {"plugins": {
                  "inputs": [{"id": "in", "name": "pipeline", "address": "up"}, {"id": "odd", "name": "pipeline", "address": 7},
                             {"id": "tcp", "name": "tcp", "address": "0.0.0.0"}],
                  "outputs": [
                    {"id": "es", "name": "elasticsearch",
                     "bulk_requests": {"successes": 10, "with_errors": 2, "failures": -1, "responses": {"200": 12, "429": "3", "abc": 1, "2000": 4}},
                     "documents": {"successes": 1200, "retryable_failures": 2.5, "non_retryable_failures": 3, "dlq_routed": 1e400}},
                    {"id": "many", "name": "elasticsearch", "bulk_requests": {"responses": {"200": 1%s}}},
                    {"id": "junk", "name": "elasticsearch", "bulk_requests": [], "documents": "none"},
                    {"id": "send", "name": "pipeline", "send_to": ["down", "", 5, "other"]},
                    {"id": "http", "name": "http", "send_to": ["not a pipeline output"]}]}}}}
                """.formatted(manyCodes), NodeStats.class);
        Map<String, Snapshot.Plugin> plugins = SnapshotMapper.map(stats, null, Instant.EPOCH, LOG_TYPES).pipelines().get(0).plugins()
                .stream().collect(Collectors.toMap(Snapshot.Plugin::id, p -> p));

        Snapshot.Plugin es = plugins.get("es");
        assertEquals(new Snapshot.BulkRequests(10L, 2L, null, Map.of("200", 12L)), es.bulkRequests());
        assertEquals(new Snapshot.Documents(1200L, null, 3L, null), es.documents());
        assertEquals(32, plugins.get("many").bulkRequests().responses().size(), "at most 32 status codes per output");
        assertNull(plugins.get("junk").bulkRequests());
        assertNull(plugins.get("junk").documents());
        assertEquals(List.of("down", "other"), plugins.get("send").sendTo());
        assertEquals(List.of(), plugins.get("http").sendTo(), "only a pipeline output sends to pipelines");
        assertEquals("up", plugins.get("in").address());
        assertNull(plugins.get("odd").address());
        assertNull(plugins.get("tcp").address(), "a tcp input's address is no pipeline address");
        assertNull(plugins.get("in").bulkRequests(), "inputs have no delivery counters");
    }

    /** The 9.x node-stats example of the {@code os} path: the container's CPU limit and throttling. */
    @Test
    void nodeStatsOsOf9xGiveTheCgroup() throws IOException {
        NodeStats stats = READER.readValue(Fixtures.file("elastic-api-spec-9.x/node_stats_os.json").toFile(), NodeStats.class);
        Snapshot.Cgroup c = SnapshotMapper.map(stats, null, Instant.EPOCH, LOG_TYPES).cgroup();

        assertEquals(0.8, c.limitCores());
        assertEquals(4157L, c.elapsedPeriods());
        assertEquals(460L, c.throttledPeriods());
        assertEquals(581617440755L, c.throttledNanos());
        // 8.4.0 captured in a container without a CPU limit (quota -1): no limit, never a guessed one.
        NodeStats old = READER.readValue(Fixtures.file("beats/8.4.0/node_stats.840.json").toFile(), NodeStats.class);
        Snapshot.Cgroup unlimited = SnapshotMapper.map(old, null, Instant.EPOCH, LOG_TYPES).cgroup();
        assertNull(unlimited.quotaMicros());
        assertNull(unlimited.limitCores());
        // 6.5.0 reports no cgroup at all.
        NodeStats older = READER.readValue(Fixtures.file("beats/6.5.0/node_stats.650.json").toFile(), NodeStats.class);
        assertNull(SnapshotMapper.map(older, null, Instant.EPOCH, LOG_TYPES).cgroup());
    }

    /** Elastic's four published {@code /_health_report} cases, the 9.4 recovery diagnosis among them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            health_report_normal_termination.json   | normal-completion-pipeline    | yellow | -
            health_report_abnormal_termination.json | abnormal-termination-pipeline | red    | -
            health_report_backpressure.json         | blocked-pipeline              | red    | logstash:health:pipeline:flow:worker_utilization:diagnosis:5m-blocked
            health_report_recovery.json             | crashy-pipeline               | yellow | logstash:health:pipeline:recovery:diagnosis:5m-recovery-recent
            """, nullValues = "-")
    void healthReportExamplesOf9xParse(String file, String pipeline, String status, String diagnosis) throws IOException {
        HealthReport report = READER.readValue(Fixtures.file("elastic-api-spec-9.x/" + file).toFile(), HealthReport.class);
        HealthReport.Indicator p = report.indicators().get("pipelines").indicators().get(pipeline);

        assertNotNull(p, pipeline);
        assertEquals(status, p.status());
        // Two of Elastic's examples give a diagnosis without an id: its cause is what there is to tell.
        assertEquals(diagnosis, p.diagnosis().get(0).id());
        assertNotNull(p.diagnosis().get(0).cause());
    }
}
