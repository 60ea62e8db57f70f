package io.statussidecar.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.statussidecar.health.Reason;
import io.statussidecar.health.Status;

/**
 * A {@link Notification} as each receiver takes it. Trees, not bound classes, so the native image needs
 * no reflection for them. Each service's limits are kept here (Slack's header and section lengths, the
 * Events API's summary and dedup_key), so a long message is cut rather than refused.
 * <ul>
 * <li>json: the sidecar's own document, {@link #VERSION}; the README describes it.
 * <li>slack: an incoming webhook's {@code text} (the notification's fallback) and Block Kit {@code blocks}.
 * <li>teams: a Workflows webhook ("When a Teams webhook request is received") takes a message whose
 * {@code attachments} hold an Adaptive Card; the retired Office 365 connectors' MessageCard is not accepted.
 * <li>pagerduty: Events API v2, {@code trigger} with a payload, {@code resolve} with the same
 * {@code dedup_key}, which is the instance's, so one incident per instance opens and closes.
 * </ul>
 */
final class Payloads {

    /** The json format's {@code version}; a change that breaks a reader makes it 2. */
    static final int VERSION = 1;
    static final int PAGERDUTY_SUMMARY = 1024;
    static final int DEDUP_KEY = 255;
    private static final int SLACK_HEADER = 150;
    private static final int SLACK_SECTION = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final NotifySettings settings;

    Payloads(NotifySettings settings) {
        this.settings = settings;
    }

    byte[] render(Notification n) {
        ObjectNode body = switch (settings.format()) {
            case JSON -> json(n);
            case SLACK -> slack(n);
            case TEAMS -> teams(n);
            case PAGERDUTY -> pagerDuty(n);
        };
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // Trees of strings and numbers always serialize.
            throw new IllegalStateException(e);
        }
    }

    /** The same incident's key at every trigger and resolve, across restarts of the sidecar. */
    String dedupKey() {
        return cut("logstash-status-sidecar/" + settings.instance(), DEDUP_KEY);
    }

    /** One line: who, what, which codes. The services show it in lists and on phones. */
    String summary(Notification n) {
        String who = settings.instance() + ": ";
        String codes = n.reasons().stream().map(Reason::code).distinct().collect(Collectors.joining(", "));
        return switch (n.event()) {
            case RESOLVED -> who + "Logstash is " + n.status().json() + " again (" + was(n) + ")"
                    + (n.status() == Status.HEALTHY ? "" : ": " + codes);
            case REPEAT -> who + "Logstash is still " + n.status().json() + " (for " + human(Duration.between(n.since(), n.at()))
                    + "): " + codes;
            case REASONS_CHANGED -> who + "Logstash is " + n.status().json() + ", now for: " + codes;
            case STATUS_CHANGED -> who + "Logstash is " + n.status().json() + ": " + codes;
        };
    }

    private ObjectNode json(Notification n) {
        ObjectNode o = F.objectNode();
        o.put("version", VERSION);
        o.put("event", n.event().json());
        o.put("instance", settings.instance());
        o.put("status", n.status().json());
        o.put("previous", n.previous().json());
        o.put("since", iso(n.since()));
        o.put("previousSince", n.previousSince() == null ? null : iso(n.previousSince()));
        o.put("at", iso(n.at()));
        o.put("summary", summary(n));
        ArrayNode reasons = o.putArray("reasons");
        for (Reason r : n.reasons()) {
            reasons.addObject().put("code", r.code()).put("severity", r.severity().json()).put("message", r.message());
        }
        ObjectNode logstash = o.putObject("logstash");
        logstash.put("version", n.logstashVersion());
        logstash.put("reachable", n.logstashReachable());
        o.put("dashboard", settings.publicUrl().orElse(null));
        return o;
    }

    private ObjectNode slack(Notification n) {
        ObjectNode o = F.objectNode();
        o.put("text", summary(n));
        ArrayNode blocks = o.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(icon(n) + " " + title(n), SLACK_HEADER));
        if (!n.reasons().isEmpty()) {
            String lines = n.reasons().stream()
                    .map(r -> "• *" + slackEscape(r.code()) + "* (" + r.severity().json() + "): " + slackEscape(r.message()))
                    .collect(Collectors.joining("\n"));
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", cut(lines, SLACK_SECTION));
        }
        StringBuilder context = new StringBuilder(was(n)).append(" · since ").append(human(n.since()));
        if (n.logstashVersion() != null) {
            context.append(" · Logstash ").append(slackEscape(n.logstashVersion()));
        }
        settings.publicUrl().ifPresent(u -> context.append(" · <").append(slackLink(u)).append("|dashboard>"));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", context.toString());
        return o;
    }

    private ObjectNode teams(Notification n) {
        ObjectNode card = F.objectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        // 1.4 is what Teams renders on every client, the mobile ones included.
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", title(n)).put("weight", "Bolder").put("size", "Medium")
                .put("wrap", true).put("color", n.status() == Status.UNHEALTHY ? "Attention"
                        : n.status() == Status.DEGRADED ? "Warning" : "Good");
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        facts.addObject().put("title", "Instance").put("value", settings.instance());
        facts.addObject().put("title", "Status").put("value", n.status().json() + " (" + was(n) + ")");
        facts.addObject().put("title", "Since").put("value", human(n.since()));
        if (n.logstashVersion() != null) {
            facts.addObject().put("title", "Logstash").put("value", n.logstashVersion());
        }
        for (Reason r : n.reasons()) {
            body.addObject().put("type", "TextBlock").put("text", r.code() + " (" + r.severity().json() + "): " + r.message())
                    .put("wrap", true).put("spacing", "Small");
        }
        settings.publicUrl().ifPresent(u -> card.putArray("actions").addObject().put("type", "Action.OpenUrl")
                .put("title", "Open the dashboard").put("url", u));
        ObjectNode message = F.objectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card);
        return message;
    }

    private ObjectNode pagerDuty(Notification n) {
        ObjectNode o = F.objectNode();
        o.put("routing_key", settings.authorization().orElse(""));
        o.put("dedup_key", dedupKey());
        if (n.event() == Notification.Event.RESOLVED) {
            o.put("event_action", "resolve");
            return o;
        }
        o.put("event_action", "trigger");
        ObjectNode payload = o.putObject("payload");
        payload.put("summary", cut(summary(n), PAGERDUTY_SUMMARY));
        payload.put("source", settings.instance());
        payload.put("severity", n.status() == Status.UNHEALTHY ? "critical" : "warning");
        payload.put("timestamp", iso(n.at()));
        payload.put("component", "logstash");
        payload.put("group", "logstash-status-sidecar");
        payload.put("class", n.reasons().isEmpty() ? n.status().json() : n.reasons().get(0).code());
        ObjectNode details = payload.putObject("custom_details");
        details.put("event", n.event().json());
        details.put("status", n.status().json());
        details.put("previous", n.previous().json());
        details.put("since", iso(n.since()));
        details.put("logstash_version", n.logstashVersion());
        ObjectNode reasons = details.putObject("reasons");
        for (Reason r : n.reasons()) {
            reasons.put(r.code(), r.severity().json() + ": " + r.message());
        }
        settings.publicUrl().ifPresent(u -> {
            o.put("client", "Logstash status sidecar");
            o.put("client_url", u);
            o.putArray("links").addObject().put("href", u).put("text", "Status sidecar dashboard");
        });
        return o;
    }

    /** "was unhealthy for 14m": how long the status before this one lasted, where that is known. */
    private static String was(Notification n) {
        return "was " + n.previous().json() + (n.previousSince() == null ? ""
                : " for " + human(Duration.between(n.previousSince(), n.since())));
    }

    private String title(Notification n) {
        return switch (n.event()) {
            case RESOLVED -> settings.instance() + ": Logstash is " + n.status().json() + " again";
            case REPEAT -> settings.instance() + ": Logstash is still " + n.status().json();
            case REASONS_CHANGED -> settings.instance() + ": Logstash is " + n.status().json() + ", for other reasons";
            case STATUS_CHANGED -> settings.instance() + ": Logstash is " + n.status().json();
        };
    }

    private static String icon(Notification n) {
        return n.status() == Status.UNHEALTHY ? ":red_circle:" : n.status() == Status.DEGRADED ? ":large_orange_circle:"
                : ":large_green_circle:";
    }

    /** Slack's mrkdwn reads &, < and > as markup; everything else is text. */
    static String slackEscape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // A link's URL ends at '|' or '>'; the configured URL is checked, this keeps a stray one from breaking the link.
    private static String slackLink(String url) {
        return url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
    }

    /** To the second: what a reader of the document or an incident needs. */
    static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** For a person reading a chat message: {@code 2026-12-02 09:28:24 UTC}. */
    static String human(Instant t) {
        return HUMAN.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m";
        }
        return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + "m");
    }
}
