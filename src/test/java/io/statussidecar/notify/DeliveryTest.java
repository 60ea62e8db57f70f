package io.statussidecar.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.statussidecar.health.Reason;
import io.statussidecar.health.Status;
import io.statussidecar.support.Receiver;
import io.statussidecar.support.Receiver.Mode;
import io.vertx.core.Vertx;

/**
 * Each format as a real receiver gets it over HTTP, and delivery against the receiver's faults, on a
 * real Vert.x: nothing of the client is mocked. The times are short ({@link Delivery.Limits}) so that
 * the faults take seconds; the packaged jar's run with the real ones is bench/notify-faults.sh.
 */
class DeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Delivery.Limits SHORT = new Delivery.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200),
            Duration.ofHours(1));
    static final String SECRET = "Bearer notify-9f8e7d6c5b4a39281706";
    static final String PD_KEY = "R0UT1NGKEY0123456789abcdef012345";
    static Vertx vertx;

    private final Receiver receiver = new Receiver();
    private Delivery delivery;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void close() {
        if (delivery != null) {
            delivery.close();
        }
        receiver.close();
    }

    private Delivery delivery(NotifyFormat format, Delivery.Limits limits) {
        NotifySettings s = new NotifySettings(URI.create(receiver.url("/hook/T000/B000/secretpath")), format,
                Optional.of(format == NotifyFormat.PAGERDUTY ? PD_KEY : SECRET), Status.DEGRADED, Duration.ofSeconds(5),
                Duration.ofHours(4), "logstash-eu-1", Optional.of("https://sidecar.example.com/"));
        delivery = new Delivery(vertx, s, Clock.systemUTC(), limits);
        return delivery;
    }

    static final Instant SINCE = Instant.parse("2031-03-01T10:00:00Z");
    static long ids;

    static Notification problem() {
        return new Notification(++ids, Notification.Event.STATUS_CHANGED, Status.UNHEALTHY, Status.HEALTHY,
                List.of(new Reason("logstash_unreachable", Status.UNHEALTHY, "Logstash at http://localhost:9600 is unreachable <&>"),
                        new Reason("heap_high", Status.DEGRADED, "heap 93 %")),
                "9.5.2", false, SINCE.plusSeconds(60), SINCE, SINCE.plusSeconds(120));
    }

    static Notification resolved() {
        return new Notification(++ids, Notification.Event.RESOLVED, Status.HEALTHY, Status.UNHEALTHY, List.of(), "9.5.2", true,
                SINCE.plusSeconds(900), SINCE.plusSeconds(60), SINCE.plusSeconds(960));
    }

    private JsonNode body(Receiver.Received r) throws Exception {
        assertEquals("POST", r.method());
        assertEquals("/hook/T000/B000/secretpath", r.path());
        assertTrue(r.header("content-type").startsWith("application/json"), r.header("content-type"));
        return JSON.readTree(r.body());
    }

    @Test
    void theJsonDocumentCarriesEverythingAndTheAuthorizationHeader() throws Exception {
        delivery(NotifyFormat.JSON, SHORT).submit(problem());
        Receiver.Received r = receiver.await(1, 5000).get(0);
        assertEquals(SECRET, r.header("Authorization"));
        JsonNode doc = body(r);
        assertEquals(1, doc.get("version").asInt());
        assertEquals("status_changed", doc.get("event").asText());
        assertEquals("logstash-eu-1", doc.get("instance").asText());
        assertEquals("unhealthy", doc.get("status").asText());
        assertEquals("healthy", doc.get("previous").asText());
        assertEquals("2031-03-01T10:01:00Z", doc.get("since").asText());
        assertEquals("logstash_unreachable", doc.at("/reasons/0/code").asText());
        assertEquals("unhealthy", doc.at("/reasons/0/severity").asText());
        assertTrue(doc.at("/reasons/0/message").asText().contains("unreachable <&>"));
        assertEquals("9.5.2", doc.at("/logstash/version").asText());
        assertFalse(doc.at("/logstash/reachable").asBoolean());
        assertEquals("https://sidecar.example.com/", doc.get("dashboard").asText());
        assertEquals("logstash-eu-1: Logstash is unhealthy: logstash_unreachable, heap_high", doc.get("summary").asText());
        awaitOutcome("sent");
        Attempt a = delivery.attempts().get(0);
        assertEquals(200, a.httpStatus());
        assertFalse(a.toString().contains("notify-9f8e"), "the authorization is not kept");
        assertFalse(a.toString().contains("secretpath"), "nor the webhook's path");
    }

    @Test
    void slackGetsTextAndBlocksWithItsMarkupEscaped() throws Exception {
        delivery(NotifyFormat.SLACK, SHORT).submit(problem());
        JsonNode m = body(receiver.await(1, 5000).get(0));
        assertEquals("logstash-eu-1: Logstash is unhealthy: logstash_unreachable, heap_high", m.get("text").asText());
        assertEquals("header", m.at("/blocks/0/type").asText());
        assertTrue(m.at("/blocks/0/text/text").asText().endsWith("logstash-eu-1: Logstash is unhealthy"));
        String section = m.at("/blocks/1/text/text").asText();
        assertEquals("mrkdwn", m.at("/blocks/1/text/type").asText());
        assertTrue(section.contains("• *logstash_unreachable* (unhealthy): Logstash at http://localhost:9600 is unreachable &lt;&amp;&gt;"),
                section);
        String context = m.at("/blocks/2/elements/0/text").asText();
        assertTrue(context.contains("was healthy for 1m · since 2031-03-01 10:01:00 UTC") && context.contains("Logstash 9.5.2")
                && context.contains("<https://sidecar.example.com/|dashboard>"), context);
    }

    @Test
    void teamsGetsAnAdaptiveCardInAMessageAttachment() throws Exception {
        delivery(NotifyFormat.TEAMS, SHORT).submit(problem());
        JsonNode m = body(receiver.await(1, 5000).get(0));
        assertEquals("message", m.get("type").asText());
        assertEquals("application/vnd.microsoft.card.adaptive", m.at("/attachments/0/contentType").asText());
        JsonNode card = m.at("/attachments/0/content");
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals("1.4", card.get("version").asText());
        assertEquals("logstash-eu-1: Logstash is unhealthy", card.at("/body/0/text").asText());
        assertEquals("Attention", card.at("/body/0/color").asText());
        assertEquals("Instance", card.at("/body/1/facts/0/title").asText());
        assertEquals("unhealthy (was healthy for 1m)", card.at("/body/1/facts/1/value").asText());
        assertEquals("2031-03-01 10:01:00 UTC", card.at("/body/1/facts/2/value").asText());
        assertTrue(card.at("/body/2/text").asText().startsWith("logstash_unreachable (unhealthy): Logstash at"));
        assertEquals("Action.OpenUrl", card.at("/actions/0/type").asText());
        assertEquals("https://sidecar.example.com/", card.at("/actions/0/url").asText());
    }

    @Test
    void pagerDutyTriggersAndResolvesTheSameDedupKeyWithTheRoutingKeyInTheEvent() throws Exception {
        receiver.mode(Mode.ACCEPTED);
        Delivery d = delivery(NotifyFormat.PAGERDUTY, SHORT);
        d.submit(problem());
        receiver.await(1, 5000);
        awaitOutcome("sent");
        d.submit(resolved());
        List<Receiver.Received> got = receiver.await(2, 5000);
        assertEquals(2, got.size());
        JsonNode trigger = body(got.get(0));
        JsonNode resolve = body(got.get(1));
        assertNull(got.get(0).header("Authorization"), "the key travels as routing_key, not as a header");
        assertEquals(PD_KEY, trigger.get("routing_key").asText());
        assertEquals("trigger", trigger.get("event_action").asText());
        assertEquals("logstash-status-sidecar/logstash-eu-1", trigger.get("dedup_key").asText());
        assertEquals("critical", trigger.at("/payload/severity").asText());
        assertEquals("logstash-eu-1", trigger.at("/payload/source").asText());
        assertEquals("logstash_unreachable", trigger.at("/payload/class").asText());
        assertEquals("2031-03-01T10:02:00Z", trigger.at("/payload/timestamp").asText());
        assertTrue(trigger.at("/payload/summary").asText().startsWith("logstash-eu-1: Logstash is unhealthy"));
        assertEquals("unhealthy: Logstash at http://localhost:9600 is unreachable <&>",
                trigger.at("/payload/custom_details/reasons/logstash_unreachable").asText());
        assertEquals("https://sidecar.example.com/", trigger.at("/links/0/href").asText());
        assertEquals("resolve", resolve.get("event_action").asText());
        assertEquals(trigger.get("dedup_key"), resolve.get("dedup_key"));
        assertEquals("logstash-eu-1: Logstash is healthy again (was unhealthy for 14m)", delivery.payloads().summary(resolved()));
        assertEquals(PD_KEY, resolve.get("routing_key").asText());
    }

    @Test
    void a500IsTriedAgainWithBackoffUntilTheReceiverTakesIt() throws Exception {
        receiver.mode(Mode.ERROR_500);
        delivery(NotifyFormat.JSON, SHORT).submit(problem());
        receiver.await(3, 10_000);
        receiver.mode(Mode.OK);
        awaitOutcome("sent");
        List<Attempt> all = delivery.attempts();
        assertEquals("sent", all.get(0).outcome());
        assertTrue(all.stream().filter(a -> a.outcome().equals("failed")).allMatch(a -> a.httpStatus() == 500
                && a.detail().equals("HTTP 500: internal error") && a.retryInSeconds() != null), all.toString());
        Delivery.Counts c = delivery.counts();
        assertEquals(1, c.sent());
        assertTrue(c.failed() >= 3, c.toString());
        assertEquals(0, c.dropped());
        List<Receiver.Received> got = receiver.received();
        for (int i = 2; i < got.size(); i++) {
            long gap = Duration.between(got.get(i - 1).at(), got.get(i).at()).toMillis();
            long earlier = Duration.between(got.get(i - 2).at(), got.get(i - 1).at()).toMillis();
            assertTrue(gap >= earlier / 2, "backoff grows: " + earlier + " then " + gap + " ms");
        }
    }

    @Test
    void a429IsTriedAgainAfterItsRetryAfter() throws Exception {
        receiver.mode(Mode.RATE_LIMITED);
        delivery(NotifyFormat.SLACK, SHORT).submit(problem());
        receiver.await(1, 5000);
        receiver.mode(Mode.OK);
        List<Receiver.Received> got = receiver.await(2, 6000);
        assertEquals(2, got.size());
        long waited = Duration.between(got.get(0).at(), got.get(1).at()).toMillis();
        assertTrue(waited >= 2000 && waited < 3500, "Retry-After: 2 honoured, waited " + waited + " ms");
        awaitOutcome("sent");
        assertEquals(2, delivery.attempts().get(1).retryInSeconds());
    }

    @Test
    void a400IsFinalAndNotTriedAgain() throws Exception {
        receiver.mode(Mode.BAD_REQUEST);
        delivery(NotifyFormat.SLACK, SHORT).submit(problem());
        receiver.await(1, 5000);
        awaitOutcome("dropped");
        Thread.sleep(1500);
        assertEquals(1, receiver.received().size(), "no second try");
        assertEquals("refused: HTTP 400: invalid_payload", delivery.attempts().get(0).detail());
        assertEquals(new Delivery.Counts(0, 1, 1), delivery.counts());
    }

    @Test
    void aReceiverThatNeverAnswersOrDripsIsCutAtTheDeadlineAndTheNextNotificationGoesWhenItIsBack() throws Exception {
        receiver.mode(Mode.NEVER);
        Delivery d = delivery(NotifyFormat.JSON, SHORT);
        d.submit(problem());
        receiver.await(1, 5000);
        awaitFailures(1);
        assertEquals("no answer within 1s", d.attempts().get(0).detail());
        receiver.mode(Mode.DRIP);
        awaitFailures(2);
        receiver.mode(Mode.REFUSE);
        awaitFailures(3);
        assertTrue(d.attempts().get(0).detail().startsWith("connection refused by http://127.0.0.1:"), d.attempts().get(0).detail());
        assertFalse(d.attempts().get(0).detail().contains("secretpath"));
        // While it is down, newer notifications supersede the waiting one: one waits, whatever happens.
        d.submit(resolved());
        Notification last = problem();
        d.submit(last);
        receiver.mode(Mode.OK);
        receiver.clear();
        awaitOutcome("sent");
        Thread.sleep(500);
        assertEquals(1, receiver.received().size(), "only the newest went");
        assertTrue(receiver.received().get(0).body().contains("\"status_changed\""));
        assertEquals(last.id(), d.attempts().get(0).notification());
        assertEquals(2, d.counts().dropped(), d.attempts().toString());
        assertEquals(0, receiver.openConnections(), "no connection left behind");
    }

    @Test
    void aNotificationStillFailingAfterItsTimeIsDroppedAndLoggedAsGivenUp() throws Exception {
        receiver.mode(Mode.ERROR_500);
        delivery(NotifyFormat.JSON, new Delivery.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofSeconds(2)));
        delivery.submit(problem());
        awaitOutcome("dropped");
        assertTrue(delivery.attempts().get(0).detail().startsWith("still failing after "), delivery.attempts().get(0).detail());
        int tries = receiver.received().size();
        Thread.sleep(1500);
        assertEquals(tries, receiver.received().size(), "not tried after giving up");
    }

    @Test
    void retryAfterIsReadAsSecondsOrADateAndBounded() {
        assertEquals(Duration.ofSeconds(2), Delivery.retryAfter("2", Instant.now()));
        assertEquals(Duration.ofHours(1), Delivery.retryAfter("999999", Instant.now()));
        assertEquals(Duration.ZERO, Delivery.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Instant.now()));
        assertNull(Delivery.retryAfter("soon", Instant.now()));
        for (int i = 1; i < 30; i++) {
            Duration b = Delivery.backoff(Duration.ofSeconds(1), i);
            assertTrue(b.compareTo(Delivery.MAX_BACKOFF) <= 0 && !b.isNegative(), b.toString());
        }
    }

    private void awaitOutcome(String outcome) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            List<Attempt> a = delivery.attempts();
            if (!a.isEmpty() && a.get(0).outcome().equals(outcome)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + outcome + " within 10 s: " + delivery.attempts());
    }

    private void awaitFailures(long n) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (delivery.counts().failed() < n && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertTrue(delivery.counts().failed() >= n, delivery.attempts().toString());
    }
}
