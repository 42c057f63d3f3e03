package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpora over a TCP connection: {@link SipStreamDecoder} in an {@link EmbeddedChannel}, fed
 * each file whole and one byte at a time. Where framing allows, the verdict is the datagram one;
 * mcl01, ncl and inv2543 (no Content-Length) close the connection at once; clerr, the archive's
 * baddn and the two RFC 5118 files whose Content-Length exceeds their body wait and close after
 * the incomplete timeout. Time is driven by the channel's scheduler, never by sleeping.
 */
@ExtendWith(LeakCheck.class)
class StreamCorpusTest {
    private static final long TIMEOUT_MILLIS = 2_000;

    static List<Corpus.Row> rows() {
        return DatagramCorpusTest.rows().toList();
    }

    @ParameterizedTest(name = "{0} whole={1}")
    @MethodSource("rowsTimesChunking")
    void verdictOverStream(Corpus.Row row, boolean whole) {
        CorpusVerdicts.Expected expected = CorpusVerdicts.of(row);
        List<String> framingErrors = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(
                new SipStreamDecoder(SipDecoderConfig.DEFAULT, TIMEOUT_MILLIS, (peer, reason) -> framingErrors.add(reason)));
        channel.freezeTime();
        byte[] wire = Corpus.wireBytes(row);
        write(channel, wire, whole ? wire.length : 1);
        switch (expected.stream()) {
            case SAME -> {
                InboundSip first = channel.readInbound();
                assertNotNull(first, row + " delivers a message");
                assertEquals(Transport.TCP, first.transport());
                try {
                    DatagramCorpusTest.assertVerdict(row, expected, first.message());
                } finally {
                    first.message().release();
                }
                if (row.file().equals("dblreq.dat")) {
                    // On a stream the "trailing octets" are the next message: that is what a stream is.
                    InboundSip second = channel.readInbound();
                    // Its body is 155 octets for a Content-Length of 150: the last 5 are a header
                    // section with no Content-Length, so the connection closes.
                    assertEquals(Methods.INVITE, second.message().method());
                    second.message().release();
                    assertFalse(channel.isOpen());
                    assertEquals(1, framingErrors.size(), framingErrors.toString());
                } else {
                    assertTrue(channel.isOpen());
                    assertTrue(framingErrors.isEmpty(), framingErrors.toString());
                }
                assertNull(channel.readInbound(), "nothing else");
            }
            case CLOSE -> {
                assertNull(channel.readInbound(), row + " delivers nothing");
                assertFalse(channel.isOpen(), row + " closes the connection");
                assertEquals(1, framingErrors.size(), framingErrors.toString());
            }
            case CLOSE_AFTER_TIMEOUT -> {
                assertNull(channel.readInbound(), row + " is incomplete");
                channel.advanceTimeBy(TIMEOUT_MILLIS - 1, TimeUnit.MILLISECONDS);
                channel.runScheduledPendingTasks();
                assertTrue(channel.isOpen(), "still waiting just before the timeout");
                channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
                channel.runScheduledPendingTasks();
                assertFalse(channel.isOpen(), row + " closed after the incomplete timeout");
                assertEquals(List.of("message incomplete after " + TIMEOUT_MILLIS + " ms"), framingErrors);
            }
            default -> throw new AssertionError(expected.stream());
        }
        channel.finishAndReleaseAll();
    }

    static List<Object[]> rowsTimesChunking() {
        List<Object[]> cases = new ArrayList<>();
        for (Corpus.Row row : rows()) {
            cases.add(new Object[] {row, true});
            cases.add(new Object[] {row, false});
        }
        return cases;
    }

    /** Whole or byte by byte, a message over TCP has the very bytes the datagram decoder framed. */
    @ParameterizedTest
    @ValueSource(strings = {"wsinv.dat", "mpart01.dat", "longreq.dat", "unreason.dat", "intmeth.dat"})
    void byteByByteFramesTheSameBytesAsTheDatagramDecoder(String file) {
        byte[] wire = Corpus.wireBytes(Corpus.RFC4475, file);
        ByteBuf packet = LeakCheck.buffer(wire);
        SipMessage datagram = SipDatagramDecoder.decode(packet, SipDecoderConfig.DEFAULT);
        EmbeddedChannel channel = new EmbeddedChannel(
                new SipStreamDecoder(SipDecoderConfig.DEFAULT, TIMEOUT_MILLIS, (peer, reason) -> { }));
        write(channel, wire, 1);
        InboundSip streamed = channel.readInbound();
        try {
            assertArrayEquals(ByteBufUtil.getBytes(datagram.content()), ByteBufUtil.getBytes(streamed.message().content()));
            assertEquals(datagram.headerLineCount(), streamed.message().headerLineCount());
            assertEquals(datagram.bodyLength(), streamed.message().bodyLength());
        } finally {
            datagram.release();
            packet.release();
            streamed.message().release();
            channel.finishAndReleaseAll();
        }
    }

    static void write(EmbeddedChannel channel, byte[] wire, int fragment) {
        for (int i = 0; i < wire.length && channel.isOpen(); i += fragment) {
            channel.writeInbound(LeakCheck.buffer(java.util.Arrays.copyOfRange(wire, i, Math.min(wire.length, i + fragment))));
        }
    }
}
