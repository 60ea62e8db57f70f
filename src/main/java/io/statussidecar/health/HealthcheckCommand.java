package io.statussidecar.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code application healthcheck}: asks the running sidecar's liveness probe and exits 0 when it
 * answers 200, 1 otherwise. For container HEALTHCHECKs in images that have no curl or wget; it uses a
 * plain socket so that it starts in milliseconds and needs nothing of Quarkus.
 */
public final class HealthcheckCommand {

    static final int TIMEOUT_MILLIS = 2000;

    private HealthcheckCommand() {
    }

    public static int run(Map<String, String> env) {
        int port;
        try {
            port = Integer.parseInt(env.getOrDefault("PORT", "3000").trim());
        } catch (NumberFormatException e) {
            System.err.println("healthcheck: PORT is not a number");
            return 1;
        }
        return check("127.0.0.1", port, "/q/health/live") ? 0 : 1;
    }

    static boolean check(String host, int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = 0;
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            String status = new String(head, 0, n, StandardCharsets.US_ASCII);
            boolean up = status.matches("HTTP/1\\.[01] 200");
            if (!up) {
                System.err.println("healthcheck: " + path + " answered \"" + status + "\"");
            }
            return up;
        } catch (IOException e) {
            System.err.println("healthcheck: " + path + " on port " + port + " did not answer: " + e.getMessage());
            return false;
        }
    }
}
