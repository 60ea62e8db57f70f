package io.statussidecar.logs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one log line's bytes as UTF-8, writing U+FFFD for bytes that are not: a log may hold
 * anything, and the answer is declared UTF-8. Reuses its buffers; one instance per reader.
 */
final class Utf8Line {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(LogTail.MAX_LINE_BYTES);

    /** The decoded line, valid until the next call. */
    CharBuffer decode(byte[] bytes, int len) {
        chars.clear();
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(bytes, 0, len), chars, true);
        decoder.flush(chars);
        return chars.flip();
    }
}
