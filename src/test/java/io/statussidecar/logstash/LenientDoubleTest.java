package io.statussidecar.logstash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class LenientDoubleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1.5                 | 1.5
            42                  | 42.0
            '"Infinity"'        | Infinity
            '"-Infinity"'       | -Infinity
            '"12.25"'           | 12.25
            '"NaN"'             | null
            '"fast"'            | null
            null                | null
            true                | null
            '{"a":1}'           | null
            '[1,2]'             | null
            """)
    void flowRatesAreReadLeniently(String json, Double expected) throws Exception {
        FlowRate rate = LogstashJson.reader(new ObjectMapper())
                .readValue("{\"current\":" + json + ",\"lifetime\":2}", FlowRate.class);

        assertEquals(expected, rate.current());
        assertEquals(2.0, rate.lifetime(), "the field after an odd value is still read");
    }

    @ParameterizedTest
    @CsvSource({ "last_1_minute, 1", "last_5_minutes, 5", "last_15_minutes, 15", "last_1_hour, 60", "last_24_hours, 1440" })
    void windowsWithDigitsInTheirNamesAreRead(String window, double value) throws Exception {
        FlowRate rate = LogstashJson.reader(new ObjectMapper()).readValue("{\"" + window + "\":" + value + "}", FlowRate.class);

        double read = switch (window) {
            case "last_1_minute" -> rate.last1Minute();
            case "last_5_minutes" -> rate.last5Minutes();
            case "last_15_minutes" -> rate.last15Minutes();
            case "last_1_hour" -> rate.last1Hour();
            default -> rate.last24Hours();
        };
        assertEquals(value, read);
    }
}
