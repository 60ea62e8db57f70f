package io.statussidecar.diagnosis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §13 windowed hot threads against a simulated Logstash whose threads burn known CPU and which
 * computes {@code percent_of_cpu_time} as Logstash does (CPU time over uptime, truncated to 0.01): the
 * window's figures are the CPU burnt in it, busiest first, where Logstash's lifetime figure ranks the
 * threads the other way round.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class HotThreadsWindowTest {

    LogstashSimulator simulator;

    @Test
    void cpuWithinTheWindowNotSinceStart() {
        // Up for 10 minutes: the truncation to 0.01 % then bounds a 2 s window's figures to ±3 %.
        simulator.upFor(java.time.Duration.ofMinutes(10));
        simulator.burn("[main]>worker0", 0.80, 5.0);   // busy now, little before
        simulator.burn("[main]>worker1", 0.05, 30.0);  // busy long ago, idle now
        simulator.burn("[main]<udp", 0.20, 12.0);
        JsonPath r = given().get("/api/hot-threads?window=2s").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();

        List<Map<String, Object>> threads = r.getList("threads");
        assertEquals(List.of("[main]>worker0", "[main]<udp", "[main]>worker1"),
                threads.stream().map(t -> t.get("name")).toList().subList(0, 3), "busiest in the window first");
        double resolution = r.getDouble("resolutionPercent");
        // 0.01 % of the uptime, over the window: the truncation's bound.
        assertEquals(100 * 1e-4 * r.getDouble("uptimeMillis") / r.getDouble("windowMillis"), resolution, 0.002);
        assertNear(80, threads.get(0), resolution);
        assertNear(20, threads.get(1), resolution);
        assertNear(5, threads.get(2), resolution);
        // Logstash's own figure (since start) ranks them the other way: worker1 first.
        assertTrue(((Number) threads.get(2).get("lifetimePercent")).doubleValue()
                > ((Number) threads.get(0).get("lifetimePercent")).doubleValue(), threads.toString());
        long window = r.getLong("windowMillis");
        assertTrue(window >= 2000 && window < 2500, "the window on Logstash's clock: " + window);
        assertTrue(r.getString("method").startsWith("CPU time of each thread at the start and the end of the window"));
        assertTrue(((List<?>) threads.get(0).get("traces")).size() > 0, "with its stack");
    }

    static void assertNear(double expected, Map<String, Object> thread, double resolution) {
        double actual = ((Number) thread.get("cpuPercent")).doubleValue();
        // Timing of the two samples adds a little to the truncation's bound.
        assertTrue(Math.abs(actual - expected) <= resolution + 3, thread.get("name") + ": " + actual + " % not near " + expected);
    }

    @Test
    void theWindowIsChecked() {
        for (String bad : List.of("0s", "61s", "soon", "-5s")) {
            given().get("/api/hot-threads?window=" + bad).then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_parameter"))
                    .body("message", containsString("1s to 60s"));
        }
        given().get("/api/hot-threads?window=2s&human=true").then().statusCode(400).body("message", containsString("human"));
    }
}
