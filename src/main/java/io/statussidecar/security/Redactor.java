package io.statussidecar.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it leaves the sidecar in a support bundle (SPEC §7): values of
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
    static final Pattern URL_CREDENTIALS = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)([^\\s:/@\"'<>]+):([^\\s@/\"'<>]+)@");
    static final Pattern SECRET_KEY = Pattern.compile("(?i)password|passwd|passphrase|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|private[_-]?key|credential|auth(?!or)");
    /**
     * Any {@code key <sep> value}; whether the key is secret is decided afterwards. Keys are whole tokens
     * matched possessively, so a long run of word characters costs linear time, never backtracking.
     */
    static final Pattern KEY_VALUE = Pattern.compile("(?<![A-Za-z0-9_.-])([\"']?)([A-Za-z0-9_.-]{1,80}+)\\1(\\s*+(?:=>|:|=)\\s*+)"
            // a value quoted inside a JSON string (\"v\"), quoted, single-quoted, or bare
            + "(\\\\\"(?:[^\\\\]|\\\\[^\"])*+\\\\\"|\"(?:[^\"\\\\]|\\\\.)*+\"|'[^']*+'|[^\\s,;&{}\\[\\]'\"\\\\][^\\s,;&}\\]'\"]*+)");
    static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile(
            "\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|AKPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}\\b");

    private boolean inPrivateKey;
    private int keyLines;

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
        s = URL_CREDENTIALS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        s = KEY_VALUE.matcher(s).replaceAll(Redactor::maskValue);
        return AWS_ACCESS_KEY_ID.matcher(s).replaceAll(MASK);
    }

    private static String maskValue(java.util.regex.MatchResult m) {
        String key = m.group(2);
        if (!SECRET_KEY.matcher(key).find()) {
            // The value of an ordinary key may itself hold pairs, e.g. an error message quoting a config.
            String value = m.group(4);
            if (value.length() > 2 && value.startsWith("\"")) {
                String inner = KEY_VALUE.matcher(value.substring(1, value.length() - 1)).replaceAll(Redactor::maskValue);
                return Matcher.quoteReplacement(m.group(1) + key + m.group(1) + m.group(3) + "\"" + inner + "\"");
            }
            return Matcher.quoteReplacement(m.group());
        }
        String value = m.group(4);
        String bare = value.replaceAll("^\\\\?[\"']|\\\\?[\"']$", "");
        // Authorization values were handled above with their scheme kept; null/true/false hide nothing.
        if (key.toLowerCase(java.util.Locale.ROOT).endsWith("authorization") || bare.isEmpty() || bare.equals(MASK)
                || bare.startsWith(MASK) || bare.equals("null") || bare.equals("true") || bare.equals("false")) {
            return Matcher.quoteReplacement(m.group());
        }
        String masked = value.startsWith("\\\"") ? "\\\"" + MASK + "\\\""
                : value.startsWith("\"") ? "\"" + MASK + "\"" : value.startsWith("'") ? "'" + MASK + "'" : MASK;
        return Matcher.quoteReplacement(m.group(1) + key + m.group(1) + m.group(3) + masked);
    }
}
