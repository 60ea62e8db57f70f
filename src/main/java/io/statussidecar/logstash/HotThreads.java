package io.statussidecar.logstash;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code /_node/hot_threads} as JSON (logstash-core hot_threads_reporter.rb): per thread its name,
 * id, state, stack, and {@code percent_of_cpu_time}, which is the thread's whole CPU time over
 * Logstash's uptime, truncated to 0.01.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HotThreads(Report hotThreads) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(String time, List<Thread> threads) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Thread(String name, Long threadId, Double percentOfCpuTime, String state, String path, List<String> traces) {
    }
}
