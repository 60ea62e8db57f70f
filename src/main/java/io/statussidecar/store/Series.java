package io.statussidecar.store;

/**
 * The history series of SPEC §3. A counter is stored as the delta since the previous successful poll
 * and summed into coarser steps; a gauge is averaged.
 */
public enum Series {
    EVENTS_IN("eventsIn", Kind.COUNTER),
    EVENTS_FILTERED("eventsFiltered", Kind.COUNTER),
    EVENTS_OUT("eventsOut", Kind.COUNTER),
    HEAP_USED_PERCENT("heapUsedPercent", Kind.GAUGE),
    CPU_PERCENT("cpuPercent", Kind.GAUGE),
    WORKER_UTILIZATION("workerUtilization", Kind.GAUGE),
    QUEUE_EVENTS("queueEvents", Kind.GAUGE);

    public enum Kind {
        COUNTER,
        GAUGE
    }

    private final String key;
    private final Kind kind;

    Series(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }
}
