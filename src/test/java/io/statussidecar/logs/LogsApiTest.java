package io.statussidecar.logs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.support.SimulatorResource;

/** /api/logs over HTTP, on the file the test profile points LOGSTASH_LOG_PATH at. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class LogsApiTest {

    static final Path LOG = Path.of("target/test-logs/logstash-plain.log");

    @BeforeEach
    void freshLog() throws IOException {
        Files.createDirectories(LOG.getParent());
        Files.writeString(LOG, LogTailTest.ENTRIES);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (Files.isDirectory(LOG)) {
            Files.delete(LOG);
        }
    }

    @Test
    void theLastLinesAreTextWithAnOptionalDownloadName() {
        List<String> lines = LogTailTest.ENTRIES.lines().toList();

        String body = given().get("/api/logs?lines=2").then().statusCode(200)
                .contentType("text/plain; charset=UTF-8")
                .header("Content-Disposition", (String) null)
                .extract().asString();
        assertEquals(lines.get(7) + "\n" + lines.get(8) + "\n", body);
        given().get("/api/logs?q=logstash").then().statusCode(200).header(LogsResource.SEARCH_HEADER, (String) null);

        given().get("/api/logs?download=true").then().statusCode(200)
                .header("Content-Disposition", matchesPattern("attachment; filename=\"logstash-\\d{8}T\\d{6}Z\\.log\""))
                .body(equalTo(LogTailTest.ENTRIES));
    }

    @Test
    void levelAndTextFilterWholeEntries() {
        List<String> lines = LogTailTest.ENTRIES.lines().toList();

        String errors = given().get("/api/logs?level=error").then().statusCode(200).extract().asString();
        assertEquals(String.join("\n", lines.get(1), lines.get(2), lines.get(3), lines.get(4), lines.get(7)) + "\n", errors);
        String refused = given().queryParam("q", "Connection refused").get("/api/logs").then().statusCode(200).extract().asString();
        assertEquals(String.join("\n", lines.subList(1, 5)) + "\n", refused);
    }

    @Test
    void badParametersAre400Json() {
        for (String query : List.of("lines=0", "lines=-1", "lines=abc", "lines=1000001", "lines=100001", "lines=", "lines=1&lines=2",
                "level=verbose", "level=", "download=yes", "q=")) {
            given().urlEncodingEnabled(false).get("/api/logs?" + query).then()
                    .statusCode(400).contentType("application/json")
                    .body("error", matchesPattern("invalid_(lines|level|download|q)"));
        }
        given().get("/api/logs?lines=100000").then().statusCode(200);
    }

    @Test
    void aMissingLogIs404NamingThePath() throws IOException {
        Files.delete(LOG);

        given().get("/api/logs").then().statusCode(404).contentType("application/json")
                .body("error", equalTo("log_not_found"))
                .body("message", containsString(LOG.toString()));
    }

    @Test
    void aLogThatCannotBeReadIs503NamingThePath() throws IOException {
        Files.delete(LOG);
        Files.createDirectory(LOG);

        given().get("/api/logs").then().statusCode(503).contentType("application/json")
                .body("error", equalTo("log_unreadable"))
                .body("message", containsString(LOG.toString()));
    }

    @Test
    void aRotatedOrTruncatedLogIsReadAsItIsNow() throws IOException {
        given().get("/api/logs?lines=1").then().body(containsString("Splunk HEC is back"));

        Files.move(LOG, LOG.resolveSibling("logstash-plain-2026-01-01.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(LOG, "[2026-01-02T00:00:00,000][INFO ][logstash.runner] Starting Logstash\n");
        given().get("/api/logs?lines=5").then().body(equalTo("[2026-01-02T00:00:00,000][INFO ][logstash.runner] Starting Logstash\n"));

        Files.writeString(LOG, "");
        given().get("/api/logs").then().statusCode(200).body(equalTo(""));
    }
}
