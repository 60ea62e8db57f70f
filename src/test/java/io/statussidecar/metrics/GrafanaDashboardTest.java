package io.statussidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Exposition;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * {@code deployments/grafana/logstash-fleet.json} parses, and every PromQL expression in it (panels
 * and variables) names only series a real scrape of the sidecar has, with a persisted queue and a
 * dead-letter queue in the simulated Logstash so that their series exist too.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("deployments/grafana/logstash-fleet.json");
    /** Prometheus' own series about its targets. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up");
    static final Set<String> KEYWORDS = Set.of("by", "without", "and", "or", "unless", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "vector", "inf", "nan");
    static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    static final Pattern BLOCKS = Pattern.compile("\\{[^}]*\\}|\\[[^\\]]*\\]|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\()?");

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void plain() {
        simulator.clearPatches();
    }

    @Test
    void everyExpressionNamesOnlyExposedSeries() throws IOException {
        simulator.patch("/pipelines/main/queue", Map.of("type", "persisted", "events_count", 12,
                "queue_size_in_bytes", 4096, "max_queue_size_in_bytes", 1 << 30));
        simulator.patch("/pipelines/main/dead_letter_queue", Map.of("queue_size_in_bytes", 1, "dropped_events", 0,
                "max_queue_size_in_bytes", 1 << 30));
        simulator.patch("/jvm/mem/heap_used_percent", 95); // a health reason, so that its series exists
        polls.freshStart();
        polls.poll(3);
        Set<String> exposed = MetricsTest.scrape().samples().stream().map(Exposition.Sample::name).collect(Collectors.toSet());

        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("logstash-sidecar-fleet", dashboard.path("uid").asText());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertEquals("${datasource}", panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                expressions.add(variable.path("query").path("query").asText());
            }
        }
        assertTrue(expressions.size() > 20, "expressions: " + expressions.size());

        Set<String> named = new TreeSet<>();
        for (String expr : expressions) {
            assertFalse(expr.isBlank());
            named.addAll(seriesNames(expr));
        }
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(exposed);
        unknown.removeAll(PROMETHEUS_OWN);
        assertEquals(Set.of(), unknown, "series the sidecar does not expose");
        assertTrue(named.contains("logstash_sidecar_health_status") && named.contains("logstash_log_type_events_total")
                && named.contains("logstash_pipeline_events_out_total"), named.toString());
    }

    @Test
    void theCheckFindsAMisspelledSeries() {
        assertEquals(Set.of("logstash_pipeline_event_out_total"),
                seriesNames("sum by (instance) (rate(logstash_pipeline_event_out_total{instance=~\"$instance\"}[5m]))"));
        assertEquals(Set.of("logstash_up", "up"), seriesNames("count(logstash_up == 0) or vector(0) and on(instance) up"));
        assertEquals(Set.of("logstash_pipeline_events_in_total"),
                seriesNames("label_values(logstash_pipeline_events_in_total{instance=~\"$instance\"}, pipeline)"));
    }

    /** The series a PromQL expression selects: identifiers that are not functions, keywords, labels or Grafana variables. */
    static Set<String> seriesNames(String expr) {
        String bare = BLOCKS.matcher(STRINGS.matcher(expr).replaceAll("\"\"")).replaceAll(" ");
        // Grafana's label_values(metric, label): the label after the comma is no series.
        bare = bare.replaceAll(",\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)", ")");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String id = m.group(1);
            if (m.group(2) == null && !KEYWORDS.contains(id.toLowerCase(java.util.Locale.ROOT))) {
                names.add(id);
            }
        }
        return names;
    }
}
