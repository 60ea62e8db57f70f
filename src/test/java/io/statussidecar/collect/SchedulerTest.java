package io.statussidecar.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.support.SimulatorResource;

/** The real scheduler: it polls at the interval, and a slow Logstash delays polls instead of stacking them. */
@QuarkusTest
@TestProfile(SchedulerTest.Scheduled.class)
@WithTestResource(SimulatorResource.class)
class SchedulerTest {

    public static class Scheduled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "true", "sidecar.poll-interval", "1s",
                    "logstash.read-timeout", "3s");
        }
    }

    LogstashSimulator simulator;

    @Inject
    MetricsStore store;

    @Test
    void pollsAtTheIntervalAndNeverOverlaps() throws InterruptedException {
        waitFor(() -> store.state().collector().attempts() >= 3, 10_000);
        assertTrue(store.state().latest() != null, "a scheduled poll succeeded");

        simulator.fail(Fault.HANG);
        try {
            simulator.resetConcurrency();
            long before = simulator.requests("/_node/stats");
            Thread.sleep(4_500);
            // With a 1s interval and 3s hangs, overlapping runs would keep several requests open at once.
            assertEquals(1, simulator.maxConcurrentRequests());
            long during = simulator.requests("/_node/stats") - before;
            assertTrue(during <= 2, "hung polls delayed the next ones, " + during + " requests in 4.5s");
        } finally {
            simulator.recover();
        }
        long attempts = store.state().collector().attempts();
        waitFor(() -> store.state().collector().attempts() >= attempts + 2 && store.state().collector().lastError() == null, 10_000);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "condition not met within " + millis + " ms");
            Thread.sleep(50);
        }
    }
}
