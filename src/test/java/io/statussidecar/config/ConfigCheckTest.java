package io.statussidecar.config;

import io.statussidecar.StartupCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigCheckTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            LOGSTASH_API_URL                  | localhost:9600         | http:// or https:// URL
            LOGSTASH_API_URL                  | ftp://host:21          | http:// or https:// URL
            LOGSTASH_API_URL                  | http://                | http:// or https:// URL
            LOGSTASH_API_URL                  | http://h:9600/?x=1     | no query
            LOGSTASH_API_URL                  | 'http://bad host'      | http:// or https:// URL
            PORT                              | abc                    | whole number from 1 to 65535
            PORT                              | 0                      | whole number from 1 to 65535
            PORT                              | 70000                  | whole number from 1 to 65535
            SIDECAR_POLL_INTERVAL             | 0s                     | from 1s to 1h
            SIDECAR_POLL_INTERVAL             | -5s                    | from 1s to 1h
            SIDECAR_POLL_INTERVAL             | 500ms                  | from 1s to 1h
            SIDECAR_POLL_INTERVAL             | 1.5s                   | from 1s to 1h
            SIDECAR_POLL_INTERVAL             | 2h                     | from 1s to 1h
            SIDECAR_POLL_INTERVAL             | 5                      | from 1s to 1h
            SIDECAR_POLL_INTERVAL             | soon                   | from 1s to 1h
            LOGSTASH_CONNECT_TIMEOUT          | 0s                     | positive duration
            LOGSTASH_READ_TIMEOUT             | -1s                    | positive duration
            LOGSTASH_READ_TIMEOUT             | five seconds           | positive duration
            HEALTH_UNREACHABLE_GRACE          | PT0S                   | positive duration
            HEALTH_STALL_PERIOD               | x                      | positive duration
            HEALTH_NO_EVENTS_PERIOD           | ''                     | positive duration
            HEALTH_HEAP_PERCENT               | 0                      | whole number from 1 to 100
            HEALTH_HEAP_PERCENT               | 101                    | whole number from 1 to 100
            SIDECAR_METRICS_MAX_PLUGINS       | -1                     | whole number from 0 to 10000
            SIDECAR_METRICS_MAX_PLUGINS       | lots                   | whole number from 0 to 10000
            HEALTH_WORKER_UTILIZATION_PERCENT | 95.5                   | whole number from 1 to 100
            LOGSTASH_API_CA_FILE              | /nonexistent/ca.pem    | readable PEM file
            LOGSTASH_LOG_PATH                 | ' '                    | file path
            SIDECAR_NOTIFY_FORMAT             | discord                | one of json, slack, teams, pagerduty
            SIDECAR_NOTIFY_MIN_SEVERITY       | healthy                | one of degraded, unhealthy
            SIDECAR_NOTIFY_HOLD               | -1s                    | from 0s to 24h
            SIDECAR_NOTIFY_HOLD               | 2d                     | from 0s to 24h
            SIDECAR_NOTIFY_REPEAT             | 30s                    | at least 1m
            SIDECAR_NOTIFY_REPEAT             | often                  | at least 1m
            SIDECAR_PUBLIC_URL                | sidecar.example.com    | dashboard's http:// or https:// address
            SIDECAR_INSTANCE_NAME             | ' '                    | 1 to 200 characters
            """)
    void aBadValueIsOneLineNamingTheVariableTheValueAndWhatIsAccepted(String name, String value, String accepted) {
        List<String> problems = StartupCheck.problems(Map.of(name, value));

        assertEquals(1, problems.size(), problems.toString());
        String line = problems.get(0);
        assertTrue(line.startsWith("Invalid " + name + "=\"" + value + "\": "), line);
        assertTrue(line.contains(accepted), line);
        assertTrue(!line.contains("\n"), "one line");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            LOGSTASH_API_URL                  | http://localhost:9600
            LOGSTASH_API_URL                  | https://logstash.internal:9600/prefix
            LOGSTASH_API_URL                  | http://user:secret@127.0.0.1:9600
            PORT                              | 3000
            SIDECAR_POLL_INTERVAL             | 5s
            SIDECAR_POLL_INTERVAL             | 1m
            SIDECAR_POLL_INTERVAL             | PT10S
            LOGSTASH_CONNECT_TIMEOUT          | 500ms
            LOGSTASH_READ_TIMEOUT             | 5
            HEALTH_STALL_PERIOD               | 2m
            HEALTH_NO_EVENTS_PERIOD           | 1h
            HEALTH_UNREACHABLE_GRACE          | 1d
            HEALTH_HEAP_PERCENT               | 90
            SIDECAR_METRICS_MAX_PLUGINS       | 0
            LOG_PROFILE                       | anything-at-all
            SIDECAR_NOTIFY_URL                | https://hooks.slack.com/services/T0/B0/XYZ
            SIDECAR_NOTIFY_URL                | 'https://prod.westeurope.logic.azure.com:443/workflows/1/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc'
            SIDECAR_NOTIFY_FORMAT             | Slack
            SIDECAR_NOTIFY_HOLD               | 0s
            SIDECAR_NOTIFY_REPEAT             | 0
            SIDECAR_NOTIFY_REPEAT             | 1d
            SIDECAR_NOTIFY_MIN_SEVERITY       | unhealthy
            SIDECAR_NOTIFY_AUTHORIZATION      | Bearer abc
            SIDECAR_INSTANCE_NAME             | logstash-eu-1
            SIDECAR_PUBLIC_URL                | https://sidecar.example.com/eu-1/
            """)
    void goodValuesPass(String name, String value) {
        assertEquals(List.of(), StartupCheck.problems(Map.of(name, value)));
    }

    @Test
    void severalBadVariablesAreAllReported() {
        List<String> problems = StartupCheck.problems(Map.of("PORT", "x", "HEALTH_HEAP_PERCENT", "200"));

        assertEquals(2, problems.size());
    }

    @Test
    void credentialsComeInPairsAndPasswordsAreNeverEchoed() {
        List<String> problems = StartupCheck.problems(Map.of("LOGSTASH_API_PASSWORD", "s3cret", "SIDECAR_AUTH_USERNAME", "ops"));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("LOGSTASH_API_PASSWORD") && problems.get(0).contains("LOGSTASH_API_USERNAME"));
        assertTrue(problems.get(1).contains("SIDECAR_AUTH_USERNAME") && problems.get(1).contains("SIDECAR_AUTH_PASSWORD"));
        assertTrue(problems.stream().noneMatch(p -> p.contains("s3cret")));
    }

    @Test
    void aWebhooksUrlAndTheAuthorizationAreSecretsInTheLineToo() {
        List<String> problems = StartupCheck.problems(Map.of("SIDECAR_NOTIFY_URL", "ftp://hooks.example.com/services/T0/B0/XYZsecret",
                "SIDECAR_NOTIFY_AUTHORIZATION", "Bearer tok3n\r\nX-Evil: 1"));

        assertEquals(List.of("Invalid SIDECAR_NOTIFY_URL=\"ftp://hooks.example.com/***\": expected the http:// or https:// URL of the "
                + "webhook, such as https://hooks.slack.com/services/...",
                "Invalid SIDECAR_NOTIFY_AUTHORIZATION=\"***\": expected one line of text, such as \"Bearer <token>\" or a PagerDuty "
                        + "integration key"), problems);
        assertTrue(StartupCheck.problems(Map.of("SIDECAR_NOTIFY_URL", "https://u:pw@hooks.example.com/x")).get(0)
                .contains("without user:password@"));
    }

    @Test
    void pagerDutyNeedsItsIntegrationKey() {
        assertEquals(List.of("Invalid SIDECAR_NOTIFY_FORMAT=\"pagerduty\": it needs SIDECAR_NOTIFY_AUTHORIZATION set to the service's "
                + "integration key (Events API v2)"), StartupCheck.problems(Map.of("SIDECAR_NOTIFY_FORMAT", "pagerduty",
                        "SIDECAR_NOTIFY_URL", "https://events.pagerduty.com/v2/enqueue")));
        assertEquals(List.of(), StartupCheck.problems(Map.of("SIDECAR_NOTIFY_FORMAT", "pagerduty",
                "SIDECAR_NOTIFY_URL", "https://events.pagerduty.com/v2/enqueue", "SIDECAR_NOTIFY_AUTHORIZATION", "R0UT1NGKEY")));
    }

    @Test
    void aCaFileMustHoldACertificate(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");

        List<String> problems = StartupCheck.problems(Map.of("LOGSTASH_API_CA_FILE", notPem.toString()));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("LOGSTASH_API_CA_FILE"));
    }

    @Test
    void controlCharactersInAValueDoNotBreakTheLine() {
        List<String> problems = StartupCheck.problems(Map.of("PORT", "30\n00"));

        assertEquals("Invalid PORT=\"30?00\": expected a whole number from 1 to 65535", problems.get(0));
    }

    @ParameterizedTest
    @CsvSource({ "5s, PT5S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "1d, PT24H", "PT5S, PT5S", "7, PT7S" })
    void durationsAreReadAsQuarkusReadsThem(String raw, String iso) {
        assertEquals(Duration.parse(iso), ConfigCheck.parseDuration(raw).orElseThrow());
    }
}
