package io.statussidecar.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * The rules of SPEC §5 that need time or repetition, on the test clock: the wedged pipeline (memory
 * queue, blocked output: in and out both stop) is stalled within the stall period, an idle one never
 * is, and the "for 3 polls" and "for 15 minutes" rules wait for that long and no less.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class StallAndPatienceTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void healthyLogstash() {
        simulator.recover();
        simulator.restart();
        polls.freshStart();
        polls.poll(3);
        health(200).body("reasons", empty());
    }

    @AfterEach
    void cleanUp() {
        simulator.wedge(false);
        simulator.stall(false);
        simulator.idle(false);
        simulator.clearPatches();
    }

    @Test
    void aWedgedPipelineIsStalledWithinTheStallPeriodAndRecovers() {
        simulator.wedge(true);
        polls.poll();
        polls.advance(Duration.ofSeconds(55));
        polls.poll();
        health(200).body("reasons.code", not(hasItem("pipeline_stalled"))); // 1 minute of the 2

        polls.advance(Duration.ofSeconds(55));
        polls.poll(); // 2 minutes since the last event left, workers busy all along

        health(503).body("status", equalTo("unhealthy"))
                .body("reasons.code", hasItem("pipeline_stalled"))
                .body("reasons.find { it.code == 'pipeline_stalled' }.message",
                        containsString("workers are all busy or its queue blocks the inputs"));

        simulator.wedge(false);
        polls.poll(2);
        health(200).body("reasons.code", not(hasItem("pipeline_stalled")));
    }

    @Test
    void anIdlePipelineIsNeverUnhealthy() {
        simulator.idle(true);
        for (int i = 0; i < 6; i++) {
            polls.advance(Duration.ofMinutes(1));
            polls.poll();
            health(200).body("reasons.code", not(hasItem("pipeline_stalled")));
        }
        polls.advance(Duration.ofMinutes(10));
        polls.poll();
        health(200).body("status", equalTo("degraded")).body("reasons.code", hasItem("no_events"))
                .body("reasons.code", not(hasItem("pipeline_stalled")));
    }

    @Test
    void noEventsHasNotFiredAtFourteenMinutes() {
        simulator.idle(true);
        polls.poll();
        polls.advance(Duration.ofMinutes(14).minus(Polls.INTERVAL));
        polls.poll(); // 14 minutes after the last event entered
        health(200).body("reasons", empty());

        polls.advance(Duration.ofMinutes(1));
        polls.poll();
        health(200).body("reasons.code", hasItem("no_events"));
    }

    @Test
    void oneOrTwoPollsAreNotEnoughForTheThreePollRules() {
        simulator.patch("/pipelines/main/flow/worker_utilization/current", 99.0);
        simulator.patch("/pipelines/main/flow/queue_backpressure/current", 0.95);
        simulator.patch("/jvm/mem/heap_used_percent", 95);

        polls.poll();
        health(200).body("reasons", empty());
        polls.poll();
        health(200).body("reasons", empty());
        polls.poll();
        health(200).body("status", equalTo("degraded"))
                .body("reasons.code", hasItem("workers_saturated"))
                .body("reasons.code", hasItem("queue_backpressure"))
                .body("reasons.code", hasItem("heap_pressure"));
    }

    private static ValidatableResponse health(int status) {
        return given().get("/api/health").then().statusCode(status).contentType("application/json");
    }
}
