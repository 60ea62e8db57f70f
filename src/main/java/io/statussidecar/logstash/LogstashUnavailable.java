package io.statussidecar.logstash;

/**
 * Logstash could not give a usable answer: refused, timed out, non-2xx, too large or not the JSON we
 * expect. The message is written for an operator, names the URL and quotes nothing Logstash sent, so
 * it may appear where anyone can read it (/api/health); {@link #detail()} adds the start of what
 * Logstash answered, redacted, for those who may see more (/api/stats).
 */
public class LogstashUnavailable extends Exception {

    private final String detail;

    public LogstashUnavailable(String message) {
        this(message, message);
    }

    public LogstashUnavailable(String message, String detail) {
        super(message, null, false, false);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
