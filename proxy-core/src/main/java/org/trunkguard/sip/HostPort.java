package org.trunkguard.sip;

/**
 * host [":" port] as in Via sent-by and SIP URIs (RFC 3261 §25.1), with IPv6 references in
 * brackets (RFC 5118 §4.3: "[2001:db8::10:5070]" is an address with no port). {@link #valid}
 * checks a range of a string without allocating, for URIs that are only validated.
 *
 * <p>The grammar, as checked:
 * <pre>
 * host         = hostname / IPv4address / IPv6reference
 * hostname     = *( domainlabel "." ) toplabel [ "." ]      labels of alphanum and "-",
 *                                                           no "-" first or last; toplabel starts with ALPHA
 * IPv4address  = dec-octet "." dec-octet "." dec-octet "." dec-octet   each 1*3DIGIT, 0..255 (RFC 5954 §4.1)
 * IPv6reference = "[" hex groups of 1..4 digits and colons, at most 8 groups, an IPv4 tail allowed "]"
 * port         = 1..65535
 * </pre>
 * So "10.10.10.256", "-255.10.10.1" and "-1" are not hosts: a top label starting with a digit
 * makes the host an IPv4 address or nothing. The IPv6 check is loose on purpose in one place:
 * RFC 5118 §4.10 asks to tolerate the three colons the RFC 3261 ABNF admitted.
 */
record HostPort(String host, int port) {
    private static final int NO_PORT = -1;
    private static final int INVALID = -2;
    /** RFC 1035 §2.3.4: a name longer than this cannot be resolved. */
    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_IPV6_GROUPS = 8;

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
            if (close < 0 || close >= to || !ipv6(s, from + 1, close)) {
                return -1;
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
        return hostnameOrIpv4(s, from, end) ? end : -1;
    }

    private static boolean hostnameOrIpv4(String s, int from, int to) {
        if (from == to || to - from > MAX_HOSTNAME) {
            return false;
        }
        int nameEnd = s.charAt(to - 1) == '.' ? to - 1 : to;
        int topStart = s.lastIndexOf('.', nameEnd - 1) + 1;
        if (topStart < from) {
            topStart = from;
        }
        if (topStart == nameEnd) {
            return false;
        }
        if (HeaderText.isDigit(s.charAt(topStart))) {
            return nameEnd == to && ipv4(s, from, to);
        }
        int labelStart = from;
        for (int i = from; i <= nameEnd; i++) {
            if (i == nameEnd || s.charAt(i) == '.') {
                if (!label(s, labelStart, i)) {
                    return false;
                }
                labelStart = i + 1;
            }
        }
        return true;
    }

    /** domainlabel: alphanum, or alphanum *( alphanum / "-" ) alphanum. */
    private static boolean label(String s, int from, int to) {
        if (from == to || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || HeaderText.isDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Four dotted decimal octets of one to three digits, each at most 255. */
    static boolean ipv4(String s, int from, int to) {
        int octets = 0;
        int i = from;
        while (octets < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && HeaderText.isDigit(s.charAt(i))) {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return false;
            }
            octets++;
            if (octets < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to;
    }

    /** The inside of an IPv6 reference: hex groups of at most four digits, an optional IPv4 tail. */
    private static boolean ipv6(String s, int from, int to) {
        int lastColon = s.lastIndexOf(':', to - 1);
        if (lastColon < from || s.indexOf(':', from) == lastColon) {
            return false; // fewer than two colons
        }
        int hexEnd = to;
        int groups = 0;
        if (s.indexOf('.', from) >= 0 && s.indexOf('.', from) < to) {
            if (!ipv4(s, lastColon + 1, to)) {
                return false;
            }
            hexEnd = lastColon;
            groups = 2;
        }
        int digits = 0;
        for (int i = from; i < hexEnd; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                digits = 0;
            } else if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                if (++digits > 4) {
                    return false;
                }
                if (digits == 1) {
                    groups++;
                }
            } else {
                return false;
            }
        }
        return groups <= MAX_IPV6_GROUPS;
    }

    /** The port after the host: {@link #NO_PORT}, {@link #INVALID} or 1..65535. */
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
        return port < 1 || port > 65535 ? INVALID : port;
    }
}
