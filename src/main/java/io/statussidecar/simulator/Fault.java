package io.statussidecar.simulator;

/** Ways the simulated Logstash can misbehave, as data (after mockwebserver's socket effects). */
public enum Fault {
    /** Answers normally. */
    NONE,
    /** The port is closed: connections are refused. */
    REFUSE,
    /** Accepts the request and never answers (until the fault is cleared). */
    HANG,
    /** Answers 200 with an HTML page instead of JSON. */
    GARBAGE,
    /** Answers 500 with a Logstash-style error, as during start-up. */
    HTTP_500,
    /** Answers 200 with a JSON body far larger than any real one. */
    OVERSIZED
}
