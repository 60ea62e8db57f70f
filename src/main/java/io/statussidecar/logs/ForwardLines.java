package io.statussidecar.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the lines of a byte range of a file forwards, one block in memory, each line decoded as UTF-8
 * (U+FFFD for bad bytes) and cut at {@link LogTail#MAX_LINE_BYTES}. For copying a log's tail through a
 * line-by-line filter (the support bundle's redaction) without loading it.
 */
public final class ForwardLines {

    /** Receives each line without its line break. */
    @FunctionalInterface
    public interface Sink {
        void line(String line) throws IOException;
    }

    private ForwardLines() {
    }

    /** The offset of the first line that starts at or after {@code from} (0 stays 0). */
    public static long lineStartAtOrAfter(FileChannel ch, long from, long end) throws IOException {
        if (from <= 0) {
            return 0;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        if (ch.read(one, from - 1) == 1 && one.get(0) == '\n') {
            return from;
        }
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        for (long pos = from; pos < end;) {
            block.clear();
            int n = ch.read(block, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (block.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return end;
    }

    public static void read(FileChannel ch, long start, long end, Sink sink) throws IOException {
        byte[] line = new byte[LogTail.MAX_LINE_BYTES];
        int len = 0;
        long cut = 0;
        Utf8Line utf8 = new Utf8Line();
        ByteBuffer block = ByteBuffer.allocate(LogTail.BLOCK);
        long pos = start;
        while (pos < end) {
            block.clear();
            block.limit((int) Math.min(block.capacity(), end - pos));
            int n = ch.read(block, pos);
            if (n <= 0) {
                break; // truncated under us: what is left is gone
            }
            for (int i = 0; i < n; i++) {
                byte b = block.get(i);
                if (b == '\n') {
                    emit(line, len, cut, utf8, sink);
                    len = 0;
                    cut = 0;
                } else if (len < line.length) {
                    line[len++] = b;
                } else {
                    cut++;
                }
            }
            pos += n;
        }
        if (len > 0 || cut > 0) {
            emit(line, len, cut, utf8, sink);
        }
    }

    private static void emit(byte[] line, int len, long cut, Utf8Line utf8, Sink sink) throws IOException {
        int l = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
        CharBuffer chars = utf8.decode(line, l);
        sink.line(cut > 0 ? chars + " [line cut: " + cut + " more bytes]" : chars.toString());
    }
}
