package org.trunkguard.sip;

import java.util.Locale;

/** Just enough URI grammar for a proxy's checks: a scheme, no white space, SIP host syntax. */
public final class UriSyntax {
    private static final String[] COMMON = {"sip", "sips", "tel"};

    private UriSyntax() {
    }

    /** The URI's scheme in lower case, or null when it has none. */
    public static String scheme(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0 || !isAsciiLetter(uri.charAt(0))) {
            return null;
        }
        for (int i = 1; i < colon; i++) {
            char c = uri.charAt(i);
            if (!(isAsciiLetter(c) || HeaderText.isDigit(c) || c == '+' || c == '-' || c == '.')) {
                return null;
            }
        }
        for (String known : COMMON) {
            if (known.length() == colon && uri.regionMatches(true, 0, known, 0, colon)) {
                return known;
            }
        }
        return uri.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Why the URI is malformed, or null when it is acceptable. */
    static String problem(String uri) {
        if (uri.isEmpty()) {
            return "empty URI";
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == ' ' || c == '\t' || c == '<' || c == '>') {
                return "white space or angle bracket inside a URI";
            }
            if (c < 0x20 || c == 0x7F) {
                return "control byte inside a URI"; // RFC 3986 §2: only escaped, as %00
            }
        }
        String scheme = scheme(uri);
        if (scheme == null) {
            return "URI has no scheme";
        }
        if (scheme.equals("sip") || scheme.equals("sips")) {
            return validHostPart(uri, scheme.length() + 1) ? null : "SIP URI host is malformed";
        }
        return null;
    }

    /** True when a SIP URI carries a headers component ("?Route=..."), which a proxy must not act on. */
    public static boolean hasHeaders(String uri) {
        int at = uri.lastIndexOf('@');
        return uri.indexOf('?', at < 0 ? 0 : at) >= 0;
    }

    /** The user part of a sip:/sips:/tel: URI (before '@' for SIP), or null. */
    public static String user(String uri) {
        String scheme = scheme(uri);
        if (scheme == null) {
            return null;
        }
        int start = scheme.length() + 1;
        if (scheme.equals("tel")) {
            int semi = uri.indexOf(';', start);
            return uri.substring(start, semi < 0 ? uri.length() : semi);
        }
        int at = uri.lastIndexOf('@');
        if (at < start) {
            return null;
        }
        int colon = uri.indexOf(':', start);
        return uri.substring(start, colon >= 0 && colon < at ? colon : at);
    }

    private static boolean validHostPart(String uri, int start) {
        int at = uri.lastIndexOf('@');
        int hostStart = at >= start ? at + 1 : start;
        int end = hostStart;
        while (end < uri.length() && uri.charAt(end) != ';' && uri.charAt(end) != '?') {
            end++;
        }
        return HostPort.valid(uri, hostStart, end);
    }
}
