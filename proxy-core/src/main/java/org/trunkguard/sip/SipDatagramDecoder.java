package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * UDP edge of the codec: one datagram is one message (RFC 3261 §18.3). Octets past
 * Content-Length are ignored (RFC 4475 §3.1.1.8); without Content-Length the body runs to the
 * end of the datagram. Keep-alive datagrams of only CR/LF (RFC 5626 §3.5.1) are dropped silently.
 */
public final class SipDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {
    private final SipDecoderConfig config;

    public SipDatagramDecoder(SipDecoderConfig config) {
        super(DatagramPacket.class);
        this.config = config;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
        SipMessage message = decode(packet.content(), config);
        if (message != null) {
            out.add(new InboundSip(message, packet.sender(), Transport.UDP, ctx.channel(), System.nanoTime()));
        }
    }

    /** Frames and parses one datagram's payload; null for a keep-alive. Does not consume {@code buf}. */
    public static SipMessage decode(ByteBuf buf, SipDecoderConfig config) {
        int start = buf.readerIndex();
        int size = buf.readableBytes();
        // One copy of the datagram (about 1 KB for an INVITE with SDP): framing and the header
        // index scan a byte array, not a ByteBuf, and the message keeps that copy as its
        // content. The receive buffer (sized for the largest datagram, 64 KiB) goes back to the
        // pool at once instead of being held by a transaction for 32 s.
        byte[] bytes = new byte[size];
        buf.getBytes(start, bytes);
        if (onlyLineBreaks(bytes)) {
            return null;
        }
        SipMessage msg = new SipMessage(bytes);
        int headerEnd = SipMessageParser.parseHead(msg, bytes, size, config);
        int available = headerEnd < 0 ? 0 : size - headerEnd;
        int length = SipFraming.contentLength(msg, bytes);
        String framingError = null;
        int bodyLength = available;
        if (length == SipFraming.INVALID) {
            framingError = "Content-Length is negative, not a number or given twice differently";
        } else if (length > available) {
            framingError = "Content-Length exceeds the datagram";
        } else if (length >= 0) {
            bodyLength = length;
        }
        int messageEnd = headerEnd < 0 ? size : headerEnd + bodyLength;
        msg.attach(Unpooled.wrappedBuffer(bytes, 0, messageEnd), headerEnd < 0 ? size : headerEnd, headerEnd < 0 ? 0 : bodyLength);
        if (size > config.maxMessageBytes()) {
            msg.markMalformed(513, "message larger than " + config.maxMessageBytes() + " bytes");
        }
        if (framingError != null) {
            msg.markMalformed(400, framingError);
        }
        return msg;
    }

    private static boolean onlyLineBreaks(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
