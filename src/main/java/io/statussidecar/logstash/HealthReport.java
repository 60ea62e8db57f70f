package io.statussidecar.logstash;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /_health_report} (Logstash 8.16+): an overall status and symptom, and nested indicators
 * (today {@code pipelines}, then one per pipeline) with their impacts and diagnoses.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthReport(String status, String symptom, Map<String, Indicator> indicators) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String status, String symptom, Map<String, Indicator> indicators, JsonNode details,
            List<Impact> impacts, List<Diagnosis> diagnosis) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Impact(String id, Integer severity, String description, List<String> impactAreas) {
    }

    /** {@code help_url} is kept as a tree: Logstash writes a string, its own test expectations an object. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Diagnosis(String id, String cause, String action, JsonNode helpUrl) {

        public String helpUrlText() {
            return helpUrl != null && helpUrl.isTextual() ? helpUrl.asText() : null;
        }
    }
}
