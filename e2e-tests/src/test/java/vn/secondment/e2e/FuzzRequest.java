package vn.secondment.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request of the fuzz, complete enough to replay: the caller is a realm user's name (its token is fetched at
 * sending), path segments and query values are kept decoded and encoded only when sent.
 *
 * @param number   its place in the run (the same seed gives the same numbers to the same requests)
 * @param kind     which mutation made it ({@code valid} for none)
 * @param rawPath  the path as sent, already encoded
 * @param query    name and decoded value pairs, in order (duplicates allowed)
 * @param caller   a realm user, {@code bct-system} (client credentials), or {@code anonymous}/{@code bad-token}
 */
record FuzzRequest(int number, ApiOperations.Operation operation, String kind, String method, String rawPath,
                   List<Map.Entry<String, String>> query, String rawQuerySuffix, Map<String, String> headers,
                   byte[] body, String caller) {

    static final String ANONYMOUS = "anonymous";
    static final String BAD_TOKEN = "bad-token";

    /** The query string as sent: values UTF-8 percent-encoded, plus any deliberately raw part. */
    String rawQuery() {
        String encoded = query.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (!rawQuerySuffix.isEmpty()) {
            encoded = encoded.isEmpty() ? rawQuerySuffix : encoded + "&" + rawQuerySuffix;
        }
        return encoded;
    }

    String target() {
        String q = rawQuery();
        return q.isEmpty() ? rawPath : rawPath + "?" + q;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Path segment encoding: like a query value, but a space is %20 and nothing is left for the server to guess. */
    static String encodeSegment(String value) {
        return encode(value);
    }

    /** How to replay it: everything but the token, which is the named caller's (see the e2e README). */
    String describe(int maxBody) {
        StringBuilder out = new StringBuilder();
        out.append('#').append(number).append(" [").append(kind).append("] as ").append(caller).append('\n');
        out.append("  ").append(method).append(' ').append(target()).append('\n');
        headers.forEach((name, value) -> out.append("  ").append(name).append(": ").append(printable(value, 300))
                .append('\n'));
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            out.append("  body (").append(body.length).append(" bytes): ").append(printable(text, maxBody))
                    .append('\n');
        }
        return out.toString();
    }

    /** Control characters and anything beyond the BMP's printable part shown as Java escapes, long text cut. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(text.length(), max);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x200b && c <= 0x200f)
                    || c == 0x2028 || c == 0x2029 || c == 0xfeff || (c >= 0x300 && c <= 0x36f)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("… (").append(text.length() - max).append(" more chars)");
        }
        return out.toString();
    }

    static List<Map.Entry<String, String>> pairs() {
        return new ArrayList<>();
    }

    static Map<String, String> headerMap() {
        return new LinkedHashMap<>();
    }
}
