package io.statussidecar.logstash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.statussidecar.collect.SnapshotMapper;
import io.statussidecar.logtypes.LogTypeRules;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.Snapshot;

/**
 * The start-up and version quirks listed in LOGSTASH-API.md, in bodies written for the test (no public
 * capture of them exists): they are absent values, never errors and never zeros.
 */
class QuirksTest {

    static final LogTypes LOG_TYPES = new LogTypes(LogTypeRules.builtIn(), "all");

    private static Snapshot read(String json) throws Exception {
        return SnapshotMapper.map(LogstashJson.reader(new ObjectMapper()).readValue(json, NodeStats.class), null,
                Instant.EPOCH, LOG_TYPES);
    }

    @Test
    void nullsWhileLogstashStartsAreAbsentValues() throws Exception {
        Snapshot s = read("""
                {"version":"8.16.1","events":{"in":null,"filtered":null,"out":null},
                 "jvm":null,"process":{"cpu":null},
                 "pipelines":{"main":{"events":null,"reloads":null,"queue":null,
                   "plugins":{"inputs":[{"id":"beats-in","name":"beats"}],"filters":null,"outputs":[]}}}}
                """);

        assertNull(s.events().in());
        assertNull(s.jvm());
        assertNull(s.process().cpuPercent());
        Snapshot.Pipeline main = s.pipelines().get(0);
        assertNull(main.events());
        assertNull(main.reloads());
        assertEquals("beats-in", main.plugins().get(0).id());
        assertNull(main.plugins().get(0).events(), "a plugin without events has no counters, not zeros");
    }

    @Test
    void missingSectionsAreAbsent() throws Exception {
        Snapshot s = read("{\"version\":\"6.0.0\"}");

        assertNull(s.events());
        assertTrue(s.pipelines().isEmpty());
        assertTrue(s.flow().isEmpty());
    }

    @Test
    void systemPipelinesAreMarked() throws Exception {
        Snapshot s = read("""
                {"pipelines":{"main":{"events":{"in":5}},".monitoring-logstash":{"events":{"in":2}}}}
                """);

        assertFalse(s.pipelines().stream().filter(p -> p.id().equals("main")).findFirst().orElseThrow().system());
        assertTrue(s.pipelines().stream().filter(p -> p.id().equals(".monitoring-logstash")).findFirst().orElseThrow()
                .system());
    }

    @Test
    void infiniteRatesAndUnknownFieldsAreTolerated() throws Exception {
        Snapshot s = read("""
                {"flow":{"worker_concurrency":{"current":"Infinity","lifetime":"-Infinity","last_1_minute":1.5},
                         "something_new":{"current":3}},
                 "brand_new_section":{"x":[1,2,3]},
                 "pipelines":{"main":{"reloads":{"failures":2,"last_error":{"message":"Expected one of [ \\\\t\\\\r\\\\n]","backtrace":["a"]}}}}}
                """);

        assertEquals(Double.POSITIVE_INFINITY, s.flow().get("workerConcurrency").current());
        assertEquals(Double.NEGATIVE_INFINITY, s.flow().get("workerConcurrency").lifetime());
        assertEquals(1.5, s.flow().get("workerConcurrency").last1Minute());
        assertEquals(3.0, s.flow().get("somethingNew").current());
        assertEquals("Expected one of [ \\t\\r\\n]", s.pipelines().get(0).reloads().lastError());
    }
}
