package org.trunkguard.sip;

/**
 * A From, To, Contact, P-Asserted-Identity or Remote-Party-ID value (RFC 3261 §20.10, §25.1):
 * {@code [display-name] <addr-spec> *(;param)} or a bare {@code addr-spec *(;param)}.
 * Parsing checks the grammar strictly enough to catch the RFC 4475 malformations (unbalanced
 * quotes, non-token display names, spaces inside {@code <>}, a bare URI with headers) and
 * yields {@code valid() == false} with a reason instead of throwing.
 */
public record NameAddress(String displayName, String uri, String tag, String invalidReason) {

    public boolean valid() {
        return invalidReason == null;
    }

    public static NameAddress parse(String value) {
        String v = HeaderText.trimLws(value);
        if (ControlBytes.firstIllegal(v) >= 0) {
            // RFC 3261 §25.1: outside a quoted-pair no control byte is text, nor white space.
            return invalid("control byte outside a quoted-pair");
        }
        int i = 0;
        String display = null;
        String uri;
        int afterUri;
        if (v.startsWith("\"")) {
            int close = closingQuote(v);
            if (close < 0) {
                return invalid("unterminated quoted string in display name");
            }
            display = v.substring(1, close);
            i = skipSpace(v, close + 1);
            if (i >= v.length() || v.charAt(i) != '<') {
                return invalid("display name not followed by <URI>");
            }
        } else {
            int j = 0;
            while (j < v.length() && (HeaderText.isTokenChar(v.charAt(j)) || v.charAt(j) == ' ' || v.charAt(j) == '\t')) {
                j++;
            }
            if (j < v.length() && v.charAt(j) == '<') {
                display = HeaderText.trimLws(v.substring(0, j));
                i = j;
            } else if (j < v.length() && v.charAt(j) == ':' && v.substring(0, j).indexOf(' ') < 0 && j > 0) {
                return bareAddrSpec(v);
            } else if (v.equals("*")) {
                return new NameAddress(null, "*", null, null);
            } else {
                return invalid("display name has characters that are neither token nor quoted");
            }
        }
        int close = v.indexOf('>', i);
        if (close < 0) {
            return invalid("missing > after URI");
        }
        uri = v.substring(i + 1, close);
        String uriProblem = UriSyntax.problem(uri);
        if (uriProblem != null) {
            return invalid(uriProblem);
        }
        afterUri = close + 1;
        return withParams(display, uri, v, afterUri);
    }

    private static NameAddress bareAddrSpec(String v) {
        int end = 0;
        while (end < v.length() && v.charAt(end) != ';' && v.charAt(end) != ' ' && v.charAt(end) != '\t') {
            end++;
        }
        String uri = v.substring(0, end);
        if (uri.indexOf('?') >= 0 || uri.indexOf(',') >= 0) {
            return invalid("a URI with headers or commas must be enclosed in <>");
        }
        String uriProblem = UriSyntax.problem(uri);
        if (uriProblem != null) {
            return invalid(uriProblem);
        }
        return withParams(null, uri, v, end);
    }

    private static NameAddress withParams(String display, String uri, String v, int from) {
        int i = skipSpace(v, from);
        String tag = null;
        while (i < v.length()) {
            if (v.charAt(i) != ';') {
                return invalid("unexpected text after URI");
            }
            int next = nextSemicolon(v, i + 1);
            int eq = v.indexOf('=', i + 1);
            if (eq >= next) {
                eq = -1;
            }
            int nameStart = skipSpace(v, i + 1);
            int nameEnd = trimEnd(v, nameStart, eq < 0 ? next : eq);
            if (nameEnd == nameStart || !isToken(v, nameStart, nameEnd)) {
                return invalid("empty or malformed header parameter");
            }
            if (eq >= 0) {
                int valueStart = skipSpace(v, eq + 1);
                int valueEnd = trimEnd(v, valueStart, next);
                if (!genericValue(v, valueStart, valueEnd)) {
                    return invalid("header parameter value is neither token, host nor quoted string");
                }
                if (nameEnd - nameStart == 3 && v.regionMatches(true, nameStart, "tag", 0, 3)) {
                    tag = v.substring(valueStart, valueEnd);
                }
            }
            i = next;
        }
        return new NameAddress(display, uri, tag, null);
    }

    private static int nextSemicolon(String v, int from) {
        boolean quoted = false;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return v.length();
    }

    private static int closingQuote(String v) {
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /**
     * RFC 3261 §25.1 {@code gen-value = token / host / quoted-string}: a host is a token but for
     * an IPv6 reference, whose brackets and colons are let through here as ViaParams does.
     */
    private static boolean genericValue(String v, int from, int to) {
        if (from == to) {
            return false;
        }
        if (v.charAt(from) == '"') {
            return to - from >= 2 && closingQuote(v.substring(from, to)) == to - from - 1;
        }
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!HeaderText.isTokenChar(c) && c != ':' && c != '[' && c != ']') {
                return false;
            }
        }
        return true;
    }

    private static int trimEnd(String v, int from, int to) {
        while (to > from && HeaderText.isWhitespace(v.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isToken(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HeaderText.isTokenChar(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(String v, int i) {
        while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static NameAddress invalid(String reason) {
        return new NameAddress(null, null, null, reason);
    }
}
