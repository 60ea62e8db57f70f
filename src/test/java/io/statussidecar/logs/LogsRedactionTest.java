package io.statussidecar.logs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.security.RedactionCorpus;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §3 and §12: Download Logs never hands out a secret. Every secret form of the redaction corpus is
 * planted in the log as Logstash would print it (a log entry, and a configuration quoted under an ERROR
 * entry), and none comes back from /api/logs, whichever way it is asked for.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class LogsRedactionTest {

    static final String ORDINARY = "[2026-11-30T10:00:05,000][INFO ][logstash.agent] Pipelines running {:count=>1, "
            + ":running_pipelines=>[:main], :non_running_pipelines=>[]}";
    static final String MARK = "[2026-11-30T10:00:04,000][ERROR][logstash.agent] Failed to execute action "
            + "{:id=>:main, :action_type=>LogStash::ConvergeResult::FailedAction, :message=>\"config:\"}";

    List<RedactionCorpus.Entry> corpus = RedactionCorpus.entries();
    List<String> secrets = RedactionCorpus.secrets(corpus);

    @BeforeEach
    void plantTheCorpus() throws IOException {
        StringBuilder log = new StringBuilder();
        for (RedactionCorpus.Entry e : corpus) {
            // A log entry as it stands, and a configuration line quoted under an ERROR entry (a stack of
            // continuation lines, as Logstash prints a pipeline that failed to compile).
            log.append(e.form().equals("log") ? e.input() : "[2026-11-30T10:00:03,000][WARN ][logstash.config] setting " + e.input())
                    .append('\n');
            log.append(MARK).append('\n').append(e.input().replace("\\n", "\n")).append('\n');
        }
        log.append(ORDINARY).append('\n');
        Files.createDirectories(LogsApiTest.LOG.getParent());
        Files.writeString(LogsApiTest.LOG, log.toString());
    }

    @Test
    void noPlantedSecretInAnyFormOfTheAnswer() {
        assertTrue(secrets.size() > 40, "the corpus plants " + secrets.size() + " secrets");
        for (String query : List.of("lines=100000", "lines=100000&download=true", "lines=100000&level=WARN",
                "lines=100000&level=ERROR", "lines=100000&q=config", "lines=100000&q=logstash", "lines=5")) {
            String body = given().get("/api/logs?" + query).then().statusCode(200).extract().asString();
            assertFalse(body.isEmpty(), query);
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "/api/logs?" + query + " hands out " + secret);
            }
            assertTrue(body.contains("***"), query + " shows where it masked");
        }
        // Ordinary lines are kept as they are, and a masked line keeps what is not secret.
        String all = given().get("/api/logs?lines=100000").then().extract().asString();
        assertTrue(all.endsWith(ORDINARY + "\n"), all.substring(Math.max(0, all.length() - 300)));
        assertTrue(all.contains("elasticsearch { hosts => [\"https://es1:9200\"] user => \"logstash_writer\" password => \"***\" }"));
    }

    @Test
    void aTextSearchCannotProbeForAMaskedSecret() {
        List<String> probes = new ArrayList<>();
        for (String secret : secrets) {
            probes.add(secret.length() > 12 ? secret.substring(0, 12) : secret);
        }
        for (String probe : probes.subList(0, 20)) {
            String body = given().queryParam("q", probe).get("/api/logs").then().statusCode(200).extract().asString();
            assertEquals("", body, "q=" + probe + " found the lines that hold it");
        }
        // A search for what is shown still finds it.
        assertTrue(given().queryParam("q", "logstash_writer").get("/api/logs").then().extract().asString()
                .contains("password => \"***\""));
    }
}
