package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SipDatagramDecoder} in an {@link EmbeddedChannel}: keep-alives, trailing octets, limits. */
@ExtendWith(LeakCheck.class)
class SipDatagramDecoderTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 5060);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r\n\r\n", "\n", ""})
    void keepAliveDatagramIsDroppedSilently(String keepAlive) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipDatagramDecoder(SipDecoderConfig.DEFAULT));
        channel.writeInbound(packet(keepAlive));
        assertNull(channel.readInbound());
        assertNull(channel.readOutbound(), "a keep-alive over UDP is not answered");
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void trailingOctetsAfterContentLengthAreIgnored() {
        EmbeddedChannel channel = new EmbeddedChannel(new SipDatagramDecoder(SipDecoderConfig.DEFAULT));
        String options = SipStreamDecoderTest.OPTIONS;
        channel.writeInbound(packet(options + "garbage that looks like\r\nINVITE sip:x SIP/2.0\r\n\r\n"));
        InboundSip in = channel.readInbound();
        try {
            assertEquals(options, in.message().content().toString(StandardCharsets.UTF_8));
            assertEquals(PEER, in.sender(), "the source address, never the Via");
            assertEquals(Transport.UDP, in.transport());
            assertSame(channel, in.channel());
            assertEquals(null, in.message().malformed());
        } finally {
            in.message().release();
        }
        assertNull(channel.readInbound(), "one datagram, one message");
        channel.finishAndReleaseAll();
    }

    @Test
    void withoutContentLengthTheBodyRunsToTheDatagramEnd() {
        SipMessage m = decode(SipStreamDecoderTest.OPTIONS.replace("l: 0\r\n", "") + "body!");
        assertEquals("body!", m.body().toString(StandardCharsets.US_ASCII));
        assertNull(m.malformed());
        m.release();
    }

    @Test
    void datagramAboveTheLimitIs513() {
        String big = SipStreamDecoderTest.OPTIONS.replace("l: 0\r\n", "X-Pad: " + "p".repeat(5000) + "\r\nl: 0\r\n");
        ByteBuf buf = LeakCheck.buffer(big.getBytes(StandardCharsets.US_ASCII));
        SipMessage m = SipDatagramDecoder.decode(buf, new SipDecoderConfig(4096, 64));
        assertEquals(513, m.rejectStatus());
        m.release();
        buf.release();
    }

    @Test
    void headerSectionWithoutEmptyLineIs400() {
        SipMessage m = decode(SipStreamDecoderTest.OPTIONS.replace("\r\n\r\n", "\r\n"));
        assertEquals(400, m.rejectStatus());
        assertEquals("no empty line ends the header section", m.malformed());
        m.release();
    }

    @Test
    void contentLengthWithTrailingGarbageIsAFramingError() {
        SipMessage m = decode(SipStreamDecoderTest.OPTIONS.replace("l: 0", "l: 0\t7"));
        assertEquals(400, m.rejectStatus());
        m.release();
    }

    /** Decodes a datagram; the returned message holds the only reference to its bytes. */
    private static SipMessage decode(String text) {
        ByteBuf buf = LeakCheck.buffer(text.getBytes(StandardCharsets.UTF_8));
        SipMessage m = SipDatagramDecoder.decode(buf, SipDecoderConfig.DEFAULT);
        buf.release();
        return m;
    }

    private static DatagramPacket packet(String text) {
        return new DatagramPacket(LeakCheck.buffer(text.getBytes(StandardCharsets.UTF_8)), LOCAL, PEER);
    }
}
