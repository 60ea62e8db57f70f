package io.statussidecar.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code expectation} part of Logstash's own health-report scenario files: the subset of a real
 * {@code /_health_report} body that Logstash's CI checks, used here as the body the simulator serves.
 */
public final class HealthReports {

    public static final String DIR = "logstash/health-report-tests-8.16plus/";

    private HealthReports() {
    }

    public static JsonNode expectation(String file) {
        try {
            return new YAMLMapper().readTree(Fixtures.file(DIR + file).toFile()).get("expectation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(String file) {
        try {
            return new ObjectMapper().writeValueAsString(expectation(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
