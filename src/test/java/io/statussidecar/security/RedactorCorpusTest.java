package io.statussidecar.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §7: the corpus of secret forms (each next to what it must become), and generated lines that plant
 * random secrets in random contexts and positions, several per line, among ordinary pairs that must
 * come out unchanged.
 */
class RedactorCorpusTest {

    static Stream<RedactionCorpus.Entry> corpus() {
        return RedactionCorpus.entries().stream();
    }

    /**
     * The one-pass test that lets ordinary lines through without the rules (a log tail answers thousands)
     * lets no secret through: every line of the corpus that the rules change is one it stops.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theQuickPassStopsEveryLineTheRulesChange(RedactionCorpus.Entry e) {
        for (String line : e.input().split("\\\\n")) {
            if (!new Redactor().line(line).equals(line)) {
                byte[] utf8 = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(Redactor.suspicious(utf8, utf8.length), "the quick pass would let this through: " + line);
            }
        }
    }

    /**
     * The quick pass finds a word by a table of first and second bytes before it compares the word: each
     * word, in the cases the rules take (any case; the Authorization schemes in their own), wherever it
     * stands, must still stop it.
     */
    @Test
    void everyWordStopsTheQuickPassInEveryCaseAndPlace() {
        for (String word : List.of("pass", "pwd", "secret", "signature", "token", "key", "credential", "auth", "://")) {
            for (String form : List.of(word, word.toUpperCase(java.util.Locale.ROOT),
                    Character.toUpperCase(word.charAt(0)) + word.substring(1), word.charAt(0) + word.substring(1).toUpperCase(java.util.Locale.ROOT))) {
                for (String line : List.of(form, "x " + form, "x " + form + " y", "x_" + form + "=1")) {
                    byte[] utf8 = line.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    assertTrue(Redactor.suspicious(utf8, utf8.length), line);
                }
            }
        }
        for (String scheme : List.of("Splunk", "Bearer", "Basic")) {
            byte[] utf8 = ("X-Header: " + scheme + " abc").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(Redactor.suspicious(utf8, utf8.length), scheme);
        }
        byte[] plain = "Sent 125 events to splunk-microseg; a Basically spaced line: ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertFalse(Redactor.suspicious(plain, plain.length));
        // The same pass says whether a clean line is ASCII, sent as its bytes, or must be checked as UTF-8.
        byte[] accented = "Événement reçu: ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] secret = "café password=hunter2".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Redactor.ASCII, new Redactor().quickPass(plain, plain.length));
        assertEquals(Redactor.NOT_ASCII, new Redactor().quickPass(accented, accented.length));
        assertEquals(Redactor.SUSPECT, new Redactor().quickPass(secret, secret.length));
    }

    @Test
    void ordinaryLogstashLinesTakeTheQuickPass() {
        for (String line : List.of(
                "[2026-01-01T00:00:00,000][INFO ][logstash.outputs.http    ] Sent 125 events to splunk-microseg in 12 ms {:pipeline_id=>\"main\"}",
                "[2026-11-30T10:00:05,000][INFO ][logstash.agent] Pipelines running {:count=>1, :running_pipelines=>[:main]}",
                "[2026-11-30T10:00:05,000][WARN ][logstash.filters.grok    ][main][microseg] Timeout executing grok against field 'message'")) {
            byte[] utf8 = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(new Redactor().passes(utf8, utf8.length), line);
        }
        byte[] secret = "headers => { \"Authorization\" => \"Splunk 5f3a1b7c-aaaa-4bbb-8ccc-0123456789ab\" }".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(new Redactor().passes(secret, secret.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCorpusFormBecomesWhatItMust(RedactionCorpus.Entry e) {
        assertEquals(e.expected(), Redactor.text(e.input()), e.form());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `password: correct horse battery`                     | `password: ***`
            `password=abc,def`                                    | `password=***`
            `{"password": ["a"], "user": "bob"}`                  | `{"password": "***", "user": "bob"}`
            `{"secret": {"k": "v"}, "n": 1}`                      | `{"secret": "***", "n": 1}`
            `sent Basic dXNlcjpwYXNz upstream`                    | `sent Basic *** upstream`
            `key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY leaked` | `key *** leaked`
            `https://user:p@ss@host:9200/_bulk`                   | `https://user:***@host:9200/_bulk`
            """)
    void theFormsThatGotThroughBefore(String in, String out) {
        assertEquals(out, Redactor.text(in));
    }

    @Test
    void theCorpusCoversEveryFormAndEveryPlugin() {
        List<RedactionCorpus.Entry> all = RedactionCorpus.entries();
        for (String form : List.of(".conf", "yaml", "json", "log")) {
            assertTrue(all.stream().anyMatch(e -> e.form().equals(form)), form);
        }
        String text = all.stream().map(RedactionCorpus.Entry::input).reduce("", String::concat);
        for (String plugin : List.of("http", "splunk", "elasticsearch", "s3", "kafka", "jdbc", "azure", "beats", "tcp")) {
            assertTrue(text.contains(plugin), plugin);
        }
    }

    static final String[] SECRET_KEYS = { "password", "passwd", "secret", "token", "api_key", "apiKey", "access_key",
        "secret_access_key", "ssl_key_passphrase", "jdbc_password", "client_secret", "hec_token", "auth", "credentials",
        "keystore_password", "AccountKey", "SharedAccessKey", "session_token", "cloud_auth", "private_key" };
    static final String[] ORDINARY = { "user=bob", "host => \"es1.internal\"", "port: 9200", "msg=\"hello world\"",
        ":code=>403", "\"topic\":\"aviatrix\"", "region => 'us-east-1'", "pipeline.id: main", "retry=3" };

    @Test
    void randomSecretsInRandomContextsNeverSurviveAndOrdinaryTextIsKept() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int n = 0; n < 3000; n++) {
            List<String> secrets = new ArrayList<>();
            List<String> ordinary = new ArrayList<>();
            StringBuilder line = new StringBuilder(random.nextBoolean() ? "[2026-12-01T00:00:00,000][ERROR][logstash.outputs.x] " : "");
            int parts = 1 + random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    line.append(random.nextBoolean() ? " " : ", ");
                }
                if (random.nextInt(3) == 0) {
                    String o = ORDINARY[random.nextInt(ORDINARY.length)];
                    ordinary.add(o);
                    line.append(o);
                    continue;
                }
                line.append(planted(random, secrets));
            }
            String out = Redactor.text(line.toString());
            for (String s : secrets) {
                assertFalse(out.contains(s), "secret '" + s + "' survived in: " + line + "\n  -> " + out);
                for (String word : s.split("[ ,]")) {
                    assertFalse(word.length() >= 6 && out.contains(word), "part '" + word + "' of a secret survived in: "
                            + line + "\n  -> " + out);
                }
            }
            for (String o : ordinary) {
                assertTrue(out.contains(o), "ordinary '" + o + "' was changed in: " + line + "\n  -> " + out);
            }
        }
    }

    private static String planted(SplittableRandom random, List<String> secrets) {
        String key = SECRET_KEYS[random.nextInt(SECRET_KEYS.length)];
        switch (random.nextInt(9)) {
            case 0: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!@#%^*_+.-,:;=& ", true);
                secrets.add(s);
                return key + " => \"" + s + "\"";
            }
            case 1: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!@#%^*_+.-,:;=\" ", true);
                secrets.add(s);
                return key + " => '" + s + "'";
            }
            case 2: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!@#%^*_+.-", false);
                secrets.add(s);
                return key + "=" + s;
            }
            case 3: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!@#%^*_+.- ", false);
                secrets.add(s);
                return key + ": " + s;
            }
            case 4: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!@#%^*_+.-,:;=& ", true);
                secrets.add(s);
                return "\"" + key + "\":\"" + s + "\"";
            }
            case 5: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!@#%^*_+.-", false);
                secrets.add(s);
                return ":" + key + "=>\"" + s + "\"";
            }
            case 6: {
                String a = secret(random, "ABCDEFGHabcdefgh0123456789", false);
                String b = secret(random, "ABCDEFGHabcdefgh0123456789", false);
                secrets.add(a);
                secrets.add(b);
                return "\"" + key + "\": [\"" + a + "\", {\"inner\": \"" + b + "\"}]";
            }
            case 7: {
                String s = secret(random, "ABCDEFGHabcdefgh0123456789!%*_+.-@", false);
                secrets.add(s);
                return "https://svc:" + s + "@splunk.corp:8088/services";
            }
            default: {
                String s = java.util.Base64.getEncoder().encodeToString(
                        (secret(random, "abcdefgh0123", false) + ":" + secret(random, "ABCDEF4567", false)).getBytes());
                secrets.add(s);
                return (random.nextBoolean() ? "Authorization: Basic " : "header Basic ") + s;
            }
        }
    }

    /** 8 to 24 characters of the alphabet; starts and ends with a letter or digit, so it is a word. */
    private static String secret(SplittableRandom random, String alphabet, boolean quoted) {
        int length = 8 + random.nextInt(17);
        StringBuilder s = new StringBuilder();
        String ends = "ABCDEFGHabcdefgh0123456789";
        s.append(ends.charAt(random.nextInt(ends.length())));
        for (int i = 1; i < length - 1; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        s.append(ends.charAt(random.nextInt(ends.length())));
        return s.toString();
    }
}
