package io.statussidecar.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;

/**
 * The delivery windows the {@code output_failing} and {@code output_dropping} rules read (SPEC §14):
 * bounded in samples and in outputs whatever the poll interval and the configuration.
 */
class OutputWindowTest {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    static Snapshot.Plugin es(String id, long requests, long failed) {
        return new Snapshot.Plugin(id, "elasticsearch", "output", null, null, Map.of(), null, List.of(), null,
                new Snapshot.BulkRequests(requests - failed, 0L, failed, Map.of("200", requests - failed, "429", failed)),
                new Snapshot.Documents(requests * 125, 0L, 0L, 0L));
    }

    static Snapshot poll(int pipelines, int outputsEach, long requests, long failed) {
        List<Snapshot.Pipeline> list = new ArrayList<>();
        for (int p = 0; p < pipelines; p++) {
            List<Snapshot.Plugin> plugins = new ArrayList<>();
            for (int o = 0; o < outputsEach; o++) {
                plugins.add(es("es-" + o, requests, failed));
            }
            list.add(new Snapshot.Pipeline("p" + p, false, 1, 125, null, Map.of(), null, null, null, plugins, null, null));
        }
        return new Snapshot(T0, new Snapshot.Node("id", "n", "h", "8.15.2", "green", "e", 1L, null), null, null, null, Map.of(), list,
                List.of());
    }

    /** Polled every second for 10 minutes: a sample per 10 s at most, the newest exact, the baseline 5 minutes back. */
    @Test
    void aSecondlyPollKeepsASamplePerTenSeconds() {
        Trends t = Trends.NONE;
        Snapshot prev = null;
        for (int i = 0; i <= 600; i++) {
            Snapshot s = poll(1, 1, 10L * i, i);
            t = TrendTracker.next(t, prev, s, T0.plusSeconds(i));
            prev = s;
        }
        List<Trends.OutputSample> w = t.pipelines().get("p0").outputs().get("es-0");
        assertTrue(w.size() <= 32, "samples: " + w.size());
        assertEquals(T0.plusSeconds(600), w.get(w.size() - 1).at());
        assertEquals(6000, w.get(w.size() - 1).requests());
        long baselineAge = java.time.Duration.between(w.get(0).at(), w.get(w.size() - 1).at()).toSeconds();
        assertTrue(baselineAge >= 300 && baselineAge <= 310, "baseline " + baselineAge + " s before the newest");
        for (int i = 1; i < w.size() - 1; i++) {
            assertTrue(!w.get(i).at().isBefore(w.get(i - 1).at().plusSeconds(10)), "spacing at " + i);
        }
    }

    /** 100 pipelines of 2 elasticsearch outputs each: 64 windows in all, in the pipelines' order. */
    @Test
    void atMost64OutputsAreWatched() {
        Snapshot first = poll(100, 2, 10, 0);
        Trends t = TrendTracker.next(Trends.NONE, null, first, T0);
        t = TrendTracker.next(t, first, poll(100, 2, 20, 1), T0.plusSeconds(5));
        int windows = t.pipelines().values().stream().mapToInt(p -> p.outputs().size()).sum();
        assertEquals(64, windows);
        assertEquals(2, t.pipelines().get("p0").outputs().size());
        assertTrue(t.pipelines().get("p99").outputs().isEmpty());
    }
}
