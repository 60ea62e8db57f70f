package io.statussidecar.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.support.SimulatorResource;

/** SPEC §8 without a browser: the page, its policy and its assets as HTTP serves them. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class DashboardTest {

    @Test
    void pageWithAStrictPolicy() {
        String policy = given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("data-refresh-ms=\"5000\""))
                .body(containsString("<script src=\"/assets/dashboard.js?v=")).body(containsString("<script src=\"/webjars/uplot/dist/uPlot.iife.min.js\" defer></script>"))
                .body(not(containsString("<script>")))
                .extract().header("Content-Security-Policy");
        for (String directive : new String[] {"default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"}) {
            org.junit.jupiter.api.Assertions.assertTrue(policy.contains(directive), directive + " in " + policy);
        }
        assertFalse(policy.contains("unsafe"), policy);
    }

    @Test
    void assetsFromTheApplication() {
        given().get("/webjars/uplot/dist/uPlot.iife.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("uPlot"));
        given().get("/webjars/uplot/dist/uPlot.min.css").then().statusCode(200).contentType(containsString("css"));
        given().get("/assets/dashboard.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(not(containsString("innerHTML")));
        given().get("/assets/dashboard.css").then().statusCode(200).contentType(containsString("css"));
    }

    @Test
    void refreshFollowsThePollIntervalWithinBounds() {
        org.junit.jupiter.api.Assertions.assertEquals(1_000, DashboardResource.refresh(java.time.Duration.ofMillis(200)));
        org.junit.jupiter.api.Assertions.assertEquals(5_000, DashboardResource.refresh(java.time.Duration.ofSeconds(5)));
        org.junit.jupiter.api.Assertions.assertEquals(60_000, DashboardResource.refresh(java.time.Duration.ofMinutes(10)));
    }
}
