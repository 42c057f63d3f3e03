package org.trunkguard.load;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The caller's side of a call as text: INVITE, the ACK for a 2xx (end to end, along the route set
 * the 200 recorded) or for a failure (hop by hop, same branch), and BYE.
 *
 * <p>Call-IDs are {@code lg<run>-<index>@<host>}: the index finds the call's slot in
 * {@link CallBook} without a map, and the run tag keeps a straggler from an earlier run from
 * being counted as an answer in this one.
 */
final class UacMessages {
    /** A modest audio offer: real INVITEs carry SDP, and its size is part of what the proxy copies. */
    private static final String SDP = "v=0\r\n"
            + "o=lg 2890844526 2890844526 IN IP4 %s\r\n"
            + "s=-\r\n"
            + "c=IN IP4 %s\r\n"
            + "t=0 0\r\n"
            + "m=audio 49170 RTP/AVP 8 0 101\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendrecv\r\n";

    private final String host;
    private final int port;
    private final String run;
    private final String sdp;
    private final long firstCaller;
    private final int callers;

    UacMessages(String host, int port, String run, long firstCaller, int callers) {
        this.host = host;
        this.port = port;
        this.run = run;
        this.sdp = String.format(SDP, host, host);
        this.firstCaller = firstCaller;
        this.callers = callers;
    }

    /** The calling number of call {@code index}: the enterprise's segment, in turn. */
    String caller(int index) {
        return "0" + (firstCaller + index % callers);
    }

    static String callee(int index) {
        return Long.toString(13_900_000_000L + index % 100_000_000);
    }

    String callId(int index) {
        return "lg" + run + "-" + index + "@" + host;
    }

    /** The call's index from its Call-ID, or -1 when the Call-ID is not one of this run's. */
    int index(String callId) {
        String prefix = "lg" + run + "-";
        int at = callId == null ? -1 : callId.indexOf('@');
        if (at < 0 || !callId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(callId, prefix.length(), at, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    byte[] invite(int index) {
        String callee = callee(index);
        return bytes("INVITE sip:" + callee + "@127.0.0.2 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=" + inviteBranch(index) + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + caller(index) + "@" + host + ">;tag=" + fromTag(index) + "\r\n"
                + "To: <sip:" + callee + "@127.0.0.2>\r\n"
                + "Call-ID: " + callId(index) + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + caller(index) + "@" + host + ":" + port + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    /** ACK for a 2xx: a new transaction to the callee's Contact, through the recorded route. */
    byte[] ackFor2xx(int index, List<String> responseHeaders) {
        return inDialog("ACK", 1, index, responseHeaders);
    }

    /** BYE within the dialog the 200 established. */
    byte[] bye(int index, List<String> responseHeaders) {
        return inDialog("BYE", 2, index, responseHeaders);
    }

    /** ACK for a non-2xx final response: part of the INVITE transaction, so the same branch and Request-URI. */
    byte[] ackForFailure(int index, List<String> responseHeaders) {
        String callee = callee(index);
        return bytes("ACK sip:" + callee + "@127.0.0.2 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=" + inviteBranch(index) + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + caller(index) + "@" + host + ">;tag=" + fromTag(index) + "\r\n"
                + "To: " + SipText.first(responseHeaders, "to") + "\r\n"
                + "Call-ID: " + callId(index) + "\r\n"
                + "CSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    private byte[] inDialog(String method, int cseq, int index, List<String> responseHeaders) {
        StringBuilder b = new StringBuilder(512);
        String contact = SipText.first(responseHeaders, "contact");
        b.append(method).append(' ').append(contact == null ? "sip:" + callee(index) + "@127.0.0.2" : SipText.uri(contact))
                .append(" SIP/2.0\r\n");
        b.append("Via: SIP/2.0/UDP ").append(host).append(':').append(port).append(";branch=z9hG4bK").append(run)
                .append('-').append(index).append('-').append(method).append(";rport\r\n");
        b.append("Max-Forwards: 70\r\n");
        List<String> recordRoutes = SipText.all(responseHeaders, "record-route");
        // The caller's route set is the Record-Route of the 2xx in reverse order (RFC 3261 §12.1.2).
        for (int i = recordRoutes.size() - 1; i >= 0; i--) {
            b.append("Route: ").append(SipText.value(recordRoutes.get(i))).append("\r\n");
        }
        b.append("From: <sip:").append(caller(index)).append('@').append(host).append(">;tag=").append(fromTag(index))
                .append("\r\n");
        b.append("To: ").append(SipText.first(responseHeaders, "to")).append("\r\n");
        b.append("Call-ID: ").append(callId(index)).append("\r\n");
        b.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        return bytes(b.toString());
    }

    private String inviteBranch(int index) {
        return "z9hG4bK" + run + "-" + index + "-INVITE";
    }

    private String fromTag(int index) {
        return "lg" + index;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
