package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipMessageWriter;
import org.trunkguard.sip.SipSanity;
import org.trunkguard.sip.Transport;

/**
 * Builds the copy of a request that the proxy forwards (RFC 3261 §16.6): our Via on top, the
 * received Via stamped (RFC 3581), Max-Forwards decremented (or 70 added), our Record-Route
 * added to dialog-creating requests, a top Route naming us removed (loose routing, §16.4), and
 * every other byte, body included, as received. The Request-URI is left alone: where the request
 * goes is the configured next hop, never what the URI says.
 */
final class RequestForwarder {
    private RequestForwarder() {
    }

    /** What the forwarded copy needs beyond the request itself. */
    record Plan(InetSocketAddress source, String viaValue, String recordRoute, String markLine, Transport outTransport) {
    }

    /** The forwarded bytes; {@code routesOut} receives the Route values the copy carries. */
    static ByteBuf build(ByteBufAllocator alloc, SipMessage request, Plan plan, ProxyIdentity us, List<String> routesOut) {
        ByteBuf out = alloc.buffer(SipMessageWriter.sizeHint(request, 256));
        SipMessageWriter.startLine(out, request);
        SipMessageWriter.header(out, SipHeader.VIA, plan.viaValue());
        if (plan.recordRoute() != null) {
            SipMessageWriter.header(out, SipHeader.RECORD_ROUTE, plan.recordRoute());
        }
        String stamped = ViaStamp.stampedFirstLine(request, plan.source());
        int firstVia = request.firstLine(SipHeader.VIA);
        int firstRoute = request.firstLine(SipHeader.ROUTE);
        boolean maxForwardsSeen = false;
        boolean lengthSeen = false;
        for (int i = 0; i < request.headerLineCount(); i++) {
            SipHeader h = request.headerAt(i);
            if (i == firstVia && stamped != null) {
                SipMessageWriter.header(out, SipHeader.VIA, stamped);
            } else if (h == SipHeader.MAX_FORWARDS) {
                maxForwardsSeen = true;
                SipMessageWriter.header(out, SipHeader.MAX_FORWARDS, Integer.toString(SipSanity.maxForwards(request) - 1));
            } else if (h == SipHeader.ROUTE) {
                writeRoute(out, request, i, i == firstRoute, us, routesOut);
            } else {
                lengthSeen |= h == SipHeader.CONTENT_LENGTH;
                SipMessageWriter.copyLine(out, request, i);
            }
        }
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

    private static void writeRoute(ByteBuf out, SipMessage request, int line, boolean first, ProxyIdentity us,
                                   List<String> routesOut) {
        List<String> values = new ArrayList<>(2);
        org.trunkguard.sip.SipMessage.splitValues(request.valueAt(line), values);
        if (first && !values.isEmpty() && us.designates(values.get(0))) {
            values.remove(0);
            if (!values.isEmpty()) {
                SipMessageWriter.header(out, SipHeader.ROUTE, String.join(", ", values));
            }
        } else {
            SipMessageWriter.copyLine(out, request, line);
        }
        routesOut.addAll(values);
    }
}
