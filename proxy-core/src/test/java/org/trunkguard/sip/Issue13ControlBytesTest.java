package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 2: control bytes passed validation because {@code String.trim()} strips every
 * char up to 0x20, and Via sent-by hosts such as 10.10.10.256 were accepted. Messages are built
 * as ISO-8859-1 so each char is one wire byte.
 */
@ExtendWith(LeakCheck.class)
class Issue13ControlBytesTest {
    static final String VIA = "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKctl1\r\n";
    static final String FROM = "From: \"Alice\" <sip:01055550001@192.0.2.10>;tag=f1\r\n";
    static final String CONTACT = "Contact: <sip:01055550001@192.0.2.10:5060>\r\n";
    static final String CALL_ID = "Call-ID: ctl-1@192.0.2.10\r\n";

    static String invite(String via, String from, String contact, String callId) {
        return "INVITE sip:13900000001@core.example.net SIP/2.0\r\n" + via + "Max-Forwards: 70\r\n" + from
                + "To: <sip:13900000001@core.example.net>\r\n" + callId + "CSeq: 1 INVITE\r\n" + contact
                + "Content-Length: 0\r\n\r\n";
    }

    /** Decodes and runs sanity; returns the reason, or null when the message passes. */
    private static String verdict(String wire) {
        SipMessage m = SipDatagramDecoder.decode(Unpooled.wrappedBuffer(wire.getBytes(StandardCharsets.ISO_8859_1)),
                SipDecoderConfig.DEFAULT);
        try {
            boolean ok = SipSanity.check(m);
            if (!ok) {
                assertEquals(400, m.rejectStatus(), m.malformed());
            }
            return ok ? null : m.malformed();
        } finally {
            m.release();
        }
    }

    @Test
    void theCleanMessagePasses() {
        assertNull(verdict(invite(VIA, FROM, CONTACT, CALL_ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u001f", "\u007f", "\u000b", "\u000c"})
    void issue13ControlByteBeforeViaHostIs400(String control) {
        String reason = verdict(invite(VIA.replace("UDP 192", "UDP " + control + "192"), FROM, CONTACT, CALL_ID));
        assertEquals("control byte " + String.format("0x%02X", (int) control.charAt(0)) + " in the Via header", reason);
    }

    @Test
    void issue13ControlByteAtTheStartOrEndOfAValueIs400() {
        assertNotNull(verdict(invite("Via: \u0000SIP/2.0/UDP 192.0.2.10;branch=z9hG4bKctl1\r\n", FROM, CONTACT, CALL_ID)));
        assertNotNull(verdict(invite(VIA, FROM.replace("f1\r\n", "f1\u0000\r\n"), CONTACT, CALL_ID)));
        assertNotNull(verdict(invite(VIA, FROM, CONTACT, CALL_ID).replace("Max-Forwards: 70", "Max-Forwards: 70\u0001")));
    }

    @Test
    void issue13NulInAQuotedDisplayNameIs400() {
        assertEquals("control byte 0x00 in the From header",
                verdict(invite(VIA, FROM.replace("Alice", "Al\u0000ice"), CONTACT, CALL_ID)));
    }

    @Test
    void issue13ControlByteInATokenDisplayNameIs400() {
        assertEquals("control byte 0x01 in the Contact header",
                verdict(invite(VIA, FROM, "Contact: Bob\u0001 <sip:01055550001@192.0.2.10>\r\n", CALL_ID)));
    }

    @Test
    void issue13ControlBytesElsewhereAre400() {
        String ok = invite(VIA, FROM, CONTACT, CALL_ID);
        assertEquals("control byte 0x0D in the X-Anything header", verdict(ok.replace("CSeq: 1 INVITE\r\n",
                "CSeq: 1 INVITE\r\nX-Anything: a\rb\r\n")), "a bare CR is no line break");
        assertEquals("control byte 0x7F in the Subject header", verdict(ok.replace("CSeq: 1 INVITE\r\n",
                "CSeq: 1 INVITE\r\nSubject: hi\u007f\r\n")));
        assertEquals("control byte 0x00 in the start line", verdict(ok.replace("sip:139", "sip:\u0000139")));
    }

    @Test
    void quotedPairsFoldsAndTabsAreNotControlBytes() {
        String ok = invite(VIA, FROM, CONTACT, CALL_ID);
        assertNull(verdict(ok.replace("\"Alice\"", "\"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\"")), "RFC 4475 intmeth");
        assertNull(verdict(ok.replace("Max-Forwards: 70", "Max-Forwards:\t70")));
        assertNull(verdict(ok.replace("From: \"Alice\"", "From: \"Alice\"\r\n\t")), "a folded line");
        assertNull(verdict(ok.replace("Alice", "\u00e9\u00ff\u00fe")), "bytes above 0x7F in quotes are copied, not judged");
        assertEquals("control byte 0x0D in the From header",
                verdict(ok.replace("\"Alice\"", "\"A\\\r\n lice\"")), "a quoted-pair cannot quote a line break");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.10.10.256", "-255.10.10.1", "-1", "1.2.3", "1.2.3.4.5", "1..2.3", "host-.example.com",
        "-host.example.com", "ex_ample.com", "example..com", "192.0.2.1:0", "192.0.2.1:65536", "192.0.2.1:", "[]",
        "[2001:db8::12345]", "[1:2:3:4:5:6:7:8:9]", "[::ffff:192.0.2.256]", "[2001:db8::1"})
    void issue13MalformedViaSentByIs400(String sentBy) {
        String via = "Via: SIP/2.0/UDP " + sentBy + ";branch=z9hG4bKctl1\r\n";
        assertEquals("Via sent-by is malformed", verdict(invite(VIA + via, FROM, CONTACT, CALL_ID)), "second Via");
        assertEquals("Via sent-by is malformed", verdict(invite(via, FROM, CONTACT, CALL_ID)), "top Via");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "192.0.2.1:5060", "0.0.0.0:1", "255.255.255.255:65535", "example.com",
        "example.com.", "a-b.example.com", "3com.example", "localhost", "x1", "[2001:db8::1]:5060", "[::1]",
        "[::ffff:192.0.2.2]", "[2001:db8:::192.0.2.1]", "[1:2:3:4:5:6:7:8]"})
    void wellFormedSentByPasses(String sentBy) {
        assertNull(verdict(invite("Via: SIP/2.0/UDP " + sentBy + ";branch=z9hG4bKctl1\r\n", FROM, CONTACT, CALL_ID)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9@example.com", "\u00ff\u00fe@x", "a b@x", "@x", "x@", "a@b@c", "a,b"})
    void issue13CallIdOutsideTheWordGrammarIs400(String callId) {
        assertEquals("Call-ID is not word or word@word (RFC 3261 callid)",
                verdict(invite(VIA, FROM, CONTACT, "Call-ID: " + callId + "\r\n")));
    }

    @Test
    void callIdWithEveryWordCharacterPasses() {
        assertNull(verdict(invite(VIA, FROM, CONTACT, "Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{\r\n")));
    }

    @Test
    void issue13RouteEntriesAfterTheFirstAreCopiedByteForByte() {
        String wire = invite(VIA, FROM, CONTACT, CALL_ID).replace("CSeq: 1 INVITE\r\n", "CSeq: 1 INVITE\r\n"
                + "Route: <sip:us;lr>, \"a,\u00ff\" <sip:b;lr>,\r\n <sip:c;lr>\r\nRoute: <sip:only;lr>\r\n");
        SipMessage m = SipDatagramDecoder.decode(Unpooled.wrappedBuffer(wire.getBytes(StandardCharsets.ISO_8859_1)),
                SipDecoderConfig.DEFAULT);
        io.netty.buffer.ByteBuf out = Unpooled.buffer();
        try {
            int first = m.firstLine(SipHeader.ROUTE);
            assertTrue(SipMessageWriter.copyLineWithoutFirstValue(out, m, first, SipHeader.ROUTE));
            assertEquals("Route: \"a,\u00ff\" <sip:b;lr>,\r\n <sip:c;lr>\r\n", out.toString(StandardCharsets.ISO_8859_1));
            out.clear();
            assertFalse(SipMessageWriter.copyLineWithoutFirstValue(out, m, first + 1, SipHeader.ROUTE));
            assertEquals(0, out.readableBytes());
        } finally {
            out.release();
            m.release();
        }
    }

    @Test
    void issue13BothEntriesOfADoubleRecordRouteCanBeLeftOut() {
        String wire = invite(VIA, FROM, CONTACT, CALL_ID).replace("CSeq: 1 INVITE\r\n", "CSeq: 1 INVITE\r\n"
                + "Route: <sip:us;lr>, <sip:us;transport=tcp;lr>,\r\n \"\u00ff\" <sip:c;lr>\r\nRoute: <sip:only;lr>\r\n");
        SipMessage m = SipDatagramDecoder.decode(Unpooled.wrappedBuffer(wire.getBytes(StandardCharsets.ISO_8859_1)),
                SipDecoderConfig.DEFAULT);
        io.netty.buffer.ByteBuf out = Unpooled.buffer();
        try {
            int first = m.firstLine(SipHeader.ROUTE);
            assertEquals(2, SipMessageWriter.copyLineWithoutFirstValues(out, m, first, SipHeader.ROUTE, 2));
            assertEquals("Route: \"\u00ff\" <sip:c;lr>\r\n", out.toString(StandardCharsets.ISO_8859_1));
            out.clear();
            assertEquals(1, SipMessageWriter.copyLineWithoutFirstValues(out, m, first + 1, SipHeader.ROUTE, 2),
                    "a line with fewer entries is left out whole and says how many it held");
            assertEquals(0, out.readableBytes());
        } finally {
            out.release();
            m.release();
        }
    }

    // ---- the value parsers on their own ------------------------------------------------------

    @Test
    void issue13NameAddressNoLongerTrimsControlBytes() {
        assertFalse(NameAddress.parse("\u0000<sip:a@example.com>").valid());
        assertFalse(NameAddress.parse("<sip:a@example.com>;tag=1\u0001").valid());
        assertFalse(NameAddress.parse("\"a\u0000b\" <sip:a@example.com>").valid());
        assertFalse(NameAddress.parse("<sip:a\u0001b@example.com>").valid());
        assertFalse(NameAddress.parse("sip:a@example.com;tag=a\u0002b").valid());
        assertTrue(NameAddress.parse(" \t\"a\\\u0000b\" <sip:a@example.com>;tag=1 \t").valid());
        assertEquals("1", NameAddress.parse("<sip:a@example.com> ; tag = 1 ").tag());
    }

    @Test
    void nameAddressParameterValuesFollowGenValue() {
        assertTrue(NameAddress.parse("<sip:a@example.com>;x=\"a;b\";maddr=[2001:db8::1];tag=t").valid());
        assertFalse(NameAddress.parse("<sip:a@example.com>;x=a\"b").valid());
        assertFalse(NameAddress.parse("<sip:a@example.com>;tag=").valid());
        assertFalse(NameAddress.parse("<sip:a@example.com>;x=\u00e9").valid());
    }

    @Test
    void issue13ViaNoLongerTrimsControlBytes() {
        assertFalse(Via.parse("SIP/2.0/UDP \u0001192.0.2.1;branch=z9hG4bK1").valid());
        assertFalse(Via.parse("SIP/2.0/UDP 192.0.2.1\u0000;branch=z9hG4bK1").valid());
        assertFalse(Via.parse("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\u0000").valid());
        assertFalse(Via.parse("SIP/2.0/UDP 192.0.2.1;\u0000branch=z9hG4bK1").valid());
        Via spaced = Via.parse("SIP / 2.0 / UDP \t 192.0.2.1 : 5060 ; branch = z9hG4bK1");
        assertFalse(spaced.valid(), "LWS inside sent-by is not in the grammar");
        Via ok = Via.parse("SIP / 2.0 / UDP \t 192.0.2.1:5060 \t; branch = z9hG4bK1");
        assertTrue(ok.valid(), ok.invalidReason());
        assertEquals("192.0.2.1", ok.host());
        assertEquals(5060, ok.port());
    }

    @Test
    void trimLwsKeepsControlBytes() {
        assertEquals("\u0000a\u0001", HeaderText.trimLws(" \t\u0000a\u0001\t "));
        assertEquals("a", HeaderText.trimLws("a"));
        assertEquals("", HeaderText.trimLws(" \t "));
    }

    /** The eight-bytes-at-a-time prefilter may not hide a control byte at any offset. */
    @Test
    void controlByteSearchEqualsAByteLoop() {
        Random random = new Random(13);
        byte[] alphabet = {'a', ' ', '"', '\\', '\t', '\r', '\n', 0, 1, 0x1f, 0x20, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0x9f};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            String s = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
            int expected = byteLoop(bytes, from, bytes.length);
            assertEquals(expected, ControlBytes.firstIllegal(bytes, from, bytes.length), s);
            if (s.indexOf('\r') < 0) {
                assertEquals(expected < 0 ? -1 : expected - from, ControlBytes.firstIllegal(s), s);
            }
        }
    }

    private static int byteLoop(byte[] b, int from, int to) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == '\r' && i + 2 < to && b[i + 1] == '\n' && (b[i + 2] == ' ' || b[i + 2] == '\t')) {
                i += 2;
            } else if (quoted && c == '\\') {
                if (i + 1 < to && (b[i + 1] == '\r' || b[i + 1] == '\n')) {
                    return i + 1;
                }
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }
}
