package io.statussidecar.http;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;

/**
 * Why a call the sidecar makes (to Logstash, to a notification's receiver) failed, read from the
 * exception chain Vert.x and Netty hand back, so each caller words it for its reader the same way.
 * {@code detail}: the TLS error's or the root cause's message on one line (empty for the others).
 */
public record OutboundFailure(Kind kind, String detail) {

    public enum Kind { CONNECT_TIMEOUT, REFUSED, UNKNOWN_HOST, TLS, TIMEOUT, CLOSED, OTHER }

    public static OutboundFailure of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Netty's connect timeout is a ConnectException too: it must be told apart first.
            if (t instanceof ConnectTimeoutException) {
                return new OutboundFailure(Kind.CONNECT_TIMEOUT, "");
            }
            if (t instanceof ConnectException) {
                return new OutboundFailure(Kind.REFUSED, "");
            }
            if (t instanceof UnknownHostException) {
                return new OutboundFailure(Kind.UNKNOWN_HOST, "");
            }
            if (t instanceof SSLException) {
                return new OutboundFailure(Kind.TLS, oneLine(t.getMessage()));
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return new OutboundFailure(Kind.TIMEOUT, "");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return new OutboundFailure(Kind.CLOSED, "");
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new OutboundFailure(Kind.OTHER, root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage())));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    }
}
