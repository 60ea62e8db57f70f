package io.statussidecar.security;

import static io.restassured.RestAssured.given;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.statussidecar.support.SimulatorResource;

/** SPEC §12: the security headers on every answer, whatever its status. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class SecurityHeadersTest {

    /** Only in the tests: a bug of the sidecar's own, as a request meets it. */
    @Path("/api/test-only/failure")
    public static class Failing {
        @GET
        public String fail() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void onA200() {
        headers(given().get("/api/history?range=5m").then().statusCode(200)).header("Cache-Control", "no-store");
    }

    @Test
    void onA400() {
        headers(given().get("/api/history?range=forever").then().statusCode(400)).header("Cache-Control", "no-store");
    }

    @Test
    void onA404() {
        headers(given().get("/no/such/page").then().statusCode(404));
        headers(given().get("/api/no-such-endpoint").then().statusCode(404)).header("Cache-Control", "no-store");
    }

    @Test
    void onA500WithoutAStackTrace() {
        headers(given().get("/api/test-only/failure").then().statusCode(500)).header("Cache-Control", "no-store")
                .body("error", org.hamcrest.Matchers.equalTo("internal_error"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("IllegalStateException")));
    }

    private static ValidatableResponse headers(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    }
}
