package org.trunkguard.sip;

/**
 * host [":" port] as in Via sent-by and SIP URIs, with IPv6 references in brackets
 * (RFC 5118 §4.3: "[2001:db8::10:5070]" is an address with no port). {@link #valid} checks a
 * range of a string without allocating, for URIs that are only validated.
 */
record HostPort(String host, int port) {
    private static final int NO_PORT = -1;
    private static final int INVALID = -2;

    static HostPort parse(String s) {
        int hostEnd = hostEnd(s, 0, s.length());
        if (hostEnd < 0) {
            return null;
        }
        int port = port(s, hostEnd, s.length());
        return port == INVALID ? null : new HostPort(s.substring(0, hostEnd), port);
    }

    /** True when {@code s[from, to)} is a well-formed host [":" port]. */
    static boolean valid(String s, int from, int to) {
        int hostEnd = hostEnd(s, from, to);
        return hostEnd >= 0 && port(s, hostEnd, to) != INVALID;
    }

    /** End of the host in s[from, to), or -1 when the host is malformed. */
    private static int hostEnd(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        if (s.charAt(from) == '[') {
            int close = s.indexOf(']', from);
            if (close < 0 || close >= to || close == from + 1) {
                return -1;
            }
            for (int i = from + 1; i < close; i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                    return -1;
                }
            }
            return close + 1;
        }
        int colon = s.indexOf(':', from);
        if (colon >= to) {
            colon = -1;
        }
        if (colon >= 0) {
            int second = s.indexOf(':', colon + 1);
            if (second >= 0 && second < to) {
                return -1; // a bare IPv6 address: RFC 5118 §4.2 requires brackets
            }
        }
        int end = colon < 0 ? to : colon;
        if (end == from) {
            return -1;
        }
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return end;
    }

    /** The port after the host: {@link #NO_PORT}, {@link #INVALID} or 0..65535. */
    private static int port(String s, int from, int to) {
        if (from == to) {
            return NO_PORT;
        }
        if (s.charAt(from) != ':' || to - from < 2 || to - from > 6) {
            return INVALID;
        }
        int port = 0;
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            port = port * 10 + (c - '0');
        }
        return port > 65535 ? INVALID : port;
    }
}
