package io.statussidecar.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.statussidecar.support.SimulatorResource;

/** SPEC §12: with SIDECAR_AUTH_* set, every path but the health ones needs basic auth, through Quarkus security. */
@QuarkusTest
@TestProfile(AuthTest.WithCredentials.class)
@WithTestResource(SimulatorResource.class)
class AuthTest {

    static final String USER = "ops";
    static final String PASSWORD = "correct horse: battery";

    public static class WithCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sidecar.auth.username", USER, "sidecar.auth.password", PASSWORD);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/stats", "/api/history?range=5m", "/api/logs", "/api/hot-threads", "/api/support-bundle",
            "/api/nothing-here", "/", "/index.html", "/q/metrics", "/q/dev-ui", "/anything" })
    void everyOtherPathNeedsCredentials(String path) {
        for (RequestSpecification bad : new RequestSpecification[] {
                given(), // no header
                given().auth().preemptive().basic(USER, "wrong"),
                given().auth().preemptive().basic("someone", PASSWORD),
                given().header("Authorization", "Basic !!!not-base64"),
                given().header("Authorization", "Basic " + b64("no-colon")),
                given().header("Authorization", "Bearer " + b64(USER + ":" + PASSWORD)) }) {
            bad.get(path).then().statusCode(401)
                    .header("WWW-Authenticate", equalToIgnoringCase("basic"))
                    .header("X-Content-Type-Options", "nosniff")
                    .body(not(org.hamcrest.Matchers.containsString("Exception")));
        }
        given().auth().preemptive().basic(USER, PASSWORD).get(path).then().statusCode(not(401));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/health", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started" })
    void theHealthEndpointsStayOpenWhateverCredentialsCome(String path) {
        given().get(path).then().statusCode(oneOf(200, 503)).body(not(emptyOrNullString()));
        given().auth().preemptive().basic(USER, "stale").get(path).then().statusCode(oneOf(200, 503));
        given().header("Authorization", "Basic !!!").get(path).then().statusCode(oneOf(200, 503));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
