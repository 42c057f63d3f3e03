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
 * cannot pin a buffer forever.
 */
public final class SipStreamDecoder extends ByteToMessageDecoder {
    private static final ByteBuf PONG = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}));

    private final SipDecoderConfig config;
    private final long incompleteTimeoutMillis;
    private final FramingErrorListener errors;
    private int scanFrom = -1;
    private int headerEnd = -1;
    private int bodyLength;
    private ScheduledFuture<?> incompleteTimer;

    /** Told when a connection is closed for a framing error, so it can be counted. */
    public interface FramingErrorListener {
        void framingError(InetSocketAddress peer, String reason);
    }

    public SipStreamDecoder(SipDecoderConfig config, long incompleteTimeoutMillis, FramingErrorListener errors) {
        this.config = config;
        this.incompleteTimeoutMillis = incompleteTimeoutMillis;
        this.errors = errors;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (headerEnd < 0) {
            skipKeepAlives(ctx, in);
            if (!in.isReadable()) {
                return;
            }
            int from = scanFrom < in.readerIndex() ? in.readerIndex() : scanFrom;
            int end = SipFraming.headerEnd(in, from, in.writerIndex());
            if (end < 0) {
                if (in.readableBytes() > config.maxMessageBytes()) {
                    fail(ctx, in, "header section longer than " + config.maxMessageBytes() + " bytes");
                    return;
                }
                scanFrom = Math.max(in.readerIndex(), in.writerIndex() - 3);
                armIncompleteTimer(ctx);
                return;
            }
            int length = SipFraming.contentLength(in, in.readerIndex(), end);
            if (length == SipFraming.INVALID) {
                fail(ctx, in, "Content-Length is negative, not a number or given twice differently");
                return;
            }
            headerEnd = end;
            bodyLength = Math.max(length, 0);
            if (end - in.readerIndex() + bodyLength > config.maxMessageBytes()) {
                fail(ctx, in, "message longer than " + config.maxMessageBytes() + " bytes");
                return;
            }
        }
        int total = headerEnd - in.readerIndex() + bodyLength;
        if (in.readableBytes() < total) {
            armIncompleteTimer(ctx);
            return;
        }
        int relativeHeaderEnd = headerEnd - in.readerIndex();
        ByteBuf content = in.readRetainedSlice(total);
        headerEnd = -1;
        scanFrom = -1;
        cancelIncompleteTimer();
        SipMessage msg = SipMessageParser.parse(content, relativeHeaderEnd, bodyLength, config);
        out.add(new InboundSip(msg, (InetSocketAddress) ctx.channel().remoteAddress(), Transport.TCP,
                ctx.channel(), System.nanoTime()));
    }

    private void skipKeepAlives(ChannelHandlerContext ctx, ByteBuf in) {
        int skipped = 0;
        while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
            in.skipBytes(1);
            skipped++;
        }
        if (skipped >= 4) {
            ctx.writeAndFlush(PONG.duplicate());
        }
    }

    private void armIncompleteTimer(ChannelHandlerContext ctx) {
        if (incompleteTimer == null) {
            incompleteTimer = ctx.executor().schedule(() -> {
                incompleteTimer = null;
                if (actualReadableBytes() > 0 || headerEnd >= 0) {
                    errors.framingError((InetSocketAddress) ctx.channel().remoteAddress(),
                            "message incomplete after " + incompleteTimeoutMillis + " ms");
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
        headerEnd = -1;
        cancelIncompleteTimer();
        errors.framingError((InetSocketAddress) ctx.channel().remoteAddress(), reason);
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelIncompleteTimer();
    }
}
