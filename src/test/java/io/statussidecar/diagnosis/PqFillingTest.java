package io.statussidecar.diagnosis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §5 {@code pq_filling}: a persisted queue that has grown for 10 minutes and at that rate is full
 * within the hour, with the estimated time to full; not before 10 minutes, not for a slow growth.
 * Polls are 5 s apart on the test clock; the simulated queue grows once a poll.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class PqFillingTest {

    static final long GIB = 1L << 30;

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void plain() {
        simulator.clearPatches();
    }

    static List<Map<String, Object>> filling() {
        List<Map<String, Object>> reasons = given().get("/api/health").then().extract().jsonPath().getList("reasons");
        return reasons.stream().filter(r -> "pq_filling".equals(r.get("code"))).toList();
    }

    @Test
    void aQueueThatFillsWithinTheHourAfterTenMinutes() {
        simulator.clearPatches();
        polls.freshStart();
        polls.poll();
        simulator.persistedQueue(GIB, 5 * 1024 * 1024); // 1 MiB/s: a GiB in about 17 minutes
        polls.poll(108); // 9 minutes of growth
        assertEquals(List.of(), filling(), "not before 10 minutes");
        polls.poll(13);
        List<Map<String, Object>> r = filling();
        assertEquals(1, r.size(), "after 10 minutes: " + r);
        assertEquals("degraded", r.get(0).get("severity"));
        String message = r.get(0).get("message").toString();
        assertTrue(message.startsWith("Pipeline 'main': the persisted queue grew by "), message);
        // 5 MiB a poll from the first persisted poll on: 600 MiB over 121 polls of 5 s, 419 MiB left.
        assertEquals("Pipeline 'main': the persisted queue grew by 600.0 MiB in 10 min (59.5 MiB/min) and at that rate is full in "
                + "about 7 min (605.0 MiB of 1024.0 MiB). The outputs do not keep up: see the pipeline's bottleneck in /api/stats", message);

        simulator.clearPatches(); // a memory queue again: nothing to fill
        polls.poll();
        assertEquals(List.of(), filling());
    }

    @Test
    void aSlowGrowthIsNoAlarm() {
        simulator.clearPatches();
        polls.freshStart();
        polls.poll();
        simulator.persistedQueue(GIB, 50 * 1024); // 10 KiB/s: full in more than a day
        polls.poll(150);
        assertEquals(List.of(), filling());
    }
}
