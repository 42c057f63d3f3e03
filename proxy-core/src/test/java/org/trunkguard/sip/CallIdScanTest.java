package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw scan routes a datagram to the loop the decoded message's Call-ID names. */
class CallIdScanTest {
    private static final String HEAD = "INVITE sip:13800000001@127.0.0.2 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.10:5060;branch=z9hG4bK-1\r\n"
            + "From: <sip:01055550001@127.0.0.10>;tag=1\r\n"
            + "To: <sip:13800000001@127.0.0.2>\r\n";
    private static final String TAIL = "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";

    @ParameterizedTest
    @ValueSource(strings = {
        "Call-ID: a84b4c76e66710@pc33.atlanta.com\r\n",
        "call-id:a84b4c76e66710\r\n",
        "CALL-ID   :   a84b4c76e66710@host  \r\n",
        "i: compact-form-1\r\n",
        "I:\tcompact-form-2\r\n",
        "Call-ID:\r\n  folded-before-the-value@host\r\n",
        "Call-ID: 1-27457@127.0.0.10\n",
    })
    void hashesTheCallIdTheDecoderReads(String callIdLine) {
        SipMessage decoded = decode(HEAD + callIdLine + TAIL);
        ByteBuf raw = bytes(HEAD + callIdLine + TAIL);
        assertEquals(decoded.callId().hashCode() & 0xffffffffL, CallIdScan.hash(raw), decoded.callId());
        raw.release();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "X-Call-ID: not-this-one\r\nCall-ID: this-one\r\n",
        "Subject: call-id: no\r\nCall-ID: this-one\r\n",
        "Call-Info: <http://x>\r\nCall-ID: this-one\r\n",
    })
    void findsTheCallIdLineAmongLookalikes(String lines) {
        ByteBuf raw = bytes(HEAD + lines + TAIL);
        assertEquals("this-one".hashCode() & 0xffffffffL, CallIdScan.hash(raw));
        raw.release();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0 200 OK\r\nVia: x\r\n\r\nCall-ID: in-the-body\r\n",
        "INVITE sip:a@b SIP/2.0\r\n",
        "",
        "\r\n\r\n",
        "Call-ID: on-the-start-line\r\n\r\n",
    })
    void noCallIdLineInTheHeaderSectionIsNone(String text) {
        ByteBuf raw = bytes(text);
        assertEquals(CallIdScan.NONE, CallIdScan.hash(raw));
        raw.release();
    }

    /**
     * Every RFC 4475 / RFC 5118 torture message, valid or not: where the decoder reads an ASCII
     * Call-ID the scan must agree, or the message would be decoded on a loop that does not own
     * its call. (A Call-ID with other bytes is refused with 400 wherever it lands.)
     */
    @Test
    void agreesWithTheDecoderOnEveryTortureMessage() {
        int compared = 0;
        for (String corpus : List.of(Corpus.RFC4475, Corpus.RFC5118)) {
            for (Corpus.Row row : Corpus.rows(corpus)) {
                byte[] wire = Corpus.wireBytes(row);
                ByteBuf raw = Unpooled.wrappedBuffer(wire);
                SipMessage decoded = SipDatagramDecoder.decode(raw, SipDecoderConfig.DEFAULT);
                String callId = decoded == null ? null : decoded.callId();
                if (callId != null && callId.chars().allMatch(c -> c < 128)) {
                    assertEquals(callId.hashCode() & 0xffffffffL, CallIdScan.hash(raw), row.toString());
                    compared++;
                }
            }
        }
        assertTrue(compared > 40, "compared only " + compared + " messages");
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private static SipMessage decode(String text) {
        ByteBuf buf = bytes(text);
        try {
            return SipDatagramDecoder.decode(buf, SipDecoderConfig.DEFAULT);
        } finally {
            buf.release();
        }
    }
}
