package io.statussidecar.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class HealthcheckCommandTest {

    @Test
    void exitsZeroOnlyWhenLivenessAnswers200() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] status = { 200 };
        server.createContext("/q/health/live", ex -> {
            ex.sendResponseHeaders(status[0], -1);
            ex.close();
        });
        server.start();
        try {
            Map<String, String> env = Map.of("PORT", String.valueOf(server.getAddress().getPort()));
            assertEquals(0, HealthcheckCommand.run(env));
            status[0] = 503;
            assertEquals(1, HealthcheckCommand.run(env));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void exitsOneWhenNothingListensOrPortIsBad() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertEquals(1, HealthcheckCommand.run(Map.of("PORT", String.valueOf(free))));
        assertEquals(1, HealthcheckCommand.run(Map.of("PORT", "x")));
    }
}
