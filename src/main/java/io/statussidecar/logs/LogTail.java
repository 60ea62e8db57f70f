package io.statussidecar.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

import io.statussidecar.security.Redactor;

/**
 * The last lines of a log file, read backwards from its end in fixed-size blocks: the file is never
 * read whole and memory does not grow with its size. Selected lines are remembered as byte ranges
 * (16 bytes each, at most {@code 2 × lines} of them), then streamed in order. A line longer than
 * {@link #MAX_LINE_BYTES} is cut, and only its first {@link #MAX_LINE_BYTES} are searched. Bytes that
 * are not UTF-8 are written as U+FFFD. CRLF and LF endings are both read; output lines end with LF.
 * The file is opened once per call, so rotation, truncation or replacement between calls are seen,
 * and a truncation during a call only shortens its answer.
 * <p>
 * Every line it writes has been through the {@link Redactor} (SPEC §12): the log holds whatever
 * Logstash printed, configuration secrets included. Only the lines sent are redacted, so the cost
 * grows with the answer, not the file. A text filter is applied to what would be sent: an entry whose
 * raw text matches but whose redacted text does not is left out, so {@code q=} cannot be used to guess
 * a masked secret one character at a time.
 */
public final class LogTail {

    public static final int MAX_LINE_BYTES = 64 * 1024;
    static final int BLOCK = 64 * 1024;
    /** What the answer is handed on in: a few large chunks rather than a chunk per line. */
    private static final int OUT_BUFFER = 64 * 1024;
    /**
     * How long a filtered search may read before it answers with what it found. A sparse filter reads
     * the whole file (about 1.2 s for 300 MB here), and a text that stands mostly inside masked values
     * has every entry it meets redacted to be sure (about 0.1 ms an entry): without a bound, one request
     * could keep a core busy for minutes.
     */
    static final Duration SEARCH_BUDGET = Duration.ofSeconds(10);
    /** How many lines a search reads between two looks at the clock. */
    private static final int CLOCK_EVERY = 256;

    private final int blockSize;
    private final Duration searchBudget;

    public LogTail() {
        this(BLOCK, SEARCH_BUDGET);
    }

    /** A smaller block moves block boundaries under the tests' lines; a shorter budget ends searches early. */
    LogTail(int blockSize, Duration searchBudget) {
        this.blockSize = blockSize;
        this.searchBudget = searchBudget;
    }

    LogTail(int blockSize) {
        this(blockSize, SEARCH_BUDGET);
    }

    /**
     * Byte ranges of the selected lines, oldest first, and how many lines they are. {@code searchedFrom}
     * is where a filtered search stopped reading when its budget ran out (0: it read the whole file).
     */
    public record Selection(long[] starts, long[] ends, int count, long searchedFrom) {
    }

    /**
     * Selects the last {@code lines} lines; with an active filter, whole matching entries (an entry
     * longer than {@code lines} keeps its first {@code lines} lines), never more than {@code lines}.
     */
    public Selection select(FileChannel ch, int lines, LogFilter filter) throws IOException {
        long size = ch.size();
        Backwards back = new Backwards(ch, size, blockSize);
        Ranges picked = new Ranges();
        if (!filter.active()) {
            long[] line;
            while (picked.count < lines && (line = back.previous()) != null) {
                picked.add(line[0], line[1]);
            }
            return picked.oldestFirst(0);
        }
        long deadline = System.nanoTime() + searchBudget.toNanos();
        int read = 0;
        byte[] head = new byte[MAX_LINE_BYTES];
        Utf8Line decoder = new Utf8Line();
        Ranges entry = new Ranges();
        boolean entryMatchesText = false;
        long[] line;
        while (picked.count < lines && (line = back.previous()) != null) {
            if (++read % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0) {
                return picked.oldestFirst(line[1]); // what was found in the newest part of the file
            }
            int len = back.head(line[0], line[1], head);
            entry.add(line[0], line[1]);
            entryMatchesText |= filter.textMatches(head, len);
            boolean start = LogFilter.isEntryStart(head, len);
            if (!start && back.hasMore()) {
                if (entry.count > lines) {
                    entry.dropNewest(); // only the first `lines` lines of an over-long entry can be kept
                }
                continue;
            }
            if (filter.levelMatches(start ? LogFilter.levelOf(head, len) : java.util.Optional.empty()) && entryMatchesText
                    && matchesAsSent(ch, entry.oldestFirstRanges(), filter, head, decoder)) {
                Ranges whole = entry.oldestFirstRanges();
                int keep = Math.min(whole.count, lines);
                if (picked.count + keep > lines && picked.count > 0) {
                    break;
                }
                for (int i = keep - 1; i >= 0; i--) {
                    picked.add(whole.starts[i], whole.ends[i]);
                }
            }
            entry = new Ranges();
            entryMatchesText = false;
        }
        return picked.oldestFirst(0);
    }

    /**
     * Whether an entry whose raw text matched still matches once redacted, as it would be sent. Only
     * entries that matched raw get here, so a sparse search stays a byte scan.
     */
    private static boolean matchesAsSent(FileChannel ch, Ranges entry, LogFilter filter, byte[] buf, Utf8Line decoder)
            throws IOException {
        if (filter.text().isEmpty()) {
            return true;
        }
        Redactor redactor = new Redactor();
        for (int i = 0; i < entry.count; i++) {
            int len = read(ch, entry.starts[i], entry.ends[i], buf);
            if (redactor.passes(buf, len)) {
                if (filter.textMatches(buf, len)) {
                    return true; // nothing to mask on this line: it is sent as it is
                }
                continue;
            }
            String red = redactor.line(decoder.decode(buf, len).toString());
            if (red != null && filter.textMatches(red)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes the selected lines as UTF-8, each ending with LF, redacted. The lines are read forwards a
     * block at a time and written in blocks: a read and a write per line made a 1 000-line tail spend
     * most of its time in system calls and small response chunks.
     */
    public void write(FileChannel ch, Selection s, OutputStream sink) throws IOException {
        OutputStream out = new BufferedOutputStream(sink, OUT_BUFFER);
        Forwards in = new Forwards(ch, blockSize);
        byte[] line = new byte[MAX_LINE_BYTES];
        Redactor redactor = new Redactor();
        Recoder recoder = null; // only for lines that are not plain ASCII
        for (int i = 0; i < s.count(); i++) {
            int len = in.read(s.starts()[i], s.ends()[i], line);
            int pass = redactor.quickPass(line, len);
            if (pass == Redactor.ASCII) {
                out.write(line, 0, len); // nothing to mask and nothing to decode: the bytes as they are
            } else {
                if (recoder == null) {
                    recoder = new Recoder();
                }
                if (pass == Redactor.NOT_ASCII) {
                    recoder.reencode(line, len, out);
                } else {
                    String red = redactor.line(recoder.decode(line, len).toString());
                    if (red == null) {
                        continue; // inside a private key
                    }
                    out.write(red.getBytes(StandardCharsets.UTF_8));
                }
            }
            long length = s.ends()[i] - s.starts()[i];
            long cut = length - Math.min(length, MAX_LINE_BYTES);
            // Fewer bytes than asked means the file was truncated meanwhile: nothing was cut, it is gone.
            if (cut > 0 && len == MAX_LINE_BYTES) {
                out.write((" [line cut: " + cut + " more bytes]").getBytes(StandardCharsets.US_ASCII));
            }
            out.write('\n');
        }
        out.flush();
    }

    /** UTF-8 in, well-formed UTF-8 out (U+FFFD for bad bytes); its 320 KiB of buffers only when needed. */
    private static final class Recoder {
        private final Utf8Line decoder = new Utf8Line();
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        // U+FFFD takes 3 bytes where a bad byte took 1: room for the worst case, allocated once.
        private final ByteBuffer utf8 = ByteBuffer.allocate(MAX_LINE_BYTES * 3);

        CharBuffer decode(byte[] line, int len) {
            return decoder.decode(line, len);
        }

        void reencode(byte[] line, int len, OutputStream out) throws IOException {
            CharBuffer chars = decoder.decode(line, len);
            utf8.clear();
            encoder.reset();
            encoder.encode(chars, utf8, true);
            encoder.flush(utf8);
            out.write(utf8.array(), 0, utf8.position());
        }
    }

    public static FileChannel open(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    /** Reads up to {@code buf.length} bytes of [start, end); fewer if the file was truncated meanwhile. */
    private static int read(FileChannel ch, long start, long end, byte[] buf) throws IOException {
        int want = (int) Math.min(buf.length, end - start);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
        while (bb.hasRemaining()) {
            int n = ch.read(bb, start + bb.position());
            if (n < 0) {
                break;
            }
        }
        return bb.position();
    }

    /** Reads the selected lines in file order, one block in memory at a time. */
    private static final class Forwards {
        private final FileChannel ch;
        private final byte[] block;
        private long blockStart;
        private int blockLen;

        Forwards(FileChannel ch, int blockSize) {
            this.ch = ch;
            this.block = new byte[blockSize];
        }

        /** Like {@link LogTail#read}: up to {@code buf.length} bytes of [start, end), fewer if truncated. */
        int read(long start, long end, byte[] buf) throws IOException {
            int want = (int) Math.min(buf.length, end - start);
            if (want > block.length) {
                return LogTail.read(ch, start, end, buf);
            }
            if (start < blockStart || start + want > blockStart + blockLen) {
                blockStart = start;
                ByteBuffer bb = ByteBuffer.wrap(block);
                while (bb.hasRemaining() && ch.read(bb, blockStart + bb.position()) >= 0) {
                    // a short read is not the end of the file: read on until the block is full or it is
                }
                blockLen = bb.position();
            }
            int have = (int) Math.max(0, Math.min(want, blockStart + blockLen - start));
            System.arraycopy(block, (int) (start - blockStart), buf, 0, have);
            return have;
        }
    }

    /** Walks the lines of a file from its end, one block in memory at a time. */
    private static final class Backwards {
        private final FileChannel ch;
        private final byte[] block;
        private long blockStart;
        private int blockLen;
        private long lineEnd;

        Backwards(FileChannel ch, long size, int blockSize) {
            this.ch = ch;
            this.block = new byte[blockSize];
            this.blockStart = size;
            this.blockLen = 0;
            this.lineEnd = size;
        }

        boolean hasMore() {
            return lineEnd > 0;
        }

        /** The first bytes of a line just returned, from the block in memory when it holds them. */
        int head(long start, long end, byte[] buf) throws IOException {
            int want = (int) Math.min(buf.length, end - start);
            if (start >= blockStart && start + want <= blockStart + blockLen) {
                System.arraycopy(block, (int) (start - blockStart), buf, 0, want);
                return want;
            }
            return read(ch, start, end, buf);
        }

        /** {start, end} of the previous line without its CR/LF, or null at the top of the file. */
        long[] previous() throws IOException {
            if (lineEnd <= 0) {
                return null;
            }
            long pos = lineEnd - 1;
            // The newline that ends this line belongs to it; a file ending in LF has no empty last line.
            if (byteAt(pos) == '\n') {
                pos--;
            }
            long end = pos + 1;
            // The hot loop of a filtered scan over a large file: search the block array directly.
            while (pos >= 0) {
                byteAt(pos); // loads the block holding pos
                int i = (int) (pos - blockStart);
                while (i >= 0 && block[i] != '\n') {
                    i--;
                }
                if (i >= 0) {
                    pos = blockStart + i;
                    break;
                }
                pos = blockStart - 1;
            }
            long start = pos + 1;
            lineEnd = start;
            if (end > start && byteAt(end - 1) == '\r') {
                end--;
            }
            return new long[] { start, end };
        }

        private byte byteAt(long pos) throws IOException {
            if (pos < blockStart || pos >= blockStart + blockLen) {
                blockStart = Math.max(0, pos - block.length + 1);
                blockLen = (int) (pos - blockStart + 1);
                ByteBuffer bb = ByteBuffer.wrap(block, 0, blockLen);
                while (bb.hasRemaining()) {
                    if (ch.read(bb, blockStart + bb.position()) < 0) {
                        // Truncated under us: what is gone reads as line breaks, ending lines early.
                        Arrays.fill(block, bb.position(), blockLen, (byte) '\n');
                        break;
                    }
                }
            }
            return block[(int) (pos - blockStart)];
        }
    }

    /**
     * Growable primitive ranges, newest first while collecting. Dropped ranges are reclaimed, so the
     * arrays stay within a small multiple of what is held: a request holds at most about {@code lines}
     * offsets, whatever the file's layout (one endless entry when no line starts like a Logstash entry).
     */
    private static final class Ranges {
        long[] starts = new long[16];
        long[] ends = new long[16];
        int count;
        int offset;

        void add(long start, long end) {
            if (offset + count == starts.length) {
                if (count < starts.length / 2) {
                    System.arraycopy(starts, offset, starts, 0, count);
                    System.arraycopy(ends, offset, ends, 0, count);
                    offset = 0;
                } else {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
            }
            starts[offset + count] = start;
            ends[offset + count] = end;
            count++;
        }

        /** Drops the first-added range, the newest line: an over-long entry keeps its first lines. */
        void dropNewest() {
            offset++;
            count--;
        }

        Ranges oldestFirstRanges() {
            Ranges r = new Ranges();
            for (int i = offset + count - 1; i >= offset; i--) {
                r.add(starts[i], ends[i]);
            }
            return r;
        }

        Selection oldestFirst(long searchedFrom) {
            Ranges r = oldestFirstRanges();
            return new Selection(Arrays.copyOf(r.starts, r.count), Arrays.copyOf(r.ends, r.count), r.count, searchedFrom);
        }
    }
}
