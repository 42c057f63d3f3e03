package org.trunkguard.proxy.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trunkguard.sip.SipDatagramDecoder;
import org.trunkguard.sip.SipDecoderConfig;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;

/** The CANCEL (RFC 3261 §9.1) and non-2xx ACK (§17.1.1.3) built from the forwarded INVITE's bytes. */
class HopRequestsTest {
    /** Call-ID with the octets 0xFF 0xFE, which are not UTF-8: one char per byte in ISO-8859-1. */
    private static final String CALL_ID_LINE = "Call-ID: odd-\u00ff\u00fe-id@192.0.2.10\r\n";
    private static final byte[] FORWARDED = Harness.invite("z9hG4bKfwd1")
            .replace("Call-ID: call-1@192.0.2.10\r\n", CALL_ID_LINE)
            .getBytes(StandardCharsets.ISO_8859_1);

    private final HopRequests hop = Harness.hopOf(FORWARDED, 314);

    private static byte[] bytesOf(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    @Test
    void theCancelCarriesTheCallIdOctetsExactly() {
        ByteBuf cancel = hop.cancel();
        try {
            byte[] out = bytesOf(cancel);
            byte[] callId = CALL_ID_LINE.getBytes(StandardCharsets.ISO_8859_1);
            assertEquals((byte) 0xFF, callId[13]);
            assertTrue(Harness.indexOf(out, callId, 0) > 0, "the Call-ID line, octet for octet");
        } finally {
            cancel.release();
        }
    }

    @Test
    void theCancelIsTheInvitesHopWithCSeqMethodCancel() {
        ByteBuf cancel = hop.cancel();
        try {
            String text = cancel.toString(StandardCharsets.ISO_8859_1);
            assertEquals("""
                    CANCEL sip:bob@192.0.2.20 SIP/2.0\r
                    Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKfwd1\r
                    Route: <sip:edge1.example.net;lr>\r
                    Route: <sip:edge2.example.net;lr>\r
                    From: <sip:alice@example.com>;tag=a1\r
                    Max-Forwards: 70\r
                    To: <sip:bob@example.net>\r
                    """ + CALL_ID_LINE + """
                    CSeq: 314 CANCEL\r
                    Content-Length: 0\r
                    \r
                    """, text);
        } finally {
            cancel.release();
        }
    }

    @Test
    void theCancelParsesBackAsACancelOfTheInvite() {
        ByteBuf cancel = hop.cancel();
        SipMessage parsed = SipDatagramDecoder.decode(cancel, SipDecoderConfig.DEFAULT);
        cancel.release();
        SipMessage invite = Harness.decode(Harness.invite("z9hG4bKfwd1"));
        try {
            assertNull(parsed.malformed());
            assertEquals("CANCEL", parsed.method());
            assertEquals(invite.requestUri(), parsed.requestUri());
            assertEquals("CANCEL", parsed.cseq().method());
            assertEquals(314, parsed.cseq().number());
            assertEquals("z9hG4bKfwd1", parsed.topVia().branch());
            assertEquals(1, parsed.count(SipHeader.VIA), "only the proxy's own Via");
            assertEquals(List.of("<sip:edge1.example.net;lr>", "<sip:edge2.example.net;lr>"), routes(parsed),
                    "Route lines in order");
            assertEquals("a1", parsed.from().tag());
            assertNull(parsed.to().tag());
            int line = parsed.firstLine(SipHeader.CALL_ID);
            byte[] callId = new byte[parsed.lineEnd(line) - parsed.lineStart(line)];
            parsed.content().getBytes(parsed.lineStart(line), callId);
            assertEquals(CALL_ID_LINE, new String(callId, StandardCharsets.ISO_8859_1));
        } finally {
            parsed.release();
            invite.release();
        }
    }

    @Test
    void theAckTakesTheResponsesToWithItsTag() {
        SipMessage busy = Harness.decode(Harness.response(486, "Busy Here", "INVITE", "z9hG4bKfwd1", "callee9"));
        ByteBuf ack = hop.ack(busy);
        busy.release();
        try {
            String text = ack.toString(StandardCharsets.ISO_8859_1);
            assertTrue(text.startsWith("ACK sip:bob@192.0.2.20 SIP/2.0\r\n"), text);
            assertTrue(text.contains("\r\nTo: <sip:bob@example.net>;tag=callee9\r\n"), text);
            assertTrue(text.contains("\r\n" + CALL_ID_LINE), "the INVITE's Call-ID, not the response's");
            assertTrue(text.contains("\r\nCSeq: 314 ACK\r\n"), text);
            assertTrue(text.contains("\r\nRoute: <sip:edge1.example.net;lr>\r\nRoute: <sip:edge2.example.net;lr>\r\n"));
        } finally {
            ack.release();
        }
    }

    @Test
    void eachCallBuildsAFreshBuffer() {
        ByteBuf first = hop.cancel();
        ByteBuf second = hop.cancel();
        assertEquals(first, second);
        first.release();
        assertEquals(1, second.refCnt());
        second.release();
    }

    private static List<String> routes(SipMessage m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.headerLineCount(); i++) {
            if (m.headerAt(i) == SipHeader.ROUTE) {
                out.add(m.valueAt(i));
            }
        }
        return out;
    }
}
