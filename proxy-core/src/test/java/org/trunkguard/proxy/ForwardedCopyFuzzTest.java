package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.proxy.transaction.HopRequests;
import org.trunkguard.sip.InboundSip;
import org.trunkguard.sip.Methods;
import org.trunkguard.sip.SipDatagramDecoder;
import org.trunkguard.sip.SipDecoderConfig;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipMessageWriter;
import org.trunkguard.sip.SipSanity;
import org.trunkguard.sip.SipStreamDecoder;
import org.trunkguard.sip.Transport;

/**
 * Coverage-guided fuzzing, in process, of what the proxy builds from what it receives: each input
 * is one message as it arrives over UDP (the datagram decoder) and over TCP (the stream decoder,
 * in chunks). Every INVITE that passes sanity is forwarded for each pair of inbound and outbound
 * transports, and then:
 * <ul>
 *   <li>the forwarded copy decodes and passes sanity again, over the outbound transport's framing;
 *   <li>its From, To and Call-ID are the received bytes; its Record-Route entries are ours, two
 *       where the transports differ (RFC 5658); our leading Route entries are gone, the rest kept;
 *   <li>the CANCEL and the hop-by-hop ACK of a 486 built from it decode, pass sanity, and repeat
 *       its Request-URI, top Via, Route, From, Call-ID and CSeq number byte for byte, with To from
 *       the INVITE (CANCEL) or the response (ACK).
 * </ul>
 * About 100 times faster than {@link SipPathFuzzIT}, which drives the running node over sockets;
 * long runs of both are recorded in bench/RESULTS.md. In a normal test run the saved inputs in
 * {@code src/test/resources/org/trunkguard/proxy/ForwardedCopyFuzzTestInputs/} run. To fuzz:
 * <pre>
 * JAZZER_FUZZ=1 mvn -o test -pl proxy-core -Dtest=ForwardedCopyFuzzTest -Djazzer.max_executions=10000000 \
 *     -Djazzer.max_duration=2h
 * </pre>
 */
class ForwardedCopyFuzzTest {
    private static final SipDecoderConfig CONFIG = SipDecoderConfig.DEFAULT;
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.10", 5070);
    private static final ProxyIdentity US = new ProxyIdentity("127.0.0.1", 5060);
    private static EmbeddedChannel connection;

    static {
        if (System.getenv("JAZZER_FUZZ") != null) {
            // Paranoid leak detection (the test default) records a stack trace per buffer access
            // and slows fuzzing tenfold; the saved inputs run with it in every normal test run.
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    @FuzzTest
    void forwardedCopiesCancelsAndAcksKeepTheirIdentityBytes(byte[] input) {
        // Three chunks, split where the input's length puts them: framing across reads without
        // a write per byte, which would cost ten times the rest of the target.
        overStream(input, 1 + input.length / (1 + (input.length & 3)));
        SipMessage received = SipDatagramDecoder.decode(Unpooled.wrappedBuffer(input), CONFIG);
        if (received == null) {
            return;
        }
        try {
            if (received.malformed() != null || !received.isRequest() || !SipSanity.check(received)
                    || !Methods.INVITE.equals(received.method())) {
                return;
            }
            for (Transport in : Transport.values()) {
                for (Transport out : Transport.values()) {
                    forwardAndCheck(received, in, out);
                }
            }
        } finally {
            received.release();
        }
    }

    private static void forwardAndCheck(SipMessage received, Transport in, Transport out) {
        String branch = US.newBranch();
        HopRequests.Builder hop = new HopRequests.Builder();
        ByteBuf bytes = RequestForwarder.build(UnpooledByteBufAllocator.DEFAULT, received,
                new RequestForwarder.Plan(SOURCE, US.viaValue(out, branch), US.recordRouteLines(in, out), null, out), US, hop);
        SipMessage forwarded = decode(ByteBufUtil.getBytes(bytes), out, "forwarded INVITE");
        bytes.release();
        try {
            assertSame(received, forwarded, SipHeader.FROM, "From");
            assertSame(received, forwarded, SipHeader.TO, "To");
            assertSame(received, forwarded, SipHeader.CALL_ID, "Call-ID");
            List<String> rr = values(forwarded, SipHeader.RECORD_ROUTE);
            List<String> ours = in == out ? List.of(US.recordRouteValue(out))
                    : List.of(US.recordRouteValue(out), US.recordRouteValue(in));
            assertEquals(ours, rr.subList(0, Math.min(rr.size(), ours.size())), "our Record-Route entries on top");
            List<String> routes = values(received, SipHeader.ROUTE);
            int own = 0;
            while (own < Math.min(2, routes.size()) && US.designates(routes.get(own))) {
                own++;
            }
            assertEquals(routes.subList(own, routes.size()), values(forwarded, SipHeader.ROUTE), "Route without our entries");

            HopRequests requests = hop.build(forwarded.cseq().number());
            checkHopRequest(requests.cancel(), forwarded, forwarded, Methods.CANCEL, out);
            SipMessage busy = decode(busyFor(forwarded), Transport.UDP, "486");
            try {
                checkHopRequest(requests.ack(busy), forwarded, busy, Methods.ACK, out);
            } finally {
                busy.release();
            }
        } finally {
            forwarded.release();
        }
    }

    /** A CANCEL or ACK repeats the forwarded INVITE's hop identity (RFC 3261 §9.1, §17.1.1.3). */
    private static void checkHopRequest(ByteBuf built, SipMessage invite, SipMessage toSource, String method, Transport out) {
        SipMessage request = decode(ByteBufUtil.getBytes(built), out, method);
        built.release();
        try {
            assertEquals(method, request.method());
            assertEquals(invite.requestUri(), request.requestUri(), method + " Request-URI");
            assertEquals(invite.rawValueAt(invite.firstLine(SipHeader.VIA)), request.rawValueAt(request.firstLine(SipHeader.VIA)),
                    method + " top Via");
            assertEquals(1, request.count(SipHeader.VIA), method + " has only our Via");
            assertSame(invite, request, SipHeader.FROM, method + " From");
            assertSame(invite, request, SipHeader.CALL_ID, method + " Call-ID");
            assertSame(toSource, request, SipHeader.TO, method + " To");
            assertEquals(rawValues(invite, SipHeader.ROUTE), rawValues(request, SipHeader.ROUTE), method + " Route");
            assertEquals(invite.cseq().number(), request.cseq().number(), method + " CSeq number");
            assertEquals(method, request.cseq().method());
        } finally {
            request.release();
        }
    }

    /** The core's 486 to the forwarded INVITE: its Vias, From, To with a tag, Call-ID and CSeq. */
    private static byte[] busyFor(SipMessage forwarded) {
        ByteBuf out = Unpooled.buffer();
        SipMessageWriter.text(out, "SIP/2.0 486 Busy Here\r\n");
        for (int i = 0; i < forwarded.headerLineCount(); i++) {
            switch (forwarded.headerAt(i)) {
                case VIA, FROM, CALL_ID, CSEQ -> SipMessageWriter.copyLine(out, forwarded, i);
                case TO -> SipMessageWriter.copyLineAppending(out, forwarded, i, ";tag=core486");
                default -> {
                }
            }
        }
        SipMessageWriter.text(out, "Content-Length: 0\r\n\r\n");
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        return bytes;
    }

    /** Decodes what the proxy built; over TCP through the stream decoder, whose framing it must satisfy. */
    private static SipMessage decode(byte[] wire, Transport transport, String what) {
        SipMessage msg;
        if (transport == Transport.TCP) {
            EmbeddedChannel channel = connection();
            channel.writeInbound(Unpooled.wrappedBuffer(wire));
            InboundSip framed = channel.readInbound();
            assertNotNull(framed, () -> what + " is framed over TCP:\n" + text(wire));
            assertNull(channel.readInbound(), () -> what + " is one message over TCP");
            msg = framed.message();
        } else {
            msg = SipDatagramDecoder.decode(Unpooled.wrappedBuffer(wire), CONFIG);
            assertNotNull(msg, () -> what);
        }
        if (msg.malformed() != null || !SipSanity.check(msg)) {
            String problem = msg.malformed();
            msg.release();
            throw new AssertionError(what + " fails its own checks (" + problem + "):\n" + text(wire));
        }
        return msg;
    }

    /**
     * One connection for everything the proxy built, as a next hop has: each message must leave
     * it ready for the next. A connection the decoder closed (a framing error) is replaced.
     */
    private static EmbeddedChannel connection() {
        if (connection == null || !connection.isOpen()) {
            connection = new EmbeddedChannel(new SipStreamDecoder(CONFIG, 2_000, (peer, reason) -> { }));
            connection.freezeTime();
        }
        return connection;
    }

    /** The bytes as a TCP peer sends them, in chunks: the decoder never throws, and frees what it framed. */
    private static void overStream(byte[] input, int chunk) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(CONFIG, 2_000, (peer, reason) -> { }));
        channel.freezeTime();
        for (int at = 0; at < input.length && channel.isOpen(); at += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(input, at, Math.min(chunk, input.length - at)));
        }
        for (Object framed; (framed = channel.readInbound()) != null; ) {
            ((InboundSip) framed).message().release();
        }
        channel.finishAndReleaseAll();
    }

    private static void assertSame(SipMessage expected, SipMessage actual, SipHeader header, String what) {
        assertEquals(expected.rawValueAt(expected.firstLine(header)), actual.rawValueAt(actual.firstLine(header)), what);
    }

    private static List<String> values(SipMessage msg, SipHeader header) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < msg.headerLineCount(); i++) {
            if (msg.headerAt(i) == header) {
                SipMessage.splitValues(msg.valueAt(i), out);
            }
        }
        return out;
    }

    private static List<String> rawValues(SipMessage msg, SipHeader header) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < msg.headerLineCount(); i++) {
            if (msg.headerAt(i) == header) {
                out.add(msg.rawValueAt(i));
            }
        }
        return out;
    }

    private static String text(byte[] wire) {
        return new String(wire, StandardCharsets.ISO_8859_1);
    }
}
