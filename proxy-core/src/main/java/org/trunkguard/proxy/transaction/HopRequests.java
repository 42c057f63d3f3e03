package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;

/**
 * What a forwarded INVITE's client transaction needs to build the requests the proxy sends on
 * its own hop: CANCEL while it rings (RFC 3261 §9.1), ACK for a non-2xx final response
 * (§17.1.1.3). They carry the Request-URI, Via, Route, From, Call-ID and CSeq number of the
 * INVITE as it was forwarded, and these are copied byte for byte from the forwarded bytes:
 * the next hop matches the CANCEL and ACK to its transaction by them, so a single changed byte
 * (a non-UTF-8 Call-ID decoded to a String and re-encoded, say) would leave the callee ringing.
 */
public final class HopRequests {
    private static final byte[] VERSION = " SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAX_FORWARDS = "Max-Forwards: 70\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CSEQ = "CSeq: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_BODY = "Content-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CANCEL = "CANCEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACK = "ACK".getBytes(StandardCharsets.US_ASCII);

    /** " uri", the Via line, the Route lines, the From line; then the To line; then the Call-ID line. */
    private final byte[] bytes;
    private final int uriEnd;
    private final int toStart;
    private final int callIdStart;
    private final long cseq;

    private HopRequests(byte[] bytes, int uriEnd, int toStart, int callIdStart, long cseq) {
        this.bytes = bytes;
        this.uriEnd = uriEnd;
        this.toStart = toStart;
        this.callIdStart = callIdStart;
        this.cseq = cseq;
    }

    /** The CANCEL of the forwarded INVITE. */
    public ByteBuf cancel() {
        return build(CANCEL, bytes, toStart, callIdStart - toStart);
    }

    /** The ACK of {@code response}, a non-2xx final response: its To carries the callee's tag. */
    public ByteBuf ack(SipMessage response) {
        int line = response.firstLine(SipHeader.TO);
        if (line < 0) {
            return build(ACK, bytes, toStart, callIdStart - toStart);
        }
        int start = response.lineStart(line);
        byte[] to = new byte[response.lineEnd(line) - start];
        response.content().getBytes(start, to);
        return build(ACK, to, 0, to.length);
    }

    private ByteBuf build(byte[] method, byte[] to, int toOffset, int toLength) {
        byte[] number = Long.toString(cseq).getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = Unpooled.buffer(bytes.length + toLength + 96);
        out.writeBytes(method);
        out.writeBytes(bytes, 0, uriEnd);
        out.writeBytes(VERSION);
        out.writeBytes(bytes, uriEnd, toStart - uriEnd);
        out.writeBytes(MAX_FORWARDS);
        out.writeBytes(to, toOffset, toLength);
        out.writeBytes(bytes, callIdStart, bytes.length - callIdStart);
        out.writeBytes(CSEQ);
        out.writeBytes(number);
        out.writeByte(' ');
        out.writeBytes(method);
        out.writeByte('\r').writeByte('\n');
        out.writeBytes(NO_BODY);
        return out;
    }

    /**
     * Collects the parts while the INVITE is being forwarded, copied from the bytes written, in
     * whatever order the forwarded message has them.
     */
    public static final class Builder {
        private final ByteBuf uriAndVia = Unpooled.buffer(160);
        private final ByteBuf routes = Unpooled.buffer(0);
        private final ByteBuf from = Unpooled.buffer(96);
        private final ByteBuf to = Unpooled.buffer(96);
        private final ByteBuf callId = Unpooled.buffer(64);
        private int uriEnd = -1;

        /** The Request-URI: {@code [start, end)} of {@code source}. */
        public Builder uri(ByteBuf source, int start, int end) {
            uriAndVia.writeByte(' ');
            uriAndVia.writeBytes(source, start, end - start);
            uriEnd = uriAndVia.writerIndex();
            return this;
        }

        /** Our Via line, with its CRLF; after {@link #uri}. */
        public Builder via(ByteBuf source, int start, int end) {
            uriAndVia.writeBytes(source, start, end - start);
            return this;
        }

        /** A Route line as forwarded, with its CRLF; in order. */
        public Builder route(ByteBuf source, int start, int end) {
            routes.writeBytes(source, start, end - start);
            return this;
        }

        public Builder from(ByteBuf source, int start, int end) {
            from.writeBytes(source, start, end - start);
            return this;
        }

        public Builder to(ByteBuf source, int start, int end) {
            to.writeBytes(source, start, end - start);
            return this;
        }

        public Builder callId(ByteBuf source, int start, int end) {
            callId.writeBytes(source, start, end - start);
            return this;
        }

        public HopRequests build(long cseqNumber) {
            if (uriEnd < 0) {
                throw new IllegalStateException("no Request-URI");
            }
            int toStart = uriAndVia.readableBytes() + routes.readableBytes() + from.readableBytes();
            int callIdStart = toStart + to.readableBytes();
            byte[] bytes = new byte[callIdStart + callId.readableBytes()];
            int at = 0;
            for (ByteBuf part : new ByteBuf[] {uriAndVia, routes, from, to, callId}) {
                int n = part.readableBytes();
                part.readBytes(bytes, at, n);
                at += n;
            }
            return new HopRequests(bytes, uriEnd, toStart, callIdStart, cseqNumber);
        }
    }
}
