package io.statussidecar.security;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it leaves the sidecar, in a support bundle (SPEC §7), a log tail or
 * download (SPEC §3, §12), an error or a health message: values of
 * secret-looking keys in {@code key => "v"}, {@code key=v}, {@code key: v} and JSON forms;
 * {@code Authorization} header values; credentials in URLs; PEM private keys; AWS access key ids.
 * It errs towards hiding too much. Feed it the lines of one file in order: a PEM key spans lines.
 * Not thread-safe; one instance per file.
 */
public final class Redactor {

    public static final String MASK = "***";
    static final int MAX_KEY_LINES = 200;

    static final Pattern PEM_ONE_LINE = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?-----END \\1PRIVATE KEY-----");
    static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----");
    static final Pattern PEM_END = Pattern.compile("-----END ([A-Z0-9 ]*)PRIVATE KEY-----");
    static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)(\\b(?:proxy-)?authorization[\"']?\\s*(?:=>|[:=])\\s*[\"']?)(basic|bearer|splunk|token|digest|negotiate|apikey)\\s+[^\\s\"',;]+");
    static final Pattern SCHEME_TOKEN = Pattern.compile("\\b(Bearer|Splunk)\\s+[A-Za-z0-9._~+/=-]{16,}");
    // The password runs to the last '@' before the host: a password may hold '@' itself (user:p@ss@host).
    static final Pattern URL_CREDENTIALS = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s:/@\"'<>]+):([^\\s/\"'<>]+)@(?=[^\\s/@\"'<>])");
    static final Pattern SECRET_KEY = Pattern.compile("(?i)password|passwd|pwd$|passphrase|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|signature|credential|auth(?!or)");
    /** A key and its separator; the value after it is found by {@link #valueEnd}, which regexes do badly. */
    static final Pattern KEY_SEPARATOR = Pattern.compile("(?<![A-Za-z0-9_.-])((?:\\\\)*+[\"']?)([A-Za-z0-9_.-]{1,80}+)\\1(\\s*+(?:=>|:|=)\\s*+)");
    /** What starts another pair after a bare value: {@code , user=}, {@code  host: }, {@code  :id=>}. */
    static final Pattern NEXT_PAIR = Pattern.compile("[\\s,]++[\"':]?[A-Za-z0-9_.-]{1,80}+[\"']?\\s*+(?:=>|:\\s|=)");
    /** A bare {@code Basic <base64>} credential, wherever it stands. */
    static final Pattern BASIC_TOKEN = Pattern.compile("\\b(Basic)\\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])");
    /**
     * 40 or more base64 characters standing alone, of mixed case and digits: an AWS secret access key
     * (40), named or not, or a line of a PEM key whose BEGIN line is out of view (a log tail that starts
     * inside the key).
     */
    static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40,}+={0,2}+(?![A-Za-z0-9/+=])");
    static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile(
            "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|AKPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}\\b");

    /** A run this long of base64 characters may be an AWS key id (20), an AWS secret (40) or a key body. */
    private static final int SUSPICIOUS_RUN = 20;

    private boolean inPrivateKey;
    private int keyLines;

    /**
     * Whether {@link #line} would return this line unchanged: none of the words the rules look for is in
     * its UTF-8 bytes. Most log lines are like that, and a log tail answers thousands of them, so a tail
     * asks this before it decodes a line, and writes a line that passes as it is. The words are ASCII,
     * and UTF-8 never uses ASCII bytes inside another character, so bytes answer as text would.
     */
    public boolean passes(byte[] utf8, int len) {
        return quickPass(utf8, len) != SUSPECT;
    }

    /** {@link #quickPass}: the line can be sent as its bytes, nothing to mask and nothing but ASCII. */
    public static final int ASCII = 0;
    /** {@link #quickPass}: nothing to mask, but bytes beyond ASCII (to be checked as UTF-8). */
    public static final int NOT_ASCII = 1;
    /** {@link #quickPass}: the line must go through {@link #line}. */
    public static final int SUSPECT = 2;

    /**
     * {@link #passes}, and in the same pass over the bytes whether they are all ASCII: the log tail asks
     * both of every line it sends.
     */
    public int quickPass(byte[] utf8, int len) {
        return inPrivateKey ? SUSPECT : scan(utf8, len);
    }

    // The words the quick pass looks for, as bytes: compared with the line's bytes without a String call.
    private static final byte[] W_PASS = ascii("pass");
    private static final byte[] W_PWD = ascii("pwd");
    private static final byte[] W_SECRET = ascii("secret");
    private static final byte[] W_SIGNATURE = ascii("signature");
    private static final byte[] W_TOKEN = ascii("token");
    private static final byte[] W_KEY = ascii("key");
    private static final byte[] W_CREDENTIAL = ascii("credential");
    private static final byte[] W_AUTH = ascii("auth");
    private static final byte[] W_URL = ascii("://");
    private static final byte[] W_SPLUNK = ascii("Splunk");
    private static final byte[] W_BEARER = ascii("Bearer");
    private static final byte[] W_BASIC = ascii("Basic");

    private static byte[] ascii(String word) {
        return word.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    // The quick pass runs over every byte the log tail serves, in C1-compiled code (the shipped options
    // stop at tier 1), so it looks up tables rather than testing ranges: a byte can extend a base64 run,
    // and a byte that can start a word says which second bytes (lower-cased, as bits of a long) can
    // follow it; only then is the word compared. About twice as fast as range tests and a switch per
    // byte on ordinary log lines.
    private static final byte BASE64_CHAR = 1;
    private static final byte NON_ASCII = 2;
    private static final byte[] KIND = new byte[256];
    private static final long[] SECOND_BYTES = new long[256];

    static {
        for (int c = 0; c < 256; c++) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                KIND[c] = BASE64_CHAR;
            } else if (c >= 0x80) {
                KIND[c] = NON_ASCII;
            }
        }
        for (byte[] word : List.of(W_PASS, W_PWD, W_SECRET, W_SIGNATURE, W_TOKEN, W_KEY, W_CREDENTIAL, W_AUTH, W_URL,
                W_SPLUNK, W_BEARER, W_BASIC)) {
            long second = 1L << ((word[1] | 0x20) & 63);
            SECOND_BYTES[word[0]] |= second;
            if (Character.isLetter(word[0])) {
                SECOND_BYTES[word[0] ^ 0x20] |= second; // the other case of the first letter
            }
        }
    }

    static boolean suspicious(byte[] b, int len) {
        return scan(b, len) == SUSPECT;
    }

    private static int scan(byte[] b, int len) {
        int run = 0;
        int seen = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xFF;
            int kind = KIND[c];
            seen |= kind;
            if (kind == BASE64_CHAR) {
                if (++run >= SUSPICIOUS_RUN) {
                    return SUSPECT;
                }
            } else {
                run = 0;
            }
            long second = SECOND_BYTES[c];
            if (second != 0 && i + 1 < len && (second & (1L << ((b[i + 1] | 0x20) & 63))) != 0 && wordAt(b, len, i)) {
                return SUSPECT;
            }
        }
        return (seen & NON_ASCII) != 0 ? NOT_ASCII : ASCII;
    }

    /** The words of SECRET_KEY, the Authorization schemes, PRIVATE KEY and URL credentials. */
    private static boolean wordAt(byte[] b, int len, int i) {
        return switch (b[i] | 0x20) {
            case 'p' -> at(b, len, i, W_PASS) || at(b, len, i, W_PWD);
            case 's' -> at(b, len, i, W_SECRET) || at(b, len, i, W_SIGNATURE) || scheme(b, len, i, W_SPLUNK);
            case 't' -> at(b, len, i, W_TOKEN);
            case 'k' -> at(b, len, i, W_KEY);
            case 'c' -> at(b, len, i, W_CREDENTIAL);
            case 'a' -> at(b, len, i, W_AUTH);
            case 'b' -> scheme(b, len, i, W_BEARER) || scheme(b, len, i, W_BASIC);
            default -> at(b, len, i, W_URL);
        };
    }

    /** Whether {@code word} (lower case) stands at {@code i}, ignoring ASCII case. */
    private static boolean at(byte[] b, int len, int i, byte[] word) {
        if (i + word.length > len) {
            return false;
        }
        for (int j = 1; j < word.length; j++) { // the first byte is the one the caller switched on
            int c = b[i + j];
            if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != word[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An Authorization scheme as SCHEME_TOKEN and BASIC_TOKEN match it, in its own case and followed by
     * white space: "splunk-microseg", the name of many an output, is not one.
     */
    private static boolean scheme(byte[] b, int len, int i, byte[] word) {
        int end = i + word.length;
        if (end >= len || b[end] != ' ' && b[end] != '\t' && b[end] != '\f' && b[end] != 0x0B) {
            return false;
        }
        for (int j = 0; j < word.length; j++) {
            if (b[i + j] != word[j]) {
                return false;
            }
        }
        return true;
    }

    /** Redacts one line (without its line break). Returns null for a line that is dropped (inside a private key). */
    public String line(String line) {
        if (inPrivateKey) {
            Matcher end = PEM_END.matcher(line);
            if (end.find()) {
                inPrivateKey = false;
                return rules(end.group() + line.substring(end.end()));
            }
            // A BEGIN without END for this long was not a key; stop swallowing the file.
            inPrivateKey = ++keyLines < MAX_KEY_LINES;
            return null;
        }
        String out = PEM_ONE_LINE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                "-----BEGIN " + m.group(1) + "PRIVATE KEY-----" + MASK + "-----END " + m.group(1) + "PRIVATE KEY-----"));
        // A key that begins on this line and ends on a later one: hide the rest of this line and what follows.
        Matcher begin = PEM_BEGIN.matcher(out);
        int lastBeginEnd = -1;
        while (begin.find()) {
            lastBeginEnd = begin.end();
        }
        if (lastBeginEnd >= 0 && !PEM_END.matcher(out).find(lastBeginEnd)) {
            inPrivateKey = true;
            keyLines = 0;
            return rules(out.substring(0, lastBeginEnd)) + MASK;
        }
        return rules(out);
    }

    /** Redacts a whole text (a small file), keeping its line breaks. */
    public static String text(String text) {
        Redactor r = new Redactor();
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            String line = nl < 0 ? text.substring(from) : text.substring(from, nl);
            String red = r.line(line);
            if (red != null) {
                out.append(red);
                if (nl >= 0) {
                    out.append('\n');
                }
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return out.toString();
    }

    private static String rules(String line) {
        String s = AUTHORIZATION.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + " " + MASK));
        s = SCHEME_TOKEN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
        s = BASIC_TOKEN.matcher(s).replaceAll(m -> looksEncoded(m.group(2)) ? Matcher.quoteReplacement(m.group(1) + " " + MASK)
                : Matcher.quoteReplacement(m.group()));
        s = URL_CREDENTIALS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        s = pairs(s);
        s = AWS_SECRET.matcher(s).replaceAll(m -> mixed(m.group()) ? MASK : Matcher.quoteReplacement(m.group()));
        return AWS_ACCESS_KEY_ID.matcher(s).replaceAll(MASK);
    }

    /**
     * Every {@code key <sep> value} of the text: a secret key's whole value is masked (quoted, several
     * words, commas, an array or object); an ordinary key's quoted value is searched for pairs of its own
     * (an error quoting a configuration), and its bare value is read on for further pairs.
     */
    static String pairs(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = KEY_SEPARATOR.matcher(text);
        int pos = 0;
        while (pos < text.length() && m.find(pos)) {
            int start = m.end();
            int end = valueEnd(text, start);
            String key = m.group(2);
            String value = text.substring(start, end);
            out.append(text, pos, start);
            if (SECRET_KEY.matcher(key).find() && !key.toLowerCase(java.util.Locale.ROOT).endsWith("authorization")
                    && !harmless(value)) {
                // Under a "quoted" key the text is JSON: a bare value (a number) is masked as a string.
                String masked = mask(value);
                out.append(m.group(1).equals("\"") && masked.equals(MASK) ? "\"" + MASK + "\"" : masked);
                pos = end;
            } else if (quote(value) != null && value.length() >= 2 * quote(value).length() && value.endsWith(quote(value))) {
                String q = quote(value);
                out.append(q).append(pairs(value.substring(q.length(), value.length() - q.length()))).append(q);
                pos = end;
            } else {
                pos = start; // read on inside: an object, an array or a bare value may hold pairs of their own
            }
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    /** Where the value that starts at {@code start} ends (exclusive). */
    static int valueEnd(String s, int start) {
        if (start >= s.length()) {
            return start;
        }
        char c = s.charAt(start);
        String q = quote(s.substring(start, Math.min(s.length(), start + 16)));
        if (q != null && q.length() > 1) { // \"v\" inside a JSON string, \\\"v\\\" inside one inside another
            for (int close = s.indexOf(q, start + q.length()); close >= 0; close = s.indexOf(q, close + 1)) {
                if (s.charAt(close - 1) != '\\') {
                    return close + q.length();
                }
            }
            return s.length();
        }
        if (c == '"' || c == '\'') {
            for (int i = start + 1; i < s.length(); i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.charAt(i) == c) {
                    return i + 1;
                }
            }
            return s.length();
        }
        if (c == '[' || c == '{') {
            int depth = 0;
            char quote = 0;
            for (int i = start; i < s.length(); i++) {
                char d = s.charAt(i);
                if (quote != 0) {
                    if (d == '\\') {
                        i++;
                    } else if (d == quote) {
                        quote = 0;
                    }
                } else if (d == '"' || d == '\'') {
                    quote = d;
                } else if (d == '[' || d == '{') {
                    depth++;
                } else if ((d == ']' || d == '}') && --depth == 0) {
                    return i + 1;
                }
            }
            return s.length();
        }
        Matcher next = NEXT_PAIR.matcher(s);
        int end = s.length();
        for (int i = start; i < s.length(); i++) {
            char d = s.charAt(i);
            if (d == '&' || d == ';' || d == '"' || d == '\'' || d == '}' || d == ']' || d == '\\') {
                end = i;
                break;
            }
            if ((Character.isWhitespace(d) || d == ',') && next.region(i, s.length()).lookingAt()) {
                end = i;
                break;
            }
        }
        // A line's own trailing comma (JSON, Ruby hashes) separates, it is not part of the value.
        while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || s.charAt(end - 1) == ',')) {
            end--;
        }
        return end;
    }

    private static boolean harmless(String value) {
        String bare = value.replaceAll("^\\\\?[\"']|\\\\?[\"']$", "");
        return bare.isEmpty() || bare.startsWith(MASK) || bare.equals("null") || bare.equals("true") || bare.equals("false")
                || bare.equals("nil") || bare.equals("[]") || bare.equals("{}");
    }

    /** The quote a value starts with, with the backslashes that escape it ({@code "}, {@code \"}, ...), or null. */
    static String quote(String value) {
        int b = 0;
        while (b < value.length() && value.charAt(b) == '\\') {
            b++;
        }
        if (b < value.length() && (value.charAt(b) == '"' || value.charAt(b) == '\'') && (b == 0 || b % 2 == 1)) {
            return value.substring(0, b + 1);
        }
        return null;
    }

    private static String mask(String value) {
        String q = quote(value);
        if (q != null) {
            return q + MASK + q;
        }
        return value.startsWith("[") || value.startsWith("{") ? "\"" + MASK + "\"" : MASK;
    }

    // A base64 credential has digits, '+', '/', padding, or capitals inside; "Basic authentication" is a word.
    private static boolean looksEncoded(String token) {
        return token.length() % 4 == 0
                && (token.matches(".*[0-9+/=].*") || token.substring(1).chars().anyMatch(Character::isUpperCase));
    }

    private static boolean mixed(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                && s.chars().anyMatch(Character::isDigit);
    }
}
