package io.statussidecar.logstash;

/**
 * Logstash could not give a usable answer: refused, timed out, non-2xx, too large or not the JSON we
 * expect. The message is written for an operator and already names the URL.
 */
public class LogstashUnavailable extends Exception {

    public LogstashUnavailable(String message) {
        super(message, null, false, false);
    }
}
