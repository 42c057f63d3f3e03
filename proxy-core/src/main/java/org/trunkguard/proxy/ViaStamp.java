package org.trunkguard.proxy;

import java.net.InetSocketAddress;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Via;

/**
 * RFC 3261 §18.2.1 and RFC 3581 §4: the top Via of a received request learns where the request
 * really came from: {@code received} when sent-by differs from the source address, and
 * {@code rport} filled with the source port when the client asked for it. Any received or rport
 * value the client wrote itself is replaced, never trusted.
 */
final class ViaStamp {
    private ViaStamp() {
    }

    /**
     * The first Via line's new value, one char per byte (write it with
     * {@link org.trunkguard.sip.SipMessageWriter#rawHeader}), or null when it needs no stamp.
     */
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
        // One char per byte: the parameters kept are written back exactly as received.
        String line = request.rawValueAt(request.firstLine(SipHeader.VIA));
        int comma = firstComma(line);
        String first = comma < 0 ? line : line.substring(0, comma);
        StringBuilder out = new StringBuilder(line.length() + 40);
        int semicolon = first.indexOf(';');
        out.append(semicolon < 0 ? first.stripTrailing() : first.substring(0, semicolon).stripTrailing());
        // Keep every parameter but received and rport, then add ours.
        while (semicolon >= 0) {
            int next = first.indexOf(';', semicolon + 1);
            String param = (next < 0 ? first.substring(semicolon + 1) : first.substring(semicolon + 1, next)).strip();
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).strip();
            if (!name.equalsIgnoreCase("received") && !name.equalsIgnoreCase("rport") && !param.isEmpty()) {
                out.append(';').append(param);
            }
            semicolon = next;
        }
        if (top.hasRport()) {
            out.append(";rport=").append(source.getPort());
        }
        out.append(";received=").append(ip);
        if (comma >= 0) {
            out.append(line, comma, line.length());
        }
        return out.toString();
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
