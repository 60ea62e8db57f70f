package io.statussidecar.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;

/** The window of GC samples the {@code gc_overhead} rule reads (SPEC §14). */
class GcWindowTest {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    static Snapshot at(long youngMillis, Long oldMillis, long uptime, String ephemeralId) {
        Snapshot.Gc gc = new Snapshot.Gc(1L, youngMillis, 0L, oldMillis);
        return new Snapshot(T0, new Snapshot.Node("id", "n", "h", "8.15.2", "green", ephemeralId, uptime, null),
                new Snapshot.Jvm(1L, 2L, 50.0, 10L, gc), null, null, Map.of(), List.of(), List.of());
    }

    @Test
    void keepsTheLastFiveMinutesAndOneSampleBeforeThem() {
        Trends t = Trends.NONE;
        Snapshot prev = null;
        for (int i = 0; i <= 100; i++) { // 100 polls 5 s apart: 500 s
            Snapshot s = at(i * 10L, 0L, 1000L + i * 5000L, "e");
            t = TrendTracker.next(t, prev, s, T0.plusSeconds(5L * i));
            prev = s;
        }
        List<Trends.GcSample> w = t.gc();
        assertEquals(T0.plusSeconds(200), w.get(0).at(), "the baseline: exactly 5 minutes before the newest");
        assertEquals(T0.plusSeconds(500), w.get(w.size() - 1).at());
        assertEquals(61, w.size());
        assertEquals(1000L, w.get(w.size() - 1).millis());
    }

    @Test
    void aRestartedLogstashStartsTheWindowAfresh() {
        Snapshot before = at(5000L, 4000L, 600_000L, "e1");
        Trends t = TrendTracker.next(Trends.NONE, null, before, T0);
        t = TrendTracker.next(t, before, at(6000L, 4500L, 605_000L, "e1"), T0.plusSeconds(5));
        assertEquals(2, t.gc().size());
        Snapshot restarted = at(10L, 0L, 3_000L, "e2");
        t = TrendTracker.next(t, at(6000L, 4500L, 605_000L, "e1"), restarted, T0.plusSeconds(10));
        assertEquals(List.of(new Trends.GcSample(T0.plusSeconds(10), 10L, 0L)), t.gc());
    }

    @Test
    void aLogstashWithoutBothCollectorsHasNoWindow() {
        Trends t = TrendTracker.next(Trends.NONE, null, at(5000L, null, 600_000L, "e"), T0);
        assertTrue(t.gc().isEmpty());
        Snapshot noJvm = new Snapshot(T0, new Snapshot.Node("id", "n", "h", "7.17.9", "green", "e", 1L, null), null, null, null,
                Map.of(), List.of(), List.of());
        assertTrue(TrendTracker.next(Trends.NONE, null, noJvm, T0).gc().isEmpty());
        assertEquals(Duration.ofMinutes(5), Trends.NODE_WINDOW);
    }
}
