package io.statussidecar.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on a real socket, for the notification tests and {@code bench/notify-faults.sh}:
 * it records what arrives and answers as its {@link Mode} says, the faults included (an answer that
 * never comes, one byte a second, 500 forever, 429 with Retry-After, a closed port). Raw sockets
 * rather than the JDK's HTTP server, which cannot drip an answer or refuse connections on its port.
 */
public final class Receiver implements AutoCloseable {

    /** How it answers; a fault is data, switched with {@link #mode}. */
    public enum Mode {
        /** 200 "ok", as Slack answers. */
        OK,
        /** 202 with PagerDuty's JSON, as PagerDuty and Teams Workflows answer. */
        ACCEPTED,
        /** Reads the request and never answers. */
        NEVER,
        /** Answers 200 one byte a second. */
        DRIP,
        /** 500 every time. */
        ERROR_500,
        /** 429 with Retry-After: 2. */
        RATE_LIMITED,
        /** 400 with Slack's "invalid_payload". */
        BAD_REQUEST,
        /** The port is closed: connections are refused. */
        REFUSE
    }

    /** One request as it arrived. */
    public record Received(Instant at, String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.OK;
    private volatile ServerSocket server;
    private final int port;
    private volatile boolean closed;

    public Receiver() {
        this(0);
    }

    public Receiver(int port) {
        this.server = bind(port);
        this.port = server.getLocalPort();
        accept(server);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public int port() {
        return port;
    }

    public synchronized Receiver mode(Mode m) {
        Mode before = mode;
        mode = m;
        if (m == Mode.REFUSE && before != Mode.REFUSE) {
            closeQuietly(server);
        } else if (m != Mode.REFUSE && before == Mode.REFUSE) {
            server = bind(port);
            accept(server);
        }
        if (before == Mode.NEVER || before == Mode.DRIP) {
            // Connections held open by the old fault end, as they would when a receiver is restarted.
            open.forEach(Receiver::closeQuietly);
        }
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    /** Connections the receiver holds open now (a never-answering receiver keeps each one). */
    public int openConnections() {
        return open.size();
    }

    /** Waits up to {@code millis} for {@code count} requests in all; returns what arrived. */
    public List<Received> await(int count, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (received.size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return received();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(Receiver::closeQuietly);
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!closed && !s.isClosed()) {
                try {
                    Socket c = s.accept();
                    open.add(c);
                    Thread h = new Thread(() -> serve(c), "receiver-conn");
                    h.setDaemon(true);
                    h.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "receiver-accept");
        t.setDaemon(true);
        t.start();
    }

    private void serve(Socket c) {
        try (c) {
            InputStream in = c.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] first = lines[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            received.add(new Received(Instant.now(), first[0], first.length > 1 ? first[1] : "", Map.copyOf(headers), body));
            answer(c.getOutputStream());
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The client went away (a deadline), or the test closed the receiver.
        } finally {
            open.remove(c);
        }
    }

    private void answer(OutputStream out) throws IOException, InterruptedException {
        switch (mode) {
            case OK -> write(out, 200, Map.of(), "ok");
            case ACCEPTED -> write(out, 202, Map.of(), "{\"status\":\"success\",\"message\":\"Event processed\"}");
            case ERROR_500 -> write(out, 500, Map.of(), "internal error");
            case RATE_LIMITED -> write(out, 429, Map.of("Retry-After", "2"), "rate limited");
            case BAD_REQUEST -> write(out, 400, Map.of(), "invalid_payload");
            case NEVER -> {
                while (mode == Mode.NEVER && !closed) {
                    Thread.sleep(100);
                }
            }
            case DRIP -> {
                byte[] whole = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);
                for (byte b : whole) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(1000);
                }
            }
            case REFUSE -> { }
        }
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        h.append("Content-Type: text/plain\r\nContent-Length: ").append(b.length).append("\r\nConnection: close\r\n\r\n");
        out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * For bench/: {@code Receiver <port> <control port>}. The control port answers
     * {@code GET /mode/<MODE>} and {@code GET /received} (the count, then the last body).
     */
    public static void main(String[] args) throws IOException {
        Receiver r = new Receiver(Integer.parseInt(args[0]));
        com.sun.net.httpserver.HttpServer control = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), 0);
        control.createContext("/", ex -> {
            String p = ex.getRequestURI().getPath();
            String answer;
            if (p.startsWith("/mode/")) {
                r.mode(Mode.valueOf(p.substring("/mode/".length())));
                answer = r.mode.name();
            } else {
                List<Received> all = r.received();
                answer = all.size() + "\n" + (all.isEmpty() ? "" : all.get(all.size() - 1).body());
            }
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        control.start();
        System.out.println(r.url("/hook"));
    }
}
