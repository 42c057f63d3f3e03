package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SipStreamDecoder} in an {@link EmbeddedChannel}: framing at every fragment size, pings, limits. */
@ExtendWith(LeakCheck.class)
class SipStreamDecoderTest {
    private static final long TIMEOUT_MILLIS = 5_000;
    private static final UnpooledByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(false, true);
    static final String INVITE = """
            INVITE sip:13800138000@core.example.net SIP/2.0\r
            Via: SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bK776asdhds\r
            Max-Forwards: 70\r
            To: <sip:13800138000@core.example.net>\r
            From: "Acme" <sip:01055550001@trunk.example.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710@pc33.example.com\r
            CSeq: 314159 INVITE\r
            Contact: <sip:01055550001@192.0.2.10:5060;transport=tcp>\r
            Content-Type: application/sdp\r
            Content-Length: 132\r
            \r
            v=0\r
            o=- 2890844526 2890844526 IN IP4 192.0.2.10\r
            s=-\r
            c=IN IP4 192.0.2.10\r
            t=0 0\r
            m=audio 49170 RTP/AVP 0 8\r
            a=rtpmap:0 PCMU/8000\r
            """;
    static final String OPTIONS = """
            OPTIONS sip:core.example.net SIP/2.0\r
            Via: SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bKopt1\r
            Max-Forwards: 70\r
            To: <sip:core.example.net>\r
            From: <sip:ping@trunk.example.com>;tag=77\r
            Call-ID: opt-1@192.0.2.10\r
            CSeq: 1 OPTIONS\r
            l: 0\r
            \r
            """;
    static final String OK = """
            SIP/2.0 200 OK\r
            Via: SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bK776asdhds\r
            To: <sip:13800138000@core.example.net>;tag=a6c85cf\r
            From: "Acme" <sip:01055550001@trunk.example.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710@pc33.example.com\r
            CSeq: 314159 INVITE\r
            Content-Length: 12\r
            \r
            hello\r
            world""";

    /** Messages, a single-CRLF keep-alive and a double-CRLF ping back to back. */
    private static final List<String> MESSAGES = List.of(INVITE, OPTIONS, OK, INVITE);
    private static final String STREAM = INVITE + "\r\n" + OPTIONS + "\r\n\r\n" + OK + INVITE;

    @Test
    void sameMessagesAtEveryFragmentSize() {
        byte[] wire = STREAM.getBytes(StandardCharsets.UTF_8);
        assertEquals(132, INVITE.length() - INVITE.indexOf("\r\n\r\n") - 4, "the INVITE's Content-Length is right");
        for (int fragment = 1; fragment <= wire.length; fragment++) {
            EmbeddedChannel channel = channel(SipDecoderConfig.DEFAULT, new ArrayList<>());
            // Plain buffers and an untracked allocator for the cumulation, checked by reference
            // counts: paranoid tracking of ~2,000 channels' byte reads would take half a minute.
            // The corpus test feeds byte by byte through the tracked allocator.
            channel.config().setAllocator(UNTRACKED);
            List<ByteBuf> fragments = new ArrayList<>();
            for (int i = 0; i < wire.length; i += fragment) {
                ByteBuf buf = Unpooled.buffer(fragment).writeBytes(wire, i, Math.min(fragment, wire.length - i));
                fragments.add(buf);
                channel.writeInbound(buf);
            }
            List<String> decoded = new ArrayList<>();
            for (InboundSip in; (in = channel.readInbound()) != null; ) {
                assertTrue(SipSanity.check(in.message()), in.message().malformed());
                decoded.add(in.message().content().toString(StandardCharsets.UTF_8));
                in.message().release();
            }
            assertEquals(MESSAGES, decoded, "fragment size " + fragment);
            assertEquals("\r\n", pongs(channel), "one ping, one pong, at fragment size " + fragment);
            assertTrue(channel.isOpen());
            assertFalse(channel.finishAndReleaseAll());
            for (ByteBuf buf : fragments) {
                assertEquals(0, buf.refCnt(), "every fragment released at fragment size " + fragment);
            }
        }
    }

    @Test
    void pingIsAnsweredWithCrlfAndSingleCrlfIsNot() {
        EmbeddedChannel channel = channel(SipDecoderConfig.DEFAULT, new ArrayList<>());
        channel.writeInbound(ascii("\r\n"));
        assertEquals("", pongs(channel), "a lone CRLF is a pong or keep-alive: no answer");
        channel.writeInbound(ascii("\r\n\r\n"));
        assertEquals("\r\n", pongs(channel));
        channel.writeInbound(ascii("\r\n\r\n\r\n\r\n"));
        assertEquals("\r\n\r\n", pongs(channel), "two pings, two pongs");
        assertNull(channel.readInbound());
        assertTrue(channel.isOpen());
        channel.finishAndReleaseAll();
    }

    @Test
    void oversizeHeaderSectionClosesAndDropsTheBuffer() {
        List<String> errors = new ArrayList<>();
        SipDecoderConfig small = new SipDecoderConfig(4096, 64);
        EmbeddedChannel channel = channel(small, errors);
        channel.writeInbound(ascii("INVITE sip:a@b SIP/2.0\r\n"));
        String line = "X-Filler: " + "a".repeat(90) + "\r\n";
        while (channel.isOpen()) {
            channel.writeInbound(ascii(line));
        }
        assertEquals(List.of("header section longer than 4096 bytes"), errors);
        assertNull(channel.readInbound());
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void contentLengthBeyondTheLimitClosesBeforeBuffering() {
        List<String> errors = new ArrayList<>();
        EmbeddedChannel channel = channel(new SipDecoderConfig(4096, 64), errors);
        channel.writeInbound(ascii(OPTIONS.replace("l: 0", "l: 100000")));
        assertFalse(channel.isOpen());
        assertEquals(List.of("message longer than 4096 bytes"), errors);
        channel.finishAndReleaseAll();
    }

    @Test
    void nothingIsDecodedAfterAFramingError() {
        List<String> errors = new ArrayList<>();
        EmbeddedChannel channel = channel(SipDecoderConfig.DEFAULT, errors);
        channel.writeInbound(ascii(OPTIONS.replace("l: 0", "l: -1") + OPTIONS));
        assertNull(channel.readInbound());
        assertEquals(1, errors.size());
        channel.finishAndReleaseAll();
    }

    @Test
    void messageCompletedBeforeTheTimeoutKeepsTheConnection() {
        List<String> errors = new ArrayList<>();
        EmbeddedChannel channel = channel(SipDecoderConfig.DEFAULT, errors);
        channel.writeInbound(ascii(INVITE.substring(0, 100)));
        channel.advanceTimeBy(TIMEOUT_MILLIS - 1, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.writeInbound(ascii(INVITE.substring(100)));
        InboundSip in = channel.readInbound();
        in.message().release();
        channel.advanceTimeBy(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen());
        assertTrue(errors.isEmpty(), errors.toString());
        channel.finishAndReleaseAll();
    }

    @Test
    void tricklingPeerIsClosedAtTheTimeoutEvenWhileSending() {
        List<String> errors = new ArrayList<>();
        EmbeddedChannel channel = channel(SipDecoderConfig.DEFAULT, errors);
        for (int i = 0; i < 10 && channel.isOpen(); i++) {
            channel.writeInbound(ascii(INVITE.substring(i, i + 1)));
            channel.advanceTimeBy(TIMEOUT_MILLIS / 5, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
        }
        assertFalse(channel.isOpen(), "a slow-loris peer cannot hold a buffer past the timeout");
        assertEquals(1, errors.size());
        channel.finishAndReleaseAll();
    }

    @Test
    void leakCheckNoticesALeakedBuffer() {
        leakOne();
        // The detector reports a leak only after the collector has found the buffer, which a busy
        // machine may take several rounds to do: keep collecting, within a bound, until it shows.
        List<String> leaks = LeakCheck.collectLeaks();
        for (int round = 0; round < 100 && leaks.isEmpty(); round++) {
            leaks = LeakCheck.collectLeaks();
        }
        assertFalse(leaks.isEmpty(), "the leak listener is wired to Netty's detector");
    }

    private static void leakOne() {
        ByteBuf leaked = LeakCheck.buffer(new byte[] {1, 2, 3});
        leaked.readByte();
    }

    static EmbeddedChannel channel(SipDecoderConfig config, List<String> errors) {
        EmbeddedChannel channel = new EmbeddedChannel(
                new SipStreamDecoder(config, TIMEOUT_MILLIS, (peer, reason) -> errors.add(reason)));
        channel.freezeTime();
        return channel;
    }

    static ByteBuf ascii(String s) {
        return LeakCheck.buffer(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String pongs(EmbeddedChannel channel) {
        StringBuilder out = new StringBuilder();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
            out.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return out.toString();
    }
}
