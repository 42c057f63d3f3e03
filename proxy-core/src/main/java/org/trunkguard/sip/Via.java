package org.trunkguard.sip;

/**
 * One parsed Via value (RFC 3261 §20.42, RFC 3581): sent-protocol, sent-by and the parameters a
 * proxy needs. White space around '/', ';' and '=' is tolerated (RFC 4475 §3.1.1.1).
 * An unparseable value yields {@code valid() == false} with the reason.
 */
public record Via(String transport, String host, int port, String branch, boolean hasRport,
                  String received, String invalidReason) {
    /** RFC 3261 §8.1.1.7: branches of RFC 3261 elements start with this magic cookie. */
    public static final String MAGIC_COOKIE = "z9hG4bK";
    private static final String[] TRANSPORTS = {"UDP", "TCP", "TLS", "SCTP", "WS", "WSS"};

    public boolean valid() {
        return invalidReason == null;
    }

    /** True when the branch was made by an RFC 3261 element, so it alone identifies the transaction. */
    public boolean rfc3261Branch() {
        return branch != null && branch.startsWith(MAGIC_COOKIE) && branch.length() > MAGIC_COOKIE.length();
    }

    /** sent-by as written, host:port when a port was given. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    public static Via parse(String value) {
        if (ControlBytes.firstIllegal(value) >= 0) {
            // RFC 3261 §25.1: only SP and HTAB are white space; a trim must not validate NUL away.
            return invalid("Via has a control byte outside a quoted-pair");
        }
        int[] bounds = new int[6];
        int i = 0;
        for (int part = 0; part < 3; part++) {
            int start = skip(value, i);
            int end = start;
            while (end < value.length() && HeaderText.isTokenChar(value.charAt(end))) {
                end++;
            }
            if (end == start) {
                return invalid("Via sent-protocol is malformed");
            }
            bounds[2 * part] = start;
            bounds[2 * part + 1] = end;
            i = skip(value, end);
            if (part < 2) {
                if (i >= value.length() || value.charAt(i) != '/') {
                    return invalid("Via sent-protocol is malformed");
                }
                i++;
            }
        }
        if (!is(value, bounds[0], bounds[1], "SIP", true) || !is(value, bounds[2], bounds[3], "2.0", false)) {
            return invalid("Via protocol is not SIP/2.0");
        }
        int semicolon = value.indexOf(';', i);
        String sentBy = HeaderText.trimLws(semicolon < 0 ? value.substring(i) : value.substring(i, semicolon));
        HostPort hostPort = HostPort.parse(sentBy);
        if (hostPort == null) {
            return invalid("Via sent-by is malformed");
        }
        ViaParams params = ViaParams.parse(value, semicolon);
        if (params.invalidReason != null) {
            return invalid(params.invalidReason);
        }
        return new Via(transport(value, bounds[4], bounds[5]), hostPort.host(), hostPort.port(),
                params.branch, params.rport, params.received, null);
    }

    /** The transport token in upper case; the common ones without allocating. */
    private static String transport(String value, int start, int end) {
        for (String known : TRANSPORTS) {
            if (is(value, start, end, known, true)) {
                return known;
            }
        }
        return value.substring(start, end).toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean is(String value, int start, int end, String expected, boolean ignoreCase) {
        return end - start == expected.length() && value.regionMatches(ignoreCase, start, expected, 0, expected.length());
    }

    private static int skip(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static Via invalid(String reason) {
        return new Via(null, null, -1, null, false, null, reason);
    }
}
