package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw head of a request names the transaction its decoded message would be matched to. */
class RawRequestHeadTest {
    private static final String REST = "From: <sip:01055550001@127.0.0.10>;tag=1\r\nTo: <sip:13800000001@127.0.0.2>\r\n"
            + "Call-ID: c1@127.0.0.10\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

    @ParameterizedTest
    @ValueSource(strings = {
        "Via: SIP/2.0/UDP 127.0.0.10:5060;branch=z9hG4bK-1;rport\r\n",
        "v: SIP/2.0/UDP 127.0.0.10;branch=z9hG4bK-2\r\n",
        "VIA : SIP / 2.0 / UDP   PC33.Atlanta.COM:5060 ; branch = z9hG4bK-3 , SIP/2.0/UDP x:1;branch=z9hG4bK-0\r\n",
        "Max-Forwards: 70\r\nVia: SIP/2.0/UDP [2001:db8::10]:5060;branch=z9hG4bK-4\r\n",
    })
    void givesTheMethodAndTopViaTheDecoderReads(String viaLines) {
        String text = "INVITE sip:13800000001@127.0.0.2 SIP/2.0\r\n" + viaLines + REST;
        SipMessage decoded = decode(text);
        RawRequestHead head = scan(text);
        assertNotNull(head);
        assertEquals(decoded.method(), head.method());
        assertEquals(decoded.topVia().branch(), head.topVia().branch());
        assertEquals(decoded.topVia().sentBy(), head.topVia().sentBy());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK-1\r\n" + "\r\n",
        "ACK sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.10:5060;branch=z9hG4bK-1\r\n\r\n",
        "CANCEL sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.10:5060;branch=z9hG4bK-1\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.10:5060;branch=old-2543-branch\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.10:5060\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP\r\n 127.0.0.10:5060;branch=z9hG4bK-folded\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 10.10.10.256;branch=z9hG4bK-bad-host\r\n\r\n",
        "INVITE sip:a@b SIP/2.0\r\nTo: <sip:a@b>\r\n\r\nVia: SIP/2.0/UDP 127.0.0.10;branch=z9hG4bK-in-body\r\n",
        "FOO sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.10;branch=z9hG4bK-unknown-method\r\n\r\n",
        "",
    })
    void leavesEverythingUnusualToTheDecoder(String text) {
        assertNull(scan(text));
    }

    /** Every torture request the scan reads must be the transaction the decoded message names. */
    @Test
    void agreesWithTheDecoderOnEveryTortureRequest() {
        int compared = 0;
        for (String corpus : List.of(Corpus.RFC4475, Corpus.RFC5118)) {
            for (Corpus.Row row : Corpus.rows(corpus)) {
                ByteBuf raw = Unpooled.wrappedBuffer(Corpus.wireBytes(row));
                RawRequestHead head = RawRequestHead.scan(raw);
                if (head == null) {
                    continue;
                }
                SipMessage decoded = SipDatagramDecoder.decode(raw, SipDecoderConfig.DEFAULT);
                assertEquals(decoded.method(), head.method(), row.toString());
                assertEquals(decoded.topVia().branch(), head.topVia().branch(), row.toString());
                assertEquals(decoded.topVia().sentBy(), head.topVia().sentBy(), row.toString());
                compared++;
            }
        }
        assertTrue(compared > 10, "compared only " + compared + " requests");
    }

    private static RawRequestHead scan(String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        try {
            return RawRequestHead.scan(buf);
        } finally {
            buf.release();
        }
    }

    private static SipMessage decode(String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
        try {
            return SipDatagramDecoder.decode(buf, SipDecoderConfig.DEFAULT);
        } finally {
            buf.release();
        }
    }
}
