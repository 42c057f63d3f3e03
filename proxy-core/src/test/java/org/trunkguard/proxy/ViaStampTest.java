package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trunkguard.sip.SipDatagramDecoder;
import org.trunkguard.sip.SipDecoderConfig;
import org.trunkguard.sip.SipMessage;

class ViaStampTest {
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.10", 5072);

    private static String stamp(String via) {
        String text = "OPTIONS sip:a@b SIP/2.0\r\nVia: " + via + "\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\n"
                + "Call-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        SipMessage m = SipDatagramDecoder.decode(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)),
                SipDecoderConfig.DEFAULT);
        try {
            return ViaStamp.stampedFirstLine(m, SOURCE);
        } finally {
            m.release();
        }
    }

    @Test
    void rportIsFilledAndReceivedAdded() {
        assertEquals("SIP/2.0/UDP 127.0.0.10:5072;branch=z9hG4bK1;rport=5072;received=127.0.0.10",
                stamp("SIP/2.0/UDP 127.0.0.10:5072;branch=z9hG4bK1;rport"));
    }

    @Test
    void valuesTheClientWroteAreReplacedAndLaterViasKept() {
        assertEquals("SIP/2.0/UDP 192.0.2.66;branch=z9hG4bK2;rport=5072;received=127.0.0.10, SIP/2.0/UDP x;branch=z9hG4bK3",
                stamp("SIP/2.0/UDP 192.0.2.66;received=203.0.113.9;branch=z9hG4bK2;rport=1, SIP/2.0/UDP x;branch=z9hG4bK3"));
    }

    @Test
    void aTruthfulViaWithoutRportIsLeftAlone() {
        assertNull(stamp("SIP/2.0/UDP 127.0.0.10:5072;branch=z9hG4bK4"));
    }
}
