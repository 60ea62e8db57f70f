package io.statussidecar.metrics;

import java.util.List;

/** One exposed series: a metric and its label values, in the order of its label names. */
record SeriesKey(Metric metric, List<String> labelNames, List<String> labelValues) {

    static SeriesKey of(Metric metric) {
        return new SeriesKey(metric, List.of(), List.of());
    }

    static SeriesKey of(Metric metric, String name, String value) {
        return new SeriesKey(metric, List.of(name), List.of(value));
    }
}
