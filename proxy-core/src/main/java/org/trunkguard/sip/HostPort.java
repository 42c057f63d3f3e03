package org.trunkguard.sip;

/**
 * host [":" port] as in Via sent-by and SIP URIs, with IPv6 references in brackets
 * (RFC 5118 §4.3: "[2001:db8::10:5070]" is an address with no port).
 */
record HostPort(String host, int port) {
    static HostPort parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String host;
        String rest;
        if (s.charAt(0) == '[') {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = s.substring(0, close + 1);
            rest = s.substring(close + 1);
        } else {
            int colon = s.indexOf(':');
            if (colon >= 0 && s.indexOf(':', colon + 1) >= 0) {
                return null; // a bare IPv6 address: RFC 5118 §4.2 requires brackets
            }
            host = colon < 0 ? s : s.substring(0, colon);
            rest = colon < 0 ? "" : s.substring(colon);
        }
        if (!validHost(host)) {
            return null;
        }
        if (rest.isEmpty()) {
            return new HostPort(host, -1);
        }
        if (rest.charAt(0) != ':' || rest.length() < 2 || rest.length() > 6) {
            return null;
        }
        int port = 0;
        for (int i = 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            port = port * 10 + (c - '0');
        }
        return port > 65535 ? null : new HostPort(host, port);
    }

    private static boolean validHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.charAt(0) == '[') {
            for (int i = 1; i < host.length() - 1; i++) {
                char c = host.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
