package io.statussidecar.logstash;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body as it arrives, never more than {@code cap} bytes and never past the call's deadline:
 * reading on fails with {@link TooLarge} or {@link Late}, so a body that is huge, endless or dripped a
 * byte a second ends the call instead of the sidecar's memory or its poll. Keeps the first bytes, so an
 * error can quote what Logstash sent without the body being held whole.
 */
final class Body extends FilterInputStream {

    static final int HEAD_BYTES = 800;

    private final long cap;
    private final long deadlineNanos;
    private final byte[] head = new byte[HEAD_BYTES];
    private int headLength;
    private long read;

    Body(InputStream in, long cap, long deadlineNanos) {
        super(in);
        this.cap = cap;
        this.deadlineNanos = deadlineNanos;
    }

    /** The body went past the cap. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }

    /** The call's deadline passed while the body was still arriving. */
    static final class Late extends IOException {
        Late() {
            super(null, null);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Late();
        }
        int n = super.read(b, off, (int) Math.min(len, cap + 1 - read));
        if (n > 0) {
            int keep = Math.min(n, HEAD_BYTES - headLength);
            System.arraycopy(b, off, head, headLength, keep);
            headLength += keep;
            read += n;
            if (read > cap) {
                throw new TooLarge();
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int r = read(sink, 0, sink.length);
        return Math.max(r, 0);
    }

    /** The start of the body, as one readable line of at most 200 characters. */
    String snippet() {
        String text = new String(head, 0, headLength, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
