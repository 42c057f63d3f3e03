package org.trunkguard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SipTextTest {
    private static final String RESPONSE = "SIP/2.0 200 OK\r\n"
            + "v: SIP/2.0/UDP 127.0.0.10:5070;branch=z9hG4bKa\r\n"
            + "Record-Route: <sip:127.0.0.1:5060;lr>\r\n"
            + "record-route: <sip:192.0.2.1;lr>\r\n"
            + "f: <sip:01055550000@127.0.0.10>;tag=lg0\r\n"
            + "To: <sip:13900000000@127.0.0.2>;tag=core1\r\n"
            + "i: lgabc-7@127.0.0.10\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "m: <sip:core@127.0.0.2:5080>\r\n"
            + "Content-Length: 0\r\n\r\n";

    @Test
    void readsCompactAndLongHeaderNames() {
        List<String> headers = SipText.headerLines(RESPONSE);
        assertEquals(9, headers.size());
        assertEquals("lgabc-7@127.0.0.10", SipText.first(headers, "call-id"));
        assertEquals("<sip:core@127.0.0.2:5080>", SipText.first(headers, "contact"));
        assertEquals(2, SipText.all(headers, "record-route").size());
        assertNull(SipText.first(headers, "p-asserted-identity"));
    }

    @Test
    void statusMethodAndUri() {
        assertEquals(200, SipText.status(RESPONSE));
        assertEquals(-1, SipText.status("INVITE sip:x SIP/2.0\r\n\r\n"));
        assertEquals(-1, SipText.status("SIP/2.0 2x0 Odd\r\n\r\n"));
        assertEquals("BYE", SipText.requestMethod("BYE sip:x SIP/2.0\r\n"));
        assertEquals("INVITE", SipText.cseqMethod("1 INVITE"));
        assertEquals("sip:core@127.0.0.2:5080", SipText.uri("\"Core\" <sip:core@127.0.0.2:5080>;expires=1"));
        assertEquals("sip:bare@host", SipText.uri("sip:bare@host"));
    }
}
