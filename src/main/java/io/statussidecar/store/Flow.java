package io.statussidecar.store;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One flow rate (Logstash 8.5+) with the windows Logstash has captured so far; a window appears only
 * once enough data exists, so each is nullable and an absent one is left out of the JSON. An infinite
 * rate stays infinite and is written as the string "Infinity", as Logstash writes it.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Flow(Double current, Double lifetime, Double last1Minute, Double last5Minutes, Double last15Minutes,
        Double last1Hour, Double last24Hours) {
}
