package org.trunkguard.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough SIP reading for a load generator: header lines by name (long or compact form),
 * status codes and CSeq methods, on the text of one datagram. The generator's peers answer
 * whatever the proxy sends them, so they read headers verbatim and copy them back rather than
 * parse them; the proxy's own codec is what is under test, not what the test leans on.
 */
final class SipText {
    private SipText() {
    }

    /** The header lines of a message, without the start line, up to the blank line. */
    static List<String> headerLines(String message) {
        List<String> lines = new ArrayList<>(16);
        int start = message.indexOf("\r\n") + 2;
        while (start > 1 && start < message.length()) {
            int end = message.indexOf("\r\n", start);
            if (end < 0 || end == start) {
                break;
            }
            lines.add(message.substring(start, end));
            start = end + 2;
        }
        return lines;
    }

    /** The canonical (long, lower-case) name of a header line: compact forms expanded (RFC 3261 §7.3.3). */
    static String name(String line) {
        int colon = line.indexOf(':');
        String name = (colon < 0 ? line : line.substring(0, colon)).trim().toLowerCase(java.util.Locale.ROOT);
        switch (name) {
            case "v": return "via";
            case "f": return "from";
            case "t": return "to";
            case "i": return "call-id";
            case "m": return "contact";
            case "l": return "content-length";
            default: return name;
        }
    }

    /** The value of a header line, after the colon, trimmed. */
    static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    /** The value of the first header with this canonical name, or null. */
    static String first(List<String> lines, String canonicalName) {
        for (String line : lines) {
            if (name(line).equals(canonicalName)) {
                return value(line);
            }
        }
        return null;
    }

    /** Every header line with this canonical name, verbatim, in order. */
    static List<String> all(List<String> lines, String canonicalName) {
        List<String> found = new ArrayList<>(2);
        for (String line : lines) {
            if (name(line).equals(canonicalName)) {
                found.add(line);
            }
        }
        return found;
    }

    /** The status code of a response, or -1 for a request. */
    static int status(String message) {
        if (!message.startsWith("SIP/2.0 ") || message.length() < 11) {
            return -1;
        }
        int code = 0;
        for (int i = 8; i < 11; i++) {
            char c = message.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }

    /** The method of a request's start line. */
    static String requestMethod(String message) {
        int space = message.indexOf(' ');
        return space < 0 ? "" : message.substring(0, space);
    }

    /** The method named in a CSeq value such as {@code 1 INVITE}. */
    static String cseqMethod(String cseqValue) {
        if (cseqValue == null) {
            return "";
        }
        int space = cseqValue.lastIndexOf(' ');
        return cseqValue.substring(space + 1).trim();
    }

    /** The URI inside the angle brackets of a name-addr, or the whole value when it has none. */
    static String uri(String nameAddr) {
        int open = nameAddr.indexOf('<');
        int close = nameAddr.indexOf('>', open + 1);
        return open >= 0 && close > open ? nameAddr.substring(open + 1, close) : nameAddr;
    }
}
