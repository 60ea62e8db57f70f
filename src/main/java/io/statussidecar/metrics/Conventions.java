package io.statussidecar.metrics;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Keeps the whole exposition, the sidecar's own meters included, within what {@code promtool check
 * metrics} accepts (SPEC §9), so a fleet's lint and recording rules never trip over it:
 * <ul>
 * <li>the text format escapes only backslash and newline in HELP, but the registry writes a quote as
 * {@code \"}, which Prometheus' parser rejects; Micrometer's CPU meters have quotes in their
 * descriptions (micrometer-metrics/micrometer#3242), so quotes are dropped from every description;</li>
 * <li>a series needs help text: the HTTP server gauge Quarkus registers without one gets it here;</li>
 * <li>{@code system.cpu.count} (a gauge ending in {@code _count}) and {@code process.cpu.time}
 * (nanoseconds, {@code _ns}) break Prometheus' naming rules, and the long-task timer
 * {@code http.server.connections} is written as a summary whose samples ({@code _active_count},
 * {@code _duration_sum}) a summary cannot have; {@code process_cpu_usage} and
 * {@code http_server_active_requests} say what matters of them, so they are left out.</li>
 * </ul>
 */
@Singleton
public class Conventions {

    static final Set<String> LEFT_OUT = Set.of("system.cpu.count", "process.cpu.time", "http.server.connections");
    static final Map<String, String> HELP = Map.of("http.server.active.requests", "HTTP requests the sidecar is serving now");

    @Produces
    @Singleton
    MeterFilter prometheusConventions() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return LEFT_OUT.contains(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                String help = id.getDescription();
                String fixed = help == null || help.isBlank() ? HELP.get(id.getName()) : help.replace("\"", "");
                if (fixed == null || fixed.equals(help)) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), fixed, id.getType());
            }
        };
    }
}
