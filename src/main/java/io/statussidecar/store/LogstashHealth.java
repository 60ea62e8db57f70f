package io.statussidecar.store;

import java.util.List;

/**
 * Logstash's own verdict on itself ({@code /_health_report}, 8.16+), in the sidecar's terms: the overall
 * status and symptom, and the indicators that carry a status, each named as an operator reads it
 * ({@code pipelines 'main'}), with Logstash's diagnoses.
 */
public record LogstashHealth(String status, String symptom, List<Indicator> indicators) {

    /**
     * {@code recoveries}: when the pipeline recovered from a crash, oldest first, as Logstash 9.4's
     * {@code details.recovery_log} lists them (the last 5 minutes); empty before 9.4 or without any.
     */
    public record Indicator(String name, String status, String symptom, List<Diagnosis> diagnoses, List<java.time.Instant> recoveries) {
    }

    /** {@code helpUrl} is null where Logstash gives none. */
    public record Diagnosis(String cause, String action, String helpUrl) {
    }
}
