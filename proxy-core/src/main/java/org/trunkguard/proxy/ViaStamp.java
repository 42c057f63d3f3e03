package org.trunkguard.proxy;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Via;

/**
 * RFC 3261 §18.2.1 and RFC 3581 §4: the top Via of a received request learns where the request
 * really came from: {@code received} when sent-by differs from the source address, and
 * {@code rport} filled with the source port when the client asked for it.
 */
final class ViaStamp {
    private static final Pattern RPORT = Pattern.compile(";\\s*rport(\\s*=\\s*[0-9]*)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RECEIVED = Pattern.compile(";\\s*received\\s*=\\s*[^;]*", Pattern.CASE_INSENSITIVE);

    private ViaStamp() {
    }

    /** The first Via line's new value, or null when it needs no stamp. */
    static String stampedFirstLine(SipMessage request, InetSocketAddress source) {
        Via top = request.topVia();
        if (top == null || !top.valid()) {
            return null;
        }
        String ip = source.getAddress().getHostAddress();
        boolean needsReceived = top.hasRport() || !ip.equalsIgnoreCase(stripBrackets(top.host()));
        if (!needsReceived) {
            return null;
        }
        String line = request.valueAt(request.firstLine(org.trunkguard.sip.SipHeader.VIA));
        int comma = firstComma(line);
        String first = comma < 0 ? line : line.substring(0, comma);
        String rest = comma < 0 ? "" : line.substring(comma);
        first = RECEIVED.matcher(first).replaceAll("");
        if (top.hasRport()) {
            first = RPORT.matcher(first).replaceFirst(Matcher.quoteReplacement(";rport=" + source.getPort()));
        }
        return first.stripTrailing() + ";received=" + ip + rest;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static int firstComma(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
