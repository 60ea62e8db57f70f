package io.statussidecar.logstash;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One flow metric with the windows Logstash has captured so far; a window appears only once enough
 * data exists, so each is nullable. Read with Logstash's names (aliases), written camelCase without
 * the absent windows. An infinite rate is written as the string "Infinity", as Logstash does.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowRate(
        @JsonDeserialize(using = LenientDouble.class) Double current,
        @JsonDeserialize(using = LenientDouble.class) Double lifetime,
        @JsonAlias("last_1_minute") @JsonDeserialize(using = LenientDouble.class) Double last1Minute,
        @JsonAlias("last_5_minutes") @JsonDeserialize(using = LenientDouble.class) Double last5Minutes,
        @JsonAlias("last_15_minutes") @JsonDeserialize(using = LenientDouble.class) Double last15Minutes,
        @JsonAlias("last_1_hour") @JsonDeserialize(using = LenientDouble.class) Double last1Hour,
        @JsonAlias("last_24_hours") @JsonDeserialize(using = LenientDouble.class) Double last24Hours) {
}
