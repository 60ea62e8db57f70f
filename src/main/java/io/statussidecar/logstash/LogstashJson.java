package io.statussidecar.logstash;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** How Logstash's JSON is read, in one place for the client and for the fixture tests. */
public final class LogstashJson {

    private LogstashJson() {
    }

    /** Tolerant of fields we do not know and of nulls where a primitive could stand (6.x to 9.x). */
    public static ObjectReader reader(ObjectMapper mapper) {
        return mapper.reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }
}
