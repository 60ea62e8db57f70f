package io.statussidecar.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.statussidecar.store.Flow;
import io.statussidecar.store.Series;
import io.statussidecar.store.Snapshot;

class DeltasTest {

    @ParameterizedTest(name = "{0} -> {1} restarted={2}: {3}")
    @CsvSource(nullValues = "null", value = {
            "100, 150, false, 50",
            "100, 100, false, 0",
            "500, 20, false, 20", // went down: a reset, the delta is the new value
            "100, 150, true, 150", // new ephemeral id: everything since the restart
            "null, 150, false, NaN", // first poll: no delta yet
            "100, null, false, NaN" })
    void counterDeltas(Long previous, Long next, boolean restarted, double expected) {
        assertEquals(expected, Deltas.delta(previous, next, restarted));
    }

    @Test
    void firstPollHasNoDeltaButHasGauges() {
        double[] v = Deltas.sample(null, snapshot("a", 100, 40.0, List.of()));

        assertTrue(Double.isNaN(v[Series.EVENTS_IN.ordinal()]));
        assertEquals(40.0, v[Series.HEAP_USED_PERCENT.ordinal()]);
    }

    @Test
    void aRestartDetectedByEphemeralIdIsAReset() {
        double[] v = Deltas.sample(snapshot("a", 100, 40.0, List.of()), snapshot("b", 130, 40.0, List.of()));

        assertEquals(130, v[Series.EVENTS_IN.ordinal()]);
    }

    @Test
    void workerUtilizationIsTheBusiestUserPipelineAndQueueEventsTheirSum() {
        List<Snapshot.Pipeline> pipelines = List.of(pipeline("a", false, 30.0, 5), pipeline("b", false, 80.0, 7),
                pipeline(".monitoring-logstash", true, 99.0, 100));

        double[] v = Deltas.sample(null, snapshot("a", 1, 1.0, pipelines));

        assertEquals(80.0, v[Series.WORKER_UTILIZATION.ordinal()]);
        assertEquals(12.0, v[Series.QUEUE_EVENTS.ordinal()]);
    }

    @Test
    void anInfiniteGaugeIsNoValue() {
        List<Snapshot.Pipeline> pipelines = List.of(pipeline("a", false, Double.POSITIVE_INFINITY, 0));

        double[] v = Deltas.sample(null, snapshot("a", 1, 1.0, pipelines));

        assertTrue(Double.isNaN(v[Series.WORKER_UTILIZATION.ordinal()]));
    }

    private static Snapshot snapshot(String ephemeralId, long in, Double heap, List<Snapshot.Pipeline> pipelines) {
        return new Snapshot(Instant.EPOCH,
                new Snapshot.Node("id", "n", "h", "8.15.2", "green", ephemeralId, 1L, null),
                new Snapshot.Jvm(1L, 2L, heap, 3L, new Snapshot.Gc(0L, 0L, 0L, 0L)),
                new Snapshot.Proc(5.0, 1L, 2L),
                new Snapshot.Events(in, in, in, 0L, 0L), Map.of(), pipelines, List.of());
    }

    private static Snapshot.Pipeline pipeline(String id, boolean system, double utilization, long queued) {
        Flow rate = new Flow(utilization, null, null, null, null, null, null);
        return new Snapshot.Pipeline(id, system, 1, 1, null, Map.of("workerUtilization", rate),
                new Snapshot.Queue("memory", queued, 0L, 0L), null, null, List.of(), null, null);
    }
}
