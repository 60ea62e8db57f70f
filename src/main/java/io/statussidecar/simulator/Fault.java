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
    OVERSIZED,
    /** Announces a 300 MB body (Content-Length) and sends it as fast as the sidecar reads. */
    HUGE,
    /** A chunked body that never ends. */
    ENDLESS,
    /** Sends its answer one byte a second (every single read succeeds; the whole never arrives). */
    DRIP,
    /** Sends the headers and half a body, then nothing more (until the fault is cleared). */
    HALF
}
