package io.statussidecar.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each redaction rule, with what it must hide and what it must leave alone. */
class RedactorTest {

    private static String red(String s) {
        return Redactor.text(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # Logstash config: key => "value"
            `password => "hunter2"`                                  | `password => "***"`
            `ssl_keystore_password => 's3cr3t'`                      | `ssl_keystore_password => '***'`
            `token => abcdef123456`                                  | `token => ***`
            `hec_token => "6f2a1b7c-1111-2222-3333-444455556666"`   | `hec_token => "***"`
            # key=value (environment, properties, query strings)
            `SPLUNK_HEC_AUTH=6f2a1b7c-1111-2222-3333-444455556666`   | `SPLUNK_HEC_AUTH=***`
            `LOGSTASH_API_PASSWORD="p@ss w0rd"`                       | `LOGSTASH_API_PASSWORD="***"`
            `GET /x?user=a&password=hunter2&page=2`                  | `GET /x?user=a&password=***&page=2`
            # key: value (YAML) and JSON
            `  api_key: abc123`                                      | `  api_key: ***`
            `{"password":"hunter2","user":"bob"}`                    | `{"password":"***","user":"bob"}`
            `{"client_secret" : "x\\"y"}`                            | `{"client_secret" : "***"}`
            `"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"` | `"SecretAccessKey": "***"`
            `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` | `aws_secret_access_key = ***`
            `{"lastError":"after password => \\"hunter2\\" at line 3"}` | `{"lastError":"after password => \\"***\\" at line 3"}`
            # Authorization header values keep their scheme
            `Authorization: Basic dXNlcjpwYXNz`                      | `Authorization: Basic ***`
            `Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig`     | `Authorization: Bearer ***`
            `"Authorization" => "Splunk 6f2a1b7c-1111-2222-3333-444455556666"` | `"Authorization" => "Splunk ***"`
            `headers => {"Authorization" => "Splunk abc"}`           | `headers => {"Authorization" => "Splunk ***"}`
            `sent Splunk 6f2a1b7c-1111-2222-3333-444455556666 to hec` | `sent Splunk *** to hec`
            # credentials in URLs
            `url => "https://admin:changeme@es.internal:9200"`      | `url => "https://admin:***@es.internal:9200"`
            `connecting to http://u:p%40ss@10.0.0.5:8088/services`   | `connecting to http://u:***@10.0.0.5:8088/services`
            # AWS access key ids
            `using key AKIAIOSFODNN7EXAMPLE for s3`                  | `using key *** for s3`
            `role ASIAY34FZKBOKMUTVV7A`                              | `role ***`
            """)
    void secretsAreHidden(String in, String out) {
        assertEquals(out, red(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `[2026-01-01T00:00:00,000][INFO ][logstash.agent] Pipelines running {:count=>1}`
            `{"user":"bob","host":"es.internal","port":9200}`
            `"password": null`
            `ssl_enabled => true`
            `url => "https://es.internal:9200"`
            `Authentication failed for user bob`
            `author: Jane`
            `AKIA is a prefix, AKIA123 is too short`
            `the token was rejected`
            `Splunk HEC is slow`
            """)
    void ordinaryTextIsLeftAlone(String in) {
        assertEquals(in, red(in));
    }

    @Test
    void aPemPrivateKeySpanningLinesIsRemovedWhole() {
        String in = "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1\nabcdefgh==\n-----END RSA PRIVATE KEY-----\nafter\n";

        assertEquals("before\n-----BEGIN RSA PRIVATE KEY-----***\n-----END RSA PRIVATE KEY-----\nafter\n", red(in));
    }

    @Test
    void aPemPrivateKeyInsideOneJsonLineIsRemoved() {
        String in = "{\"ssl_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----\\n\"}";

        assertEquals("{\"ssl_key\":\"-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----\\n\"}", red(in));
    }

    @Test
    void aPublicCertificateIsKept() {
        String cert = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----";

        assertEquals(cert, red(cert));
    }

    @Test
    void aBeginWithoutEndStopsHidingAfterALimit() {
        StringBuilder in = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
        for (int i = 0; i < Redactor.MAX_KEY_LINES + 5; i++) {
            in.append("line ").append(i).append('\n');
        }

        String out = red(in.toString());

        assertContains(out, "line " + (Redactor.MAX_KEY_LINES + 4));
    }

    private static boolean assertContains(String text, String part) {
        org.junit.jupiter.api.Assertions.assertTrue(text.contains(part), text);
        return true;
    }
}
