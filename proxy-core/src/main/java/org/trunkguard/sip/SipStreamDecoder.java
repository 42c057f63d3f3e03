package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * TCP edge of the codec: a state machine that frames messages by Content-Length
 * (RFC 3261 §18.3). Between messages, CRLF keep-alives are skipped and a double-CRLF ping is
 * answered with a CRLF pong (RFC 5626 §3.5.1). Framing errors cannot be recovered on a stream
 * (RFC 4475 §3.1.2.3, §3.3.9): the connection is closed. A message that stays incomplete longer
 * than {@code incompleteTimeoutMillis} closes the connection too (RFC 4475 §3.1.2.2), so a peer
 * cannot pin a buffer forever. A message without Content-Length closes the connection as well:
 * RFC 3261 §18.3 makes it mandatory on streams, and guessing where such a message ends is how
 * request smuggling starts (Kamailio's tcp_accept_no_cl defaults to the same refusal).
 *
 * <p>Design notes: offsets kept between reads are relative to the reader index, because
 * {@link ByteToMessageDecoder} may discard read bytes and move every absolute index. The
 * keep-alive run is counted across reads, so a ping split over several segments is still a
 * ping. After a framing error the decoder discards everything until the channel is closed.
 */
public final class SipStreamDecoder extends ByteToMessageDecoder {
    private static final ByteBuf PONG = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));
    /** RFC 5626 §3.5.1: a ping is CRLFCRLF. */
    private static final int PING_BYTES = 4;

    private final SipDecoderConfig config;
    private final long incompleteTimeoutMillis;
    private final FramingErrorListener errors;
    /** Bytes from the reader index already searched for CRLFCRLF without success. */
    private int scanned;
    /** Header section length (CRLFCRLF included) of the message being framed, or -1. */
    private int headerLength = -1;
    private int bodyLength;
    /** The message being framed: head parsed, waiting for its body. */
    private SipMessage pending;
    private int keepAliveRun;
    private boolean failed;
    private ScheduledFuture<?> incompleteTimer;

    /** Told when a connection is closed for a framing error, so it can be counted. */
    public interface FramingErrorListener {
        void framingError(InetSocketAddress peer, String reason);
    }

    public SipStreamDecoder(SipDecoderConfig config, long incompleteTimeoutMillis, FramingErrorListener errors) {
        if (incompleteTimeoutMillis <= 0) {
            throw new IllegalArgumentException("incompleteTimeoutMillis must be positive, got " + incompleteTimeoutMillis);
        }
        this.config = config;
        this.incompleteTimeoutMillis = incompleteTimeoutMillis;
        this.errors = errors;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (headerLength < 0 && !frameHeaderSection(ctx, in)) {
            return;
        }
        int total = headerLength + bodyLength;
        if (in.readableBytes() < total) {
            armIncompleteTimer(ctx);
            return;
        }
        int relativeHeaderEnd = headerLength;
        int length = bodyLength;
        SipMessage msg = pending;
        msg.attach(in.readRetainedSlice(total), relativeHeaderEnd, length);
        headerLength = -1;
        pending = null;
        scanned = 0;
        cancelIncompleteTimer();
        out.add(new InboundSip(msg, peer(ctx), Transport.TCP, ctx.channel(), System.nanoTime()));
    }

    /** Finds the header section and Content-Length; false while more bytes are needed or on failure. */
    private boolean frameHeaderSection(ChannelHandlerContext ctx, ByteBuf in) {
        skipKeepAlives(ctx, in);
        if (!in.isReadable()) {
            return false;
        }
        int start = in.readerIndex();
        int from = start + Math.max(0, scanned - 3);
        int end = SipFraming.headerEnd(in, from, in.writerIndex());
        if (end < 0) {
            if (in.readableBytes() > config.maxMessageBytes()) {
                fail(ctx, in, "header section longer than " + config.maxMessageBytes() + " bytes");
                return false;
            }
            scanned = in.readableBytes();
            armIncompleteTimer(ctx);
            return false;
        }
        byte[] section = new byte[end - start];
        in.getBytes(start, section);
        SipMessage msg = new SipMessage(section);
        SipMessageParser.parseHead(msg, section, section.length, config);
        int length = SipFraming.contentLength(msg, section);
        if (length == SipFraming.INVALID) {
            fail(ctx, in, "Content-Length is negative, not a number or given twice differently");
            return false;
        }
        if (length == SipFraming.ABSENT) {
            fail(ctx, in, "no Content-Length: it is mandatory on a stream (RFC 3261 §18.3)");
            return false;
        }
        if (end - start + length > config.maxMessageBytes()) {
            fail(ctx, in, "message longer than " + config.maxMessageBytes() + " bytes");
            return false;
        }
        headerLength = end - start;
        bodyLength = length;
        pending = msg;
        return true;
    }

    private void skipKeepAlives(ChannelHandlerContext ctx, ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\r' && b != '\n') {
                keepAliveRun = 0;
                return;
            }
            in.skipBytes(1);
            if (++keepAliveRun == PING_BYTES) {
                keepAliveRun = 0;
                ctx.writeAndFlush(PONG.duplicate());
            }
        }
    }

    private void armIncompleteTimer(ChannelHandlerContext ctx) {
        if (incompleteTimer == null) {
            incompleteTimer = ctx.executor().schedule(() -> {
                incompleteTimer = null;
                if (actualReadableBytes() > 0 || headerLength >= 0) {
                    failed = true;
                    errors.framingError(peer(ctx), "message incomplete after " + incompleteTimeoutMillis + " ms");
                    ctx.close();
                }
            }, incompleteTimeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelIncompleteTimer() {
        if (incompleteTimer != null) {
            incompleteTimer.cancel(false);
            incompleteTimer = null;
        }
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        in.skipBytes(in.readableBytes());
        failed = true;
        headerLength = -1;
        pending = null;
        cancelIncompleteTimer();
        errors.framingError(peer(ctx), reason);
        ctx.close();
    }

    /** The connection's peer; null only where the channel has no IP peer (tests, local channels). */
    private static InetSocketAddress peer(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address : null;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelIncompleteTimer();
    }
}
