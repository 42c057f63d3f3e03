package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of the RFC 4475 and RFC 5118 EXPECTATIONS.tsv, decoded as a UDP datagram by
 * {@link SipDatagramDecoder#decode} and checked by {@link SipSanity#check}: the verdict of
 * {@link CorpusVerdicts} and, for VALID files, the facts the row names.
 */
@ExtendWith(LeakCheck.class)
class DatagramCorpusTest {

    static Stream<Corpus.Row> rows() {
        List<Corpus.Row> rows = new ArrayList<>(Corpus.rows(Corpus.RFC4475));
        rows.add(new Corpus.Row(Corpus.RFC4475_VARIANTS, "baddn.crlf-terminated.dat", "3.1.2.15",
                "Non-token Characters in Display Name (corrected copy)", "INVALID", "400"));
        rows.addAll(Corpus.rows(Corpus.RFC5118));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdictAsExpected(Corpus.Row row) {
        CorpusVerdicts.Expected expected = CorpusVerdicts.of(row);
        ByteBuf datagram = LeakCheck.buffer(Corpus.wireBytes(row));
        SipMessage message = SipDatagramDecoder.decode(datagram, SipDecoderConfig.DEFAULT);
        try {
            assertNotNull(message, "not a keep-alive");
            assertEquals(0, datagram.readerIndex(), "decode does not consume the datagram");
            assertVerdict(row, expected, message);
        } finally {
            message.release();
            assertEquals(1, datagram.refCnt(), "the message released its slice");
            datagram.release();
        }
    }

    static void assertVerdict(Corpus.Row row, CorpusVerdicts.Expected expected, SipMessage message) {
        boolean sane = SipSanity.check(message);
        switch (expected.outcome()) {
            case VALID -> {
                assertNull(message.malformed(), row + " must parse");
                assertTrue(sane);
                expected.facts().accept(message);
            }
            case REJECT -> {
                assertFalse(sane, row + " must be rejected");
                assertTrue(message.isRequest(), row + " is a request");
                assertEquals(expected.status(), message.rejectStatus(), row + ": " + message.malformed());
                expected.facts().accept(message);
            }
            case DROP -> {
                assertFalse(sane, row + " must be dropped");
                assertFalse(message.isRequest(), row + " is a response: dropped, never answered");
            }
            default -> throw new AssertionError(expected.outcome());
        }
    }

    /** RFC 5118's two SDP files parse once their Content-Length matches the body they carry. */
    @ParameterizedTest
    @ValueSource(strings = {"ipv6-in-sdp", "mult-ip-in-sdp"})
    void rfc5118SdpFilesParseWithCorrectedContentLength(String file) {
        String wire = new String(Corpus.wireBytes(Corpus.RFC5118, file), StandardCharsets.ISO_8859_1);
        int bodyLength = wire.length() - wire.indexOf("\r\n\r\n") - 4;
        String corrected = wire.replaceFirst("Content-Length: \\d+", "Content-Length: " + bodyLength);
        ByteBuf datagram = LeakCheck.buffer(corrected.getBytes(StandardCharsets.ISO_8859_1));
        SipMessage message = SipDatagramDecoder.decode(datagram, SipDecoderConfig.DEFAULT);
        try {
            assertTrue(SipSanity.check(message), message.malformed());
            assertEquals(bodyLength, message.bodyLength());
            assertTrue(message.body().toString(StandardCharsets.US_ASCII).contains("IN IP6 2001:db8::"));
        } finally {
            message.release();
            datagram.release();
        }
    }

    @Test
    void everyRowHasADecision() {
        assertEquals(49 + 1 + 1 + 12, rows().count(), "49 RFC 4475 sections, test.dat, baddn variant, 12 RFC 5118");
        rows().forEach(CorpusVerdicts::of);
    }
}
