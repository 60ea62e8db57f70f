package io.statussidecar.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HistoryRingTest {

    private static final boolean[] COUNTER_AND_GAUGE = { false, true };
    private static final double NaN = Double.NaN;

    @Test
    void countersAreSummedAndGaugesAveragedWithinAStep() {
        HistoryRing ring = HistoryRing.perStep(10, 60_000, COUNTER_AND_GAUGE);
        ring.record(1, 0, new double[] { 5, 40 });
        ring.record(2, 20_000, new double[] { 7, 60 });
        ring.record(3, 40_000, new double[] { 3, 50 });

        HistoryRing.Window w = ring.read(-1);

        assertArrayEquals(new long[] { 0 }, w.timestamps());
        assertEquals(15, w.values()[0][0]);
        assertEquals(50, w.values()[1][0]);
    }

    @Test
    void aStepWithoutASuccessfulPollIsAGapNotZero() {
        HistoryRing ring = HistoryRing.perStep(10, 60_000, COUNTER_AND_GAUGE);
        ring.record(1, 0, new double[] { 5, 40 });
        ring.record(2, 60_000, null); // failed poll
        // minute 2 has no poll at all (the sidecar itself was not polling)
        ring.record(3, 180_000, new double[] { 9, 70 });

        HistoryRing.Window w = ring.read(-1);

        assertArrayEquals(new long[] { 0, 60_000, 120_000, 180_000 }, w.timestamps());
        assertArrayEquals(new double[] { 5, NaN, NaN, 9 }, w.values()[0]);
        assertArrayEquals(new double[] { 40, NaN, NaN, 70 }, w.values()[1]);
    }

    @Test
    void perPollRingHasOneStepPerPollIncludingFailedOnes() {
        HistoryRing ring = HistoryRing.perPoll(720, COUNTER_AND_GAUGE);
        for (int i = 1; i <= 5; i++) {
            ring.record(i, i * 5_000L, i == 3 ? null : new double[] { i, i });
        }

        HistoryRing.Window w = ring.read(-1);

        assertEquals(5, w.timestamps().length);
        assertArrayEquals(new double[] { 1, 2, NaN, 4, 5 }, w.values()[0]);
        assertEquals(15_000, w.timestamps()[2]);
    }

    @Test
    void aMissingSeriesValueIsAGapForThatSeriesOnly() {
        HistoryRing ring = HistoryRing.perPoll(10, COUNTER_AND_GAUGE);
        ring.record(1, 1000, new double[] { 4, NaN });

        HistoryRing.Window w = ring.read(-1);

        assertEquals(4, w.values()[0][0]);
        assertTrue(Double.isNaN(w.values()[1][0]));
    }

    @Test
    void oldStepsAreOverwrittenAndReadsAreOldestFirst() {
        HistoryRing ring = HistoryRing.perPoll(3, COUNTER_AND_GAUGE);
        for (int i = 1; i <= 7; i++) {
            ring.record(i, i * 1000L, new double[] { i, i });
        }

        HistoryRing.Window w = ring.read(-1);

        assertArrayEquals(new long[] { 5000, 6000, 7000 }, w.timestamps());
        assertArrayEquals(new double[] { 5, 6, 7 }, w.values()[0]);
        assertEquals(3, ring.size());
    }

    @Test
    void readStartsAtTheRequestedTime() {
        HistoryRing ring = HistoryRing.perPoll(100, COUNTER_AND_GAUGE);
        for (int i = 1; i <= 10; i++) {
            ring.record(i, i * 1000L, new double[] { i, i });
        }

        assertArrayEquals(new long[] { 8000, 9000, 10000 }, ring.read(7999).timestamps());
    }

    @Test
    void aClockSteppedBackDoesNotCorruptTheRing() {
        HistoryRing ring = HistoryRing.perStep(5, 60_000, COUNTER_AND_GAUGE);
        ring.record(1, 10 * 60_000L, new double[] { 1, 1 });
        ring.record(2, 11 * 60_000L, new double[] { 2, 2 });
        ring.record(3, 10 * 60_000L + 5, new double[] { 3, 3 }); // back into a step the ring still holds
        ring.record(4, 0, new double[] { 100, 100 }); // before anything the ring holds: dropped

        HistoryRing.Window w = ring.read(-1);

        assertArrayEquals(new long[] { 600_000, 660_000 }, w.timestamps());
        assertArrayEquals(new double[] { 4, 2 }, w.values()[0]);
    }

    @Test
    void aLongSilenceClearsTheRingInsteadOfLoopingOverIt() {
        HistoryRing ring = HistoryRing.perStep(4, 60_000, COUNTER_AND_GAUGE);
        ring.record(1, 0, new double[] { 1, 1 });
        ring.record(2, Duration.ofDays(365).toMillis(), new double[] { 2, 2 });

        HistoryRing.Window w = ring.read(-1);

        assertEquals(4, w.timestamps().length);
        assertArrayEquals(new double[] { NaN, NaN, NaN, 2 }, w.values()[0]);
    }

    @Test
    void sevenDaysOfFiveSecondPollsKeepEveryRingAtItsFixedSize() {
        boolean[] gauges = new boolean[Series.values().length];
        History history = new History(Duration.ofSeconds(5), gauges);
        double[] sample = new double[Series.values().length];
        java.util.Arrays.fill(sample, 1);
        long start = 1_700_000_000_000L;
        long polls = Duration.ofDays(7).toSeconds() / 5;
        for (long i = 0; i < polls; i++) {
            history.record(i + 1, start + i * 5_000, sample);
        }

        HistoryRing polled = history.ring(HistoryRange.Resolution.POLL);
        HistoryRing minutes = history.ring(HistoryRange.Resolution.MINUTE);
        HistoryRing tenMinutes = history.ring(HistoryRange.Resolution.TEN_MINUTES);
        assertEquals(720, polled.capacity());
        assertEquals(720, polled.size());
        assertEquals(1440, minutes.capacity());
        assertEquals(1440, minutes.size());
        assertEquals(1008, tenMinutes.capacity());
        assertEquals(1008, tenMinutes.size());
        // Every full ten-minute step holds the 120 polls that fell into it.
        double[] events = tenMinutes.read(0).values()[Series.EVENTS_IN.ordinal()];
        assertEquals(120, events[events.length / 2]);
        long end = start + (polls - 1) * 5_000;
        assertEquals(7 * 24 * 6, history.read(HistoryRange.D7, end).window().timestamps().length);
        assertEquals(24 * 60, history.read(HistoryRange.H24, end).window().timestamps().length);
        assertEquals(720, history.read(HistoryRange.H1, end).window().timestamps().length);
        assertEquals(60, history.read(HistoryRange.M5, end).window().timestamps().length);
    }
}
