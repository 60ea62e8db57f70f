package io.statussidecar.store;

import java.util.Arrays;

/**
 * A fixed-size ring of history steps in primitive arrays: no object per sample, so memory is the same
 * after an hour and after a year. A step is either one poll ({@link #perPoll}) or a wall-clock interval
 * ({@link #perStep}); several polls falling into one step are summed (counters) or averaged (gauges).
 * A step that no successful poll reached reads as NaN, which the API writes as {@code null}.
 * The single writer is the collector; readers copy out under the same monitor.
 */
public final class HistoryRing {

    private static final long EMPTY = Long.MIN_VALUE;

    private final long stepMillis;
    private final int capacity;
    private final boolean[] gauge;
    private final long[] keys;
    private final long[] times;
    private final double[][] sums;
    private final int[][] counts;
    private long firstKey = EMPTY;
    private long newestKey = EMPTY;

    private HistoryRing(int capacity, long stepMillis, boolean[] gauge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.stepMillis = stepMillis;
        this.gauge = gauge.clone();
        this.keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        this.times = new long[capacity];
        this.sums = new double[gauge.length][capacity];
        this.counts = new int[gauge.length][capacity];
    }

    /** One step per poll; the step's timestamp is the poll's. */
    public static HistoryRing perPoll(int capacity, boolean[] gauge) {
        return new HistoryRing(capacity, 0, gauge);
    }

    /** One step per {@code stepMillis} of wall-clock time; the step's timestamp is its start. */
    public static HistoryRing perStep(int capacity, long stepMillis, boolean[] gauge) {
        return new HistoryRing(capacity, stepMillis, gauge);
    }

    /**
     * Records a poll. {@code values} holds one value per series (NaN: that series has no value this
     * time); {@code null} records a failed poll, which opens its step without a value.
     */
    public synchronized void record(long pollSequence, long timeMillis, double[] values) {
        record(pollSequence, timeMillis, values, -1, 0);
    }

    /**
     * Records a successful poll that follows failed ones: its counter deltas cover the whole gap since
     * the previous success ({@code sinceSequence}, {@code sinceMillis}), so they are spread evenly over
     * the gap's steps (by poll, or by wall-clock time), and a total over any range stays right with no
     * step spiking. Gauges belong to this poll alone. {@code sinceSequence} below 0: no gap to spread.
     */
    public synchronized void record(long pollSequence, long timeMillis, double[] values, long sinceSequence,
            long sinceMillis) {
        long key = stepMillis == 0 ? pollSequence : Math.floorDiv(timeMillis, stepMillis);
        if (newestKey == EMPTY) {
            firstKey = key;
            newestKey = key;
            open(key, timeMillis);
        } else if (key > newestKey) {
            for (long k = Math.max(newestKey + 1, key - capacity + 1); k <= key; k++) {
                open(k, timeMillis);
            }
            newestKey = key;
        }
        int i = slot(key);
        // A clock stepped back past what the ring holds, or before its first step: nowhere to put it.
        if (keys[i] != key || values == null) {
            return;
        }
        boolean gap = sinceSequence >= 0 && pollSequence - sinceSequence > 1 && timeMillis > sinceMillis;
        for (int s = 0; s < values.length && s < sums.length; s++) {
            if (Double.isNaN(values[s])) {
                continue;
            }
            if (!gap || gauge[s]) {
                sums[s][i] += values[s];
                counts[s][i]++;
            } else if (stepMillis == 0) {
                long steps = pollSequence - sinceSequence;
                for (long k = sinceSequence + 1; k <= pollSequence; k++) {
                    add(s, k, values[s] / steps);
                }
            } else {
                double span = timeMillis - sinceMillis;
                for (long k = Math.floorDiv(sinceMillis, stepMillis); k <= key; k++) {
                    long overlap = Math.min(timeMillis, (k + 1) * stepMillis) - Math.max(sinceMillis, k * stepMillis);
                    if (overlap > 0) {
                        add(s, k, values[s] * overlap / span);
                    }
                }
            }
        }
    }

    // Into a step the ring still holds; a share for a step it no longer holds is gone with that step.
    private void add(int series, long key, double value) {
        int i = slot(key);
        if (keys[i] == key && key <= newestKey) {
            sums[series][i] += value;
            counts[series][i]++;
        }
    }

    /** The steps whose timestamp is after {@code afterMillis}, oldest first. */
    public synchronized Window read(long afterMillis) {
        if (newestKey == EMPTY) {
            return new Window(new long[0], new double[sums.length][0]);
        }
        long start = Math.max(firstKey, newestKey - capacity + 1);
        int n = 0;
        long[] ts = new long[(int) (newestKey - start + 1)];
        double[][] vs = new double[sums.length][ts.length];
        for (long k = start; k <= newestKey; k++) {
            int i = slot(k);
            if (keys[i] != k || times[i] <= afterMillis) {
                continue;
            }
            ts[n] = times[i];
            for (int s = 0; s < sums.length; s++) {
                int c = counts[s][i];
                vs[s][n] = c == 0 ? Double.NaN : gauge[s] ? sums[s][i] / c : sums[s][i];
            }
            n++;
        }
        double[][] trimmed = new double[sums.length][];
        for (int s = 0; s < sums.length; s++) {
            trimmed[s] = Arrays.copyOf(vs[s], n);
        }
        return new Window(Arrays.copyOf(ts, n), trimmed);
    }

    public int capacity() {
        return capacity;
    }

    public long stepMillis() {
        return stepMillis;
    }

    /** How many steps the ring holds now (never more than its capacity). */
    public synchronized int size() {
        return newestKey == EMPTY ? 0 : (int) (newestKey - Math.max(firstKey, newestKey - capacity + 1) + 1);
    }

    private void open(long key, long timeMillis) {
        int i = slot(key);
        keys[i] = key;
        times[i] = stepMillis == 0 ? timeMillis : key * stepMillis;
        for (int s = 0; s < sums.length; s++) {
            sums[s][i] = 0;
            counts[s][i] = 0;
        }
    }

    private int slot(long key) {
        return (int) Math.floorMod(key, (long) capacity);
    }

    /** A copy of some steps: {@code values[series][step]}, NaN where no value exists. */
    public record Window(long[] timestamps, double[][] values) {
    }
}
