package io.statussidecar.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.statussidecar.security.Redactor;

/**
 * Redacts what is written through it line by line, so a document is redacted as it is produced and
 * never held whole. Closing it writes the last line (if it had no line break) but not the target.
 */
final class RedactingOutput extends OutputStream {

    private final OutputStream target;
    private final Redactor redactor = new Redactor();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    RedactingOutput(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            emit(true);
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, from, i - from);
                emit(true);
                from = i + 1;
            }
        }
        line.write(b, from, off + len - from);
    }

    @Override
    public void close() throws IOException {
        if (line.size() > 0) {
            emit(false);
        }
    }

    private void emit(boolean lineBreak) throws IOException {
        String red = redactor.line(line.toString(StandardCharsets.UTF_8));
        line.reset();
        if (red != null) {
            target.write(red.getBytes(StandardCharsets.UTF_8));
            if (lineBreak) {
                target.write('\n');
            }
        }
    }
}
