package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §4: deltas per counter, summed afterwards, and a gap's delta spread over its steps. No step is
 * larger than what Logstash really did in one step (the simulator's most per tick, plus a margin),
 * and the steps add up to what its counters moved.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class HistoryDeltasTest {

    /** The simulator's most events per tick: each log type's mean, 30 % up, and the edge pipeline's 25. */
    static final double MOST_PER_TICK = 314 * 1.3 + 25;
    /** tunnel_status: 10 a tick in main (30 % up), 25 in edge. */
    static final double MOST_TUNNEL_STATUS_PER_TICK = 10 * 1.3 + 25;

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void twoPipelines() {
        simulator.recover();
        simulator.restart();
        simulator.edgePipeline(true);
        polls.freshStart();
    }

    @AfterEach
    void onePipeline() {
        simulator.recover();
        simulator.edgePipeline(false);
    }

    @Test
    void oneOfTwoPipelinesReloadingIsNoSpike() {
        polls.poll(6); // the edge pipeline's totals grow well past one tick
        long before = simulator.eventCounters()[0];
        simulator.reloadPipeline("main");
        polls.poll(3);
        long after = simulator.eventCounters()[0];

        JsonPath h = given().get("/api/history?range=5m").jsonPath();
        List<Number> in = h.getList("series.eventsIn");
        List<Number> tunnel = h.getList("logTypes.tunnel_status");
        assertEquals(9, in.size());
        for (int i = 1; i < in.size(); i++) {
            assertTrue(in.get(i).doubleValue() <= MOST_PER_TICK, "step " + i + " of eventsIn: " + in);
            assertTrue(tunnel.get(i).doubleValue() <= MOST_TUNNEL_STATUS_PER_TICK, "step " + i + " of tunnel_status: " + tunnel);
        }
        assertEquals(after - before, sum(in.subList(6, 9)), 0.001, "the steps add up to what Logstash counted");
    }

    @Test
    void anOutagesEventsAreSpreadOverItsStepsAndAddUp() {
        polls.poll();
        polls.poll();
        long before = simulator.eventCounters()[0];
        simulator.fail(Fault.REFUSE);
        for (int i = 0; i < 5; i++) {
            polls.poll();
            simulator.advance(1); // Logstash works on while the sidecar cannot reach it
        }
        simulator.recover();
        polls.poll();
        long after = simulator.eventCounters()[0];

        JsonPath h = given().get("/api/history?range=5m").jsonPath();
        List<Number> in = h.getList("series.eventsIn");
        List<Object> heap = h.getList("series.heapUsedPercent");
        assertEquals(8, in.size());
        for (int i = 2; i < 8; i++) {
            assertNotNull(in.get(i), "the gap's steps carry their share: " + in);
            assertTrue(in.get(i).doubleValue() <= MOST_PER_TICK, "step " + i + ": " + in);
        }
        assertEquals(java.util.Arrays.asList(null, null, null, null, null), heap.subList(2, 7), "gauges stay unknown in the gap");
        assertEquals(after - before, sum(in.subList(2, 8)), 0.001, "the steps add up to what Logstash counted");
        // The first poll's step is empty on a fresh sidecar and Logstash's count since its restart when an
        // earlier test left a poll of the old process: the minute steps hold what the poll steps hold.
        List<Number> minutes = given().get("/api/history?range=6h").jsonPath().getList("series.eventsIn");
        assertEquals(sum(in), sum(minutes), 0.001, "the minute steps add up too");
    }

    private static double sum(List<? extends Number> values) {
        double s = 0;
        for (Number n : values) {
            s += n == null ? 0 : n.doubleValue();
        }
        return s;
    }
}
