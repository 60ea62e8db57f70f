package io.statussidecar.logs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.support.MutableClock;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §5 {@code plugin_restarting} from the Logstash log as Logstash writes it: the same plugin
 * restarting 3 times within 5 minutes, in the wording of several versions; not for one or two
 * restarts; cleared when they stop; the log followed across rotation and truncation, never re-read.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class PluginRestartTest {

    static final Path LOG = Path.of("target/test-logs/logstash-plain.log");

    /** Logstash 8.x, plain layout: the [pipeline][plugin] context, then the message's indented lines. */
    static final String V8 = """
            [2024-05-01T10:00:00,123][ERROR][logstash.javapipeline    ][main][tcp-in] A plugin had an unrecoverable error. Will restart this plugin.
              Pipeline_id:main
              Plugin: <LogStash::Inputs::Tcp port=>5000, id=>"tcp-in", enable_metric=>true, codec=><LogStash::Codecs::Line id=>"line_1", enable_metric=>true, charset=>"UTF-8">, host=>"0.0.0.0", mode=>"server">
              Error: Address already in use
              Exception: Java::JavaNet::BindException
              Stack: sun.nio.ch.Net.bind0(Native Method)
            sun.nio.ch.Net.bind(sun/nio/ch/Net.java:555)
            [2024-05-01T10:00:01,200][INFO ][logstash.inputs.tcp      ][main][tcp-in] Starting tcp input listener {:address=>"0.0.0.0:5000", :ssl_enable=>false}
            """;
    /** Logstash 6.x: no context in the header, Pipeline_id in the message. */
    static final String V6 = """
            [2018-06-01T10:00:00,123][ERROR][logstash.pipeline        ] A plugin had an unrecoverable error. Will restart this plugin.
              Pipeline_id:main
              Plugin: <LogStash::Inputs::Beats port=>5044, id=>"beats-in", enable_metric=>true>
              Error: Address already in use
              Exception: Java::JavaNet::BindException
              Stack: sun.nio.ch.Net.bind0(Native Method)
            [2018-06-01T10:00:01,000][INFO ][org.logstash.beats.Server] Starting server on port: 5044
            """;
    /** Logstash 5.x: no pipeline at all. */
    static final String V5 = """
            [2017-03-01T10:00:00,123][ERROR][logstash.pipeline        ] A plugin had an unrecoverable error. Will restart this plugin.
              Plugin: <LogStash::Inputs::Kafka bootstrap_servers=>"https://ingest:s3cretpw@kafka:9092", topics=>["logs"], id=>"kafka-in">
              Error: Failed to construct kafka consumer for https://ingest:s3cretpw@kafka:9092
            """;
    /** Logstash 8.x with log.format: json: the message on one line, line breaks escaped. */
    static final String JSON = "{\"level\":\"ERROR\",\"loggerName\":\"logstash.javapipeline\",\"timeMillis\":1714557600123,"
            + "\"thread\":\"[main]<tcp\",\"logEvent\":{\"message\":\"A plugin had an unrecoverable error. Will restart this plugin.\\n"
            + "  Pipeline_id:main\\n  Plugin: <LogStash::Inputs::Tcp port=>5000, id=>\\\"tcp-json\\\", enable_metric=>true>\\n"
            + "  Error: Address already in use\\n  Exception: Java::JavaNet::BindException\\n  Stack: sun.nio.ch.Net.bind0(Native Method)\"}}\n";
    /** Logstash 2.x: a Ruby hash per line. */
    static final String V2 = "{:timestamp=>\"2016-01-01T10:00:00.123000+0000\", :message=>\"A plugin had an unrecoverable error. "
            + "Will restart this plugin.\\n  Plugin: <LogStash::Inputs::Redis host=>\\\"redis\\\", id=>\\\"redis-in\\\">\\n"
            + "  Error: Connection refused - connect(2) for \\\"redis\\\" port 6379\", :level=>:error}\n";

    @Inject
    LogFollower follower;

    @Inject
    MutableClock clock;

    @Inject
    Polls polls;

    @BeforeEach
    void freshLog() throws IOException {
        polls.freshStart();
        polls.poll();
        Files.createDirectories(LOG.getParent());
        Files.writeString(LOG, "[2024-05-01T09:59:00,000][INFO ][logstash.runner          ] Starting Logstash\n");
        follower.follow(clock.instant()); // from here on, only what is appended
        clock.advance(Duration.ofMinutes(10)); // earlier tests' restarts are out of the window
        follower.follow(clock.instant());
        polls.poll();
    }

    static void append(String text) throws IOException {
        Files.writeString(LOG, text, StandardOpenOption.APPEND);
    }

    List<Map<String, Object>> restarting() {
        follower.follow(clock.instant());
        List<Map<String, Object>> reasons = given().get("/api/health").then().extract().jsonPath().getList("reasons");
        return reasons.stream().filter(r -> "plugin_restarting".equals(r.get("code"))).toList();
    }

    void restarts(String wording, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            append(wording);
            follower.follow(clock.instant());
            clock.advance(Duration.ofSeconds(20));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            V8   | tcp-in    | main | Plugin 'tcp-in' (LogStash::Inputs::Tcp) of pipeline 'main' restarted 3 times in the last 5 minutes after an unrecoverable error: Address already in use
            V6   | beats-in  | main | Plugin 'beats-in' (LogStash::Inputs::Beats) of pipeline 'main' restarted 3 times in the last 5 minutes after an unrecoverable error: Address already in use
            V5   | kafka-in  |      | Plugin 'kafka-in' (LogStash::Inputs::Kafka) restarted 3 times in the last 5 minutes after an unrecoverable error: Failed to construct kafka consumer for https://ingest:***@kafka:9092
            JSON | tcp-json  | main | Plugin 'tcp-json' (LogStash::Inputs::Tcp) of pipeline 'main' restarted 3 times in the last 5 minutes after an unrecoverable error: Address already in use
            V2   | redis-in  |      | Plugin 'redis-in' (LogStash::Inputs::Redis) restarted 3 times in the last 5 minutes after an unrecoverable error: Connection refused - connect(2) for "redis" port 6379
            """)
    void threeRestartsOfOnePluginInFiveMinutes(String version, String plugin, String pipeline, String expected) throws Exception {
        String wording = (String) getClass().getDeclaredField(version).get(null);
        restarts(wording, 2);
        assertEquals(List.of(), restarting(), "two restarts are not a loop");
        restarts(wording, 1);
        List<Map<String, Object>> r = restarting();
        assertEquals(1, r.size(), r.toString());
        assertEquals("degraded", r.get(0).get("severity"));
        String message = r.get(0).get("message").toString();
        assertTrue(message.startsWith(expected), message);
        assertFalse(message.contains("s3cretpw"), "the error is redacted");
        polls.poll(); // the collector keeps polling; the log's verdict joins Logstash's
        assertEquals("degraded", given().get("/api/health").then().statusCode(200).extract().path("status"));
    }

    @Test
    void oneRestartIsNoLoopAndALoopEndsWhenTheRestartsStop() throws IOException {
        restarts(V8, 1);
        assertEquals(List.of(), restarting(), "a single restart");
        restarts(V8, 3);
        assertEquals(1, restarting().size());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), restarting(), "no restart for 5 minutes: cleared");
    }

    @Test
    void followsARotatedAndATruncatedLogWithoutReadingAnythingTwice() throws IOException {
        restarts(V8, 2);
        Path rotated = LOG.resolveSibling("logstash-plain-2024-05-01-1.log");
        Files.move(LOG, rotated, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(LOG, "");
        restarts(V8, 1);
        assertEquals(1, restarting().size(), "2 before the rotation, 1 in the new file");
        assertEquals(List.of(), follower.follow(clock.instant()), "nothing read twice");

        clock.advance(Duration.ofMinutes(6));
        Files.writeString(LOG, ""); // truncated in place
        assertEquals(List.of(), restarting());
        restarts(V6, 3);
        assertEquals(1, restarting().size(), "read again from the start of the truncated file");
        Files.deleteIfExists(rotated);
    }
}
