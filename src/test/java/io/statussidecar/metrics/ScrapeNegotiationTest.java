package io.statussidecar.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §3: /q/metrics negotiated as Prometheus does it. Each Accept header as a scraper sends it, the
 * format it must get, and the body in that format (OpenMetrics ends with {@code # EOF}).
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class ScrapeNegotiationTest {

    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Polls polls;

    @BeforeEach
    void polled() {
        polls.poll(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/openmetrics-text                                                              | openmetrics
            application/openmetrics-text; version=1.0.0                                               | openmetrics
            application/openmetrics-text;version=0.0.1                                                | openmetrics
            # Prometheus 2.0 to 2.48 (Debian's 2.42 among them)
            application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1 | openmetrics
            # Prometheus 2.49 and later 2.x: scrape_protocols, weighted from q=0.5
            application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2 | openmetrics
            # Prometheus 3.x: text 1.0.0 and escaping= added
            application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2 | openmetrics
            # Prometheus 3.x with scrape_protocols: [PrometheusText0.0.4]
            text/plain;version=0.0.4;q=0.6,*/*;q=0.5                                                 | text
            text/plain                                                                                | text
            text/plain; version=0.0.4                                                                 | text
            */*                                                                                       | text
            text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8                           | text
            text/plain;q=0.9,application/openmetrics-text;q=0.5                                       | text
            application/openmetrics-text;q=0,text/plain                                               | text
            application/json                                                                          | text
            application/*                                                                             | openmetrics
            """)
    void eachScraperGetsTheFormatItPrefers(String accept, String expected) {
        String body = given().header("Accept", accept).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        String type = given().header("Accept", accept).get("/q/metrics").then().statusCode(200).extract().contentType();
        boolean om = expected.equals("openmetrics");
        assertEquals(om ? OPENMETRICS : TEXT, type, accept);
        assertTrue(body.contains("logstash_up 1") || body.contains("logstash_up 1.0"), "Logstash's series are there: " + accept);
        assertEquals(om, body.strip().endsWith("# EOF"), "the body is in the format named: " + accept);
        if (!om) {
            assertFalse(body.contains("# EOF"), accept);
        }
    }

    @ParameterizedTest(name = "no Accept, or an empty one: {0}")
    @CsvSource({ "''", "' '" })
    void withoutPreferenceTheTextFormat(String accept) {
        String type = (accept.isEmpty() ? given().header("Accept", "") : given().header("Accept", accept))
                .get("/q/metrics").then().statusCode(200).extract().contentType();
        assertEquals(TEXT, type);
    }
}
