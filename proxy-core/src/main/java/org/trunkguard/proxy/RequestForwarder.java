package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.proxy.transaction.HopRequests;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipMessageWriter;
import org.trunkguard.sip.SipSanity;
import org.trunkguard.sip.Transport;

/**
 * Builds the copy of a request that the proxy forwards (RFC 3261 §16.6): our Via on top, the
 * received Via stamped (RFC 3581), Max-Forwards decremented (or 70 added), our Record-Route
 * lines added to dialog-creating requests (two where the transports differ, RFC 5658), the top
 * Route entries naming us removed (loose routing, §16.4; both of a double Record-Route), and
 * every other byte, body included, as received. The Request-URI is left alone: where the request
 * goes is the configured next hop, never what the URI says.
 */
final class RequestForwarder {
    private RequestForwarder() {
    }

    /** What the forwarded copy needs beyond the request itself. */
    record Plan(InetSocketAddress source, String viaValue, String recordRouteLines, String markLine,
                Transport outTransport) {
    }

    /** At most this many of our own entries lead a Route: one, or the pair a double Record-Route left. */
    private static final int MAX_OWN_ROUTES = 2;

    /**
     * The forwarded bytes. When {@code hop} is given (an INVITE) it receives, byte for byte as
     * written, what its CANCEL and ACK must repeat.
     */
    static ByteBuf build(ByteBufAllocator alloc, SipMessage request, Plan plan, ProxyIdentity us, HopRequests.Builder hop) {
        ByteBuf out = alloc.buffer(SipMessageWriter.sizeHint(request, 256));
        int at = out.writerIndex();
        SipMessageWriter.startLine(out, request);
        if (hop != null) {
            int uriStart = at + request.method().length() + 1;
            int lineEnd = out.writerIndex() - 2;
            int uriEnd = lineEnd;
            while (uriEnd > uriStart && out.getByte(uriEnd - 1) != ' ') {
                uriEnd--;
            }
            hop.uri(out, uriStart, Math.max(uriStart, uriEnd - 1));
        }
        at = out.writerIndex();
        SipMessageWriter.header(out, SipHeader.VIA, plan.viaValue());
        if (hop != null) {
            hop.via(out, at, out.writerIndex());
        }
        if (plan.recordRouteLines() != null) {
            SipMessageWriter.text(out, plan.recordRouteLines());
        }
        String stamped = ViaStamp.stampedFirstLine(request, plan.source());
        int firstVia = request.firstLine(SipHeader.VIA);
        int ownRoutes = ownRoutes(request, us);
        boolean maxForwardsSeen = false;
        boolean lengthSeen = false;
        // Lines passed on unchanged are copied in runs, one write each; only a rewritten line ends a run.
        int run = 0;
        for (int i = 0; i < request.headerLineCount(); i++) {
            SipHeader h = request.headerAt(i);
            lengthSeen |= h == SipHeader.CONTENT_LENGTH;
            boolean stampVia = i == firstVia && stamped != null;
            if (!stampVia && h != SipHeader.MAX_FORWARDS && h != SipHeader.ROUTE) {
                continue;
            }
            copyRun(out, request, run, i, hop);
            run = i + 1;
            at = out.writerIndex();
            if (stampVia) {
                SipMessageWriter.rawHeader(out, SipHeader.VIA, stamped);
            } else if (h == SipHeader.MAX_FORWARDS) {
                maxForwardsSeen = true;
                SipMessageWriter.header(out, SipHeader.MAX_FORWARDS, Integer.toString(SipSanity.maxForwards(request) - 1));
            } else {
                ownRoutes -= writeRoute(out, request, i, ownRoutes);
                if (hop != null && out.writerIndex() > at) {
                    hop.route(out, at, out.writerIndex());
                }
            }
        }
        copyRun(out, request, run, request.headerLineCount(), hop);
        if (!maxForwardsSeen) {
            SipMessageWriter.header(out, SipHeader.MAX_FORWARDS, "69");
        }
        if (!lengthSeen && plan.outTransport() == Transport.TCP) {
            SipMessageWriter.header(out, SipHeader.CONTENT_LENGTH, Integer.toString(request.bodyLength()));
        }
        if (plan.markLine() != null) {
            SipMessageWriter.text(out, plan.markLine());
            SipMessageWriter.text(out, "\r\n");
        }
        SipMessageWriter.endHeaders(out);
        SipMessageWriter.body(out, request);
        return out;
    }

    /**
     * Copies lines {@code [from, to)} unchanged and gives {@code hop}, when there is one, the
     * forwarded bytes of the From, To and Call-ID lines among them: what a CANCEL or ACK for the
     * INVITE repeats (RFC 3261 §9.1, §17.1.1.3).
     */
    private static void copyRun(ByteBuf out, SipMessage request, int from, int to, HopRequests.Builder hop) {
        if (from >= to) {
            return;
        }
        int shift = out.writerIndex() - request.lineStart(from);
        SipMessageWriter.copyLines(out, request, from, to);
        if (hop == null) {
            return;
        }
        for (int i = from; i < to; i++) {
            int start = shift + request.lineStart(i);
            int end = shift + request.lineEnd(i);
            switch (request.headerAt(i)) {
                case FROM -> hop.from(out, start, end);
                case TO -> hop.to(out, start, end);
                case CALL_ID -> hop.callId(out, start, end);
                default -> {
                }
            }
        }
    }

    /**
     * How many of the leading Route entries, across Route lines, designate this proxy: the ones the
     * forwarded copy leaves out (RFC 3261 §16.4; RFC 5658 §3 for the second of a double entry).
     */
    private static int ownRoutes(SipMessage request, ProxyIdentity us) {
        int own = 0;
        List<String> values = null;
        for (int i = request.firstLine(SipHeader.ROUTE); i >= 0 && i < request.headerLineCount(); i++) {
            if (request.headerAt(i) != SipHeader.ROUTE) {
                continue;
            }
            values = values == null ? new ArrayList<>(2) : values;
            values.clear();
            SipMessage.splitValues(request.valueAt(i), values);
            for (String value : values) {
                if (own == MAX_OWN_ROUTES || !us.designates(value)) {
                    return own;
                }
                own++;
            }
        }
        return own;
    }

    /** Writes Route line {@code line} without its first {@code drop} entries; returns how many it dropped. */
    private static int writeRoute(ByteBuf out, SipMessage request, int line, int drop) {
        if (drop == 0) {
            SipMessageWriter.copyLine(out, request, line);
            return 0;
        }
        // The other entries as received: decoded and re-encoded, bytes that are not UTF-8
        // would change and the CANCEL's Route would no longer be the next hop's.
        return SipMessageWriter.copyLineWithoutFirstValues(out, request, line, SipHeader.ROUTE, drop);
    }
}
