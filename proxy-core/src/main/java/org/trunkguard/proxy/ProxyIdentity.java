package org.trunkguard.proxy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.trunkguard.sip.NameAddress;
import org.trunkguard.sip.Transport;
import org.trunkguard.sip.Via;

/**
 * How the proxy names itself on the wire: its Via sent-by, its Record-Route URI, its branches and
 * To tags. Branches carry a per-boot random part so that two runs never reuse a transaction id.
 */
public final class ProxyIdentity {
    private final String host;
    private final int port;
    private final String branchPrefix;
    private final String tagPrefix;
    private final AtomicLong counter = new AtomicLong();
    private final String[][] recordRouteLines;

    public ProxyIdentity(String host, int port) {
        this.host = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        this.port = port;
        byte[] boot = new byte[4];
        new SecureRandom().nextBytes(boot);
        String bootId = HexFormat.of().formatHex(boot);
        this.branchPrefix = Via.MAGIC_COOKIE + "tg" + bootId + ".";
        this.tagPrefix = "tg" + bootId + ".";
        this.recordRouteLines = recordRouteLines();
    }

    public String sentBy() {
        return host + ":" + port;
    }

    /** What every branch this proxy run makes starts with. */
    public String branchPrefix() {
        return branchPrefix;
    }

    public String newBranch() {
        return branchPrefix + Long.toHexString(counter.incrementAndGet());
    }

    public String newTag() {
        return tagPrefix + Long.toHexString(counter.incrementAndGet());
    }

    public String viaValue(Transport transport, String branch) {
        return "SIP/2.0/" + transport.token() + " " + sentBy() + ";branch=" + branch;
    }

    /** Our Record-Route URI as reached over {@code transport}. */
    public String recordRouteValue(Transport transport) {
        return "<sip:" + sentBy() + (transport == Transport.TCP ? ";transport=tcp" : "") + ";lr>";
    }

    /**
     * The Record-Route header lines, CRLFs included, that a dialog-creating request received over
     * {@code in} and forwarded over {@code out} carries. One entry when the transports agree; two
     * when they differ (RFC 5658 double record-routing): the top one, which the next hop will
     * contact, for {@code out}; the one below it, which the caller's side will contact, for
     * {@code in}. Each side thus reaches us over the transport it uses.
     */
    public String recordRouteLines(Transport in, Transport out) {
        return recordRouteLines[in.ordinal()][out.ordinal()];
    }

    private String[][] recordRouteLines() {
        Transport[] all = Transport.values();
        String[][] lines = new String[all.length][all.length];
        for (Transport in : all) {
            for (Transport out : all) {
                String line = "Record-Route: " + recordRouteValue(out) + "\r\n";
                lines[in.ordinal()][out.ordinal()] = in == out ? line
                        : line + "Record-Route: " + recordRouteValue(in) + "\r\n";
            }
        }
        return lines;
    }

    /** True when the Via was written by this proxy (a loop, or a response to our request). */
    public boolean isOurs(Via via) {
        return via != null && via.branch() != null && via.branch().startsWith(branchPrefix);
    }

    /** True when a Via carries one of our branches from any run, for loop detection. */
    public boolean isOurSentBy(Via via) {
        return via != null && via.valid() && (host.equalsIgnoreCase(via.host()) && (via.port() == port
                || via.port() < 0 && port == 5060));
    }

    /** True when a URI (a Route value or a Request-URI) designates this proxy. */
    public boolean designates(String uriOrNameAddress) {
        String uri = uriOrNameAddress.trim();
        if (uri.startsWith("<") || uri.startsWith("\"")) {
            NameAddress parsed = NameAddress.parse(uri);
            if (!parsed.valid()) {
                return false;
            }
            uri = parsed.uri();
        }
        if (!uri.regionMatches(true, 0, "sip:", 0, 4)) {
            return false;
        }
        int start = uri.lastIndexOf('@') + 1;
        if (start == 0) {
            start = 4;
        }
        int end = start;
        while (end < uri.length() && uri.charAt(end) != ';' && uri.charAt(end) != '?' && uri.charAt(end) != '>') {
            end++;
        }
        String hostPort = uri.substring(start, end);
        return hostPort.equalsIgnoreCase(sentBy()) || port == 5060 && hostPort.equalsIgnoreCase(host);
    }

    /** True when the Request-URI is the proxy itself, with no user part (OPTIONS pings). */
    public boolean isRequestUriOfProxy(String requestUri) {
        return requestUri.indexOf('@') < 0 && designates(requestUri);
    }
}
