package org.trunkguard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UacMessagesTest {
    private final UacMessages messages = new UacMessages("127.0.0.10", 5070, "r1", 1055550000L, 10_000);

    @Test
    void callIdsFindTheirSlotAndRefuseOtherRuns() {
        assertEquals(12345, messages.index(messages.callId(12345)));
        assertEquals(-1, messages.index("lgr2-12345@127.0.0.10"));
        assertEquals(-1, messages.index("lgr1-12x@127.0.0.10"));
        assertEquals(-1, messages.index(null));
    }

    @Test
    void callersCycleThroughTheSegment() {
        assertEquals("01055550000", messages.caller(0));
        assertEquals("01055559999", messages.caller(9_999));
        assertEquals("01055550000", messages.caller(10_000));
    }

    @Test
    void inviteDeclaresItsBodyLength() {
        String invite = new String(messages.invite(3), StandardCharsets.ISO_8859_1);
        int body = invite.indexOf("\r\n\r\n") + 4;
        List<String> headers = SipText.headerLines(invite);
        assertEquals(invite.length() - body, Integer.parseInt(SipText.first(headers, "content-length")));
        assertEquals("<sip:01055550003@127.0.0.10>;tag=lg3", SipText.first(headers, "from"));
    }

    @Test
    void byeFollowsTheRecordedRouteInReverseToTheContact() {
        List<String> answer = SipText.headerLines("SIP/2.0 200 OK\r\n"
                + "Record-Route: <sip:first.example;lr>\r\n"
                + "Record-Route: <sip:second.example;lr>\r\n"
                + "To: <sip:13900000003@127.0.0.2>;tag=core9\r\n"
                + "Contact: <sip:core@127.0.0.2:5080>\r\n\r\n");
        String bye = new String(messages.bye(3, answer), StandardCharsets.ISO_8859_1);
        assertTrue(bye.startsWith("BYE sip:core@127.0.0.2:5080 SIP/2.0\r\n"), bye);
        assertTrue(bye.indexOf("Route: <sip:second.example;lr>") < bye.indexOf("Route: <sip:first.example;lr>"), bye);
        assertTrue(bye.contains("\r\nTo: <sip:13900000003@127.0.0.2>;tag=core9\r\n"), bye);
        assertTrue(bye.contains("\r\nCSeq: 2 BYE\r\n"), bye);
        String ack = new String(messages.ackForFailure(3, answer), StandardCharsets.ISO_8859_1);
        String invite = new String(messages.invite(3), StandardCharsets.ISO_8859_1);
        assertEquals(SipText.first(SipText.headerLines(invite), "via"), SipText.first(SipText.headerLines(ack), "via"),
                "the ACK of a failure belongs to the INVITE transaction");
    }
}
