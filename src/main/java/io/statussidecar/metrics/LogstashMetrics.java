package io.statussidecar.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.runtime.StartupEvent;
import io.statussidecar.config.SidecarConfig;
import io.statussidecar.health.HealthEvaluator;
import io.statussidecar.notify.Notifier;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.State;

/**
 * Binds the store's view of Logstash to Micrometer's registry (SPEC §9): nothing here calls Logstash.
 * After each poll the series are reconciled with what Logstash reported: new pipelines, plugins and
 * log types get meters, series nothing reports any more (a reload that renamed plugins, a removed
 * pipeline, a Logstash upgrade's new version label) are removed, and the rest take the poll's values.
 * A scrape then only reads those values. Up and health are read at scrape time, because they change
 * when polls fail or stop, when no new data arrives.
 */
@Singleton
public class LogstashMetrics {

    private static final Logger LOG = Logger.getLogger(LogstashMetrics.class);

    /** A series' current value: the registry's meters hold their object weakly, this map strongly. */
    static final class Cell {
        volatile double value;

        double value() {
            return value;
        }
    }

    private record Bound(Cell cell, Meter meter) {
    }

    private final MeterRegistry registry;
    private final MetricsStore store;
    private final HealthEvaluator health;
    private final int maxPlugins;
    private final Map<SeriesKey, Bound> bound = new HashMap<>();
    static final List<String> REASON_LABELS = List.of("code", "severity");

    private final Notifier notifier;

    @Inject
    LogstashMetrics(MeterRegistry registry, MetricsStore store, HealthEvaluator health, SidecarConfig config, Notifier notifier) {
        this.registry = registry;
        this.notifier = notifier;
        this.store = store;
        this.health = health;
        this.maxPlugins = config.metricsMaxPlugins();
    }

    void register(@Observes StartupEvent start) {
        gauge(Metric.UP, this, m -> m.up());
        gauge(Metric.HEALTH_STATUS, this, m -> m.health.verdict(m.store.state()).status().ordinal());
        gauge(Metric.LAST_SUCCESS, this, m -> {
            CollectorStatus c = m.store.state().collector();
            return c.lastSuccessAt() == null ? Double.NaN : c.lastSuccessAt().toEpochMilli() / 1000.0;
        });
        // Zero while notifications are off, so an alert on failed or dropped ones can be written for every instance.
        counter(Metric.NOTIFICATIONS, "outcome", "sent", notifier, Notifier::sent);
        counter(Metric.NOTIFICATIONS, "outcome", "failed", notifier, Notifier::failed);
        counter(Metric.NOTIFICATIONS, "outcome", "dropped", notifier, Notifier::dropped);
    }

    /**
     * The store publishes each poll's state. The health reasons follow every poll, failed ones too
     * (that is when logstash_unreachable starts); what Logstash reported changes only with a successful one.
     */
    synchronized void onPoll(@Observes State state) {
        try {
            if (state.latest() != null && state.collector().lastError() == null) {
                reconcile(Samples.of(state.latest(), maxPlugins), key -> key.metric() != Metric.HEALTH_REASON);
            }
            Map<SeriesKey, Double> reasons = new java.util.LinkedHashMap<>();
            for (var reason : health.verdict(state).reasons()) {
                reasons.put(new SeriesKey(Metric.HEALTH_REASON, REASON_LABELS, List.of(reason.code(), reason.severity().json())), 1.0);
            }
            reconcile(reasons, key -> key.metric() == Metric.HEALTH_REASON);
        } catch (RuntimeException e) {
            // A bug here must not cost the collector its poll: the previous values stay exposed.
            LOG.errorf(e, "Could not update the Logstash metrics");
        }
    }

    int seriesCount() {
        return bound.size();
    }

    private double up() {
        CollectorStatus c = store.state().collector();
        return c.lastSuccessAt() != null && c.lastError() == null ? 1 : 0;
    }

    /** The series within {@code scope} become exactly {@code values}: new ones bound, missing ones removed. */
    private void reconcile(Map<SeriesKey, Double> values, java.util.function.Predicate<SeriesKey> scope) {
        for (Iterator<Map.Entry<SeriesKey, Bound>> it = bound.entrySet().iterator(); it.hasNext();) {
            Map.Entry<SeriesKey, Bound> e = it.next();
            if (scope.test(e.getKey()) && !values.containsKey(e.getKey())) {
                registry.remove(e.getValue().meter());
                it.remove();
            }
        }
        values.forEach((key, value) -> bound.computeIfAbsent(key, this::bind).cell().value = value);
    }

    private Bound bind(SeriesKey key) {
        Cell cell = new Cell();
        List<Tag> tags = new ArrayList<>(key.labelNames().size());
        for (int i = 0; i < key.labelNames().size(); i++) {
            tags.add(Tag.of(key.labelNames().get(i), key.labelValues().get(i)));
        }
        Metric m = key.metric();
        Meter meter = m.kind == Metric.Kind.COUNTER
                ? FunctionCounter.builder(m.id, cell, Cell::value).baseUnit(m.unit).description(m.help).tags(tags).register(registry)
                : Gauge.builder(m.id, cell, Cell::value).baseUnit(m.unit).description(m.help).tags(tags).register(registry);
        return new Bound(cell, meter);
    }

    private <T> void counter(Metric m, String label, String value, T object, java.util.function.ToDoubleFunction<T> f) {
        FunctionCounter.builder(m.id, object, f).baseUnit(m.unit).description(m.help).tags(label, value).register(registry);
    }

    private <T> void gauge(Metric m, T object, java.util.function.ToDoubleFunction<T> f) {
        Gauge.builder(m.id, object, f).baseUnit(m.unit).description(m.help).strongReference(true).register(registry);
    }
}
