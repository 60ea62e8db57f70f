package io.statussidecar.logstash;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Logstash writes an infinite flow rate as the string "Infinity" or "-Infinity" (LOGSTASH-API.md,
 * "Flow windows"); anything that is neither a number nor one of those strings means "no value" rather
 * than a failed poll.
 */
public final class LenientDouble extends StdDeserializer<Double> {

    public LenientDouble() {
        super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return parse(p.getText());
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
        return null;
    }

    static Double parse(String text) {
        String t = text.trim();
        if (t.equals("Infinity") || t.equals("+Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-Infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isNaN(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
