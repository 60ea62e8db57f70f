package io.statussidecar.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.statussidecar.support.Fixtures;

/** Development mode's controls: Logstash "down" (its port closed) can be brought back with a curl. */
class SimulatorControlTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private int get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theControlPortAnswersWhileLogstashRefusesConnections() throws Exception {
        try (LogstashSimulator sim = LogstashSimulator.aviatrix(Fixtures.DIR, "all").start(0).withControlPort()) {
            assertEquals(200, get(sim.controlUrl() + "/_simulator/fault/REFUSE"));
            assertThrows(ConnectException.class, () -> get(sim.baseUrl() + "/_node/stats"));
            assertEquals(200, get(sim.controlUrl() + "/_simulator/fault/NONE"));
            assertEquals(200, get(sim.baseUrl() + "/_node/stats"));
        }
    }
}
