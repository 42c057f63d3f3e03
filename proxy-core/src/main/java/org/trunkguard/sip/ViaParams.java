package org.trunkguard.sip;

/**
 * The parameters of one Via value: each must be token [= token / host / quoted], never empty.
 * Scanned in place: no split, no lower-casing, since a proxy parses a Via on every message.
 */
final class ViaParams {
    String branch;
    boolean rport;
    String received;
    String invalidReason;

    static ViaParams parse(String value, int firstSemicolon) {
        ViaParams p = new ViaParams();
        int start = firstSemicolon + 1;
        while (firstSemicolon >= 0 && start <= value.length()) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = value.length();
            }
            if (!p.param(value, trimStart(value, start, end), trimEnd(value, start, end))) {
                return p;
            }
            start = end + 1;
        }
        return p;
    }

    /** One parameter in [from, to), already trimmed; false (with the reason set) when malformed. */
    private boolean param(String v, int from, int to) {
        int eq = v.indexOf('=', from);
        if (eq >= to) {
            eq = -1;
        }
        int nameEnd = eq < 0 ? to : trimEnd(v, from, eq);
        if (nameEnd == from || !isToken(v, from, nameEnd)) {
            invalidReason = "Via has an empty or malformed parameter";
            return false;
        }
        if (eq >= 0) {
            int valueStart = trimStart(v, eq + 1, to);
            if (valueStart == to) {
                invalidReason = "Via parameter " + v.substring(from, nameEnd) + " has an empty value";
                return false;
            }
            if (!validValue(v, valueStart, to)) {
                invalidReason = "Via parameter " + v.substring(from, nameEnd) + " has a malformed value";
                return false;
            }
            if (is(v, from, nameEnd, "branch")) {
                branch = v.substring(valueStart, to);
            } else if (is(v, from, nameEnd, "received")) {
                received = v.substring(valueStart, to);
            } else if (is(v, from, nameEnd, "rport")) {
                rport = true;
            }
        } else if (is(v, from, nameEnd, "rport")) {
            rport = true;
        }
        return true;
    }

    private static boolean is(String v, int from, int to, String name) {
        return to - from == name.length() && v.regionMatches(true, from, name, 0, name.length());
    }

    private static boolean validValue(String v, int from, int to) {
        if (to - from >= 2 && v.charAt(from) == '"' && v.charAt(to - 1) == '"') {
            return true;
        }
        if (v.charAt(from) == '[') {
            return v.charAt(to - 1) == ']';
        }
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!HeaderText.isTokenChar(c) && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static boolean isToken(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!HeaderText.isTokenChar(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int trimStart(String v, int from, int to) {
        while (from < to && HeaderText.isWhitespace(v.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String v, int from, int to) {
        while (to > from && HeaderText.isWhitespace(v.charAt(to - 1))) {
            to--;
        }
        return to;
    }
}
