package io.statussidecar.logstash;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code GET /_node}: identity and per-pipeline settings (workers, batch size) that stats lacks before 8.18. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NodeInfo(
        String host,
        String version,
        String httpAddress,
        String id,
        String name,
        String ephemeralId,
        String status,
        NodeStats.PipelineSettings pipeline,
        Map<String, PipelineInfo> pipelines) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PipelineInfo(String ephemeralId, Integer workers, Integer batchSize, Integer batchDelay,
            Boolean configReloadAutomatic, Boolean deadLetterQueueEnabled) {
    }
}
