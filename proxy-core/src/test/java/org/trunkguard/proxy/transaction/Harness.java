package org.trunkguard.proxy.transaction;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.sip.SipDatagramDecoder;
import org.trunkguard.sip.SipDecoderConfig;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.Transport;

/**
 * One event loop's transaction layer on a hand-moved millisecond clock, with a wire that
 * records what is sent (as ISO-8859-1 text, one char per byte) and releases it.
 */
final class Harness {
    static final long T1 = 500;
    static final long T2 = 4_000;
    static final Destination UDP = new Destination(new InetSocketAddress("192.0.2.20", 5060), Transport.UDP, null);
    static final Destination TCP = new Destination(new InetSocketAddress("192.0.2.20", 5060), Transport.TCP, null);

    long now = 1_000_000;
    final List<String> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    int absorbed;
    final TransactionLayer layer = new TransactionLayer(T1, T2, () -> now, this::record, () -> absorbed++);
    private final long origin = now;

    private void record(Destination to, ByteBuf bytes) {
        sent.add(bytes.toString(StandardCharsets.ISO_8859_1));
        sentAt.add(now - origin);
        bytes.release();
    }

    /** Milliseconds since the harness was made. */
    long elapsed() {
        return now - origin;
    }

    /** Moves the clock tick by tick, as the owning loop does, to {@code millis} after the start. */
    void runTo(long millis) {
        while (now - origin < millis) {
            now += TimerWheel.TICK_MILLIS;
            layer.tick();
        }
    }

    /** Runs the clock {@code millis} further. */
    void runFor(long millis) {
        runTo(elapsed() + millis);
    }

    /** Times (since the start) at which a message starting with {@code prefix} was sent. */
    List<Long> sentTimes(String prefix) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).startsWith(prefix)) {
                times.add(sentAt.get(i));
            }
        }
        return times;
    }

    long count(String prefix) {
        return sent.stream().filter(s -> s.startsWith(prefix)).count();
    }

    static SipMessage decode(String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            return SipDatagramDecoder.decode(buf, SipDecoderConfig.DEFAULT);
        } finally {
            buf.release();
        }
    }

    static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    static String invite(String branch) {
        return """
                INVITE sip:bob@192.0.2.20 SIP/2.0\r
                Via: SIP/2.0/UDP 192.0.2.1:5060;branch=%s\r
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKcaller\r
                Max-Forwards: 69\r
                Route: <sip:edge1.example.net;lr>\r
                Route: <sip:edge2.example.net;lr>\r
                From: <sip:alice@example.com>;tag=a1\r
                To: <sip:bob@example.net>\r
                Call-ID: call-1@192.0.2.10\r
                CSeq: 314 INVITE\r
                Content-Length: 0\r
                \r
                """.formatted(branch);
    }

    static String request(String method, String branch) {
        return """
                %s sip:bob@192.0.2.20 SIP/2.0\r
                Via: SIP/2.0/UDP 192.0.2.10:5060;branch=%s\r
                Max-Forwards: 70\r
                From: <sip:alice@example.com>;tag=a1\r
                To: <sip:bob@example.net>\r
                Call-ID: call-1@192.0.2.10\r
                CSeq: 1 %s\r
                Content-Length: 0\r
                \r
                """.formatted(method, branch, method);
    }

    static String response(int status, String reason, String method, String branch, String toTag) {
        return """
                SIP/2.0 %d %s\r
                Via: SIP/2.0/UDP 192.0.2.1:5060;branch=%s\r
                From: <sip:alice@example.com>;tag=a1\r
                To: <sip:bob@example.net>%s\r
                Call-ID: call-1@192.0.2.10\r
                CSeq: 314 %s\r
                Content-Length: 0\r
                \r
                """.formatted(status, reason, branch, toTag == null ? "" : ";tag=" + toTag, method);
    }

    /** [start, end) of the first header line starting with {@code prefix}, CRLF included. */
    static int[] line(byte[] message, String prefix) {
        byte[] p = ("\r\n" + prefix).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(message, p, 0);
        if (at < 0) {
            throw new IllegalArgumentException("no line " + prefix);
        }
        int start = at + 2;
        int end = indexOf(message, new byte[] {'\r', '\n'}, start) + 2;
        return new int[] {start, end};
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What the forwarder records while writing {@code forwarded}: URI, top Via, Routes, From, To, Call-ID. */
    static HopRequests hopOf(byte[] forwarded, long cseq) {
        ByteBuf source = Unpooled.wrappedBuffer(forwarded);
        int uriStart = indexOf(forwarded, new byte[] {' '}, 0) + 1;
        int uriEnd = indexOf(forwarded, new byte[] {' '}, uriStart);
        HopRequests.Builder b = new HopRequests.Builder().uri(source, uriStart, uriEnd);
        int[] via = line(forwarded, "Via:");
        b.via(source, via[0], via[1]);
        for (int from = 0; ; ) {
            int at = indexOf(forwarded, "\r\nRoute:".getBytes(StandardCharsets.US_ASCII), from);
            if (at < 0) {
                break;
            }
            int end = indexOf(forwarded, new byte[] {'\r', '\n'}, at + 2) + 2;
            b.route(source, at + 2, end);
            from = end - 2;
        }
        int[] f = line(forwarded, "From:");
        int[] t = line(forwarded, "To:");
        int[] c = line(forwarded, "Call-ID:");
        return b.from(source, f[0], f[1]).to(source, t[0], t[1]).callId(source, c[0], c[1]).build(cseq);
    }
}
