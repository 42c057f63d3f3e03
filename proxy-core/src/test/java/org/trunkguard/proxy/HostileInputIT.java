package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.sip.Transport;

/**
 * Issue 13 (hostile input, round two), items 1, 2 and 5, through a running node over real UDP
 * sockets: raw bytes from the enterprise trunk's address, raw bytes at the core. Every message
 * is handled as ISO-8859-1, one char per wire byte, so a byte the proxy changed shows as a
 * changed char instead of disappearing into a decoder.
 */
class HostileInputIT {
    private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 5060);
    private static final String CALLER = TestTopology.CALLER_HOST;
    private static final int CALLER_PORT = 5072;
    private static final Logger DECISIONS = Logger.getLogger("org.trunkguard.decisions");

    private static TrunkguardNode node;
    private static DatagramSocket caller;
    private static DatagramSocket core;
    private static final List<String> LOGGED = new CopyOnWriteArrayList<>();
    private static final AppenderSkeleton CAPTURE = new AppenderSkeleton() {
        @Override
        protected void append(LoggingEvent event) {
            LOGGED.add(event.getRenderedMessage());
        }

        @Override
        public void close() {
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    };
    private static Level decisionsLevel;

    @BeforeAll
    static void start() throws Exception {
        decisionsLevel = DECISIONS.getLevel();
        DECISIONS.setLevel(Level.INFO);
        DECISIONS.addAppender(CAPTURE);
        node = TrunkguardNode.start(TestTopology.load(Transport.UDP), TrunkguardNode.NodeObservers.NONE, Clock.systemUTC());
        caller = new DatagramSocket(new InetSocketAddress(CALLER, CALLER_PORT));
        core = new DatagramSocket(new InetSocketAddress(TestTopology.CORE_HOST, TestTopology.CORE_PORT));
    }

    @AfterAll
    static void stop() {
        caller.close();
        core.close();
        node.close();
        DECISIONS.removeAppender(CAPTURE);
        DECISIONS.setLevel(decisionsLevel);
    }

    @BeforeEach
    void drain() throws Exception {
        while (receive(caller, 50, m -> true) != null || receive(core, 50, m -> true) != null) {
            // what earlier tests left behind
        }
        LOGGED.clear();
    }

    static String invite(String branch, String via, String from, String to, String callId, String extra) {
        return "INVITE sip:13900000001@core.example.net SIP/2.0\r\n"
                + "Via: " + via + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static final String VIA = "SIP/2.0/UDP " + CALLER + ":" + CALLER_PORT;
    private static final String FROM = "<sip:01055550001@" + CALLER + ">;tag=f13";
    private static final String TO = "<sip:13900000001@core.example.net>";
    private static final String PLAIN_CONTACT = " | Contact: <sip:a@127.0.0.10> | ";
    private static final String CONTACT = "Contact: <sip:01055550001@" + CALLER + ":" + CALLER_PORT + ">\r\n";

    /** Each row: what is wrong; the top Via, From, Contact line and Call-ID of the INVITE; the 400's reason. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NUL before the Via host | SIP/2.0/UDP \u0000127.0.0.10:5072 | " + FROM + PLAIN_CONTACT + "c1"
            + " | control byte 0x00 in the Via header",
        "0x01 before the Via host | SIP/2.0/UDP \u0001127.0.0.10:5072 | " + FROM + PLAIN_CONTACT + "c2"
            + " | control byte 0x01 in the Via header",
        "NUL in the From display name | SIP/2.0/UDP 127.0.0.10:5072 | \"Al\u0000ice\" <sip:01055550001@127.0.0.10>;tag=f1"
            + PLAIN_CONTACT + "c3 | control byte 0x00 in the From header",
        "0x01 in a Contact display name | SIP/2.0/UDP 127.0.0.10:5072 | " + FROM
            + " | Contact: Bob\u0001 <sip:a@127.0.0.10> | c4 | control byte 0x01 in the Contact header",
        "Via host 10.10.10.256 | SIP/2.0/UDP 10.10.10.256:5072 | " + FROM + PLAIN_CONTACT + "c5 | Via sent-by is malformed",
        "Via host -255.10.10.1 | SIP/2.0/UDP -255.10.10.1 | " + FROM + PLAIN_CONTACT + "c6 | Via sent-by is malformed",
        "Via host -1 | SIP/2.0/UDP -1 | " + FROM + PLAIN_CONTACT + "c7 | Via sent-by is malformed",
        "Call-ID of non-ASCII bytes | SIP/2.0/UDP 127.0.0.10:5072 | " + FROM + PLAIN_CONTACT + "\u00ff\u00fe@x"
            + " | Call-ID is not word or word@word (RFC 3261 callid)",
    }, ignoreLeadingAndTrailingWhitespace = false)
    void issue13ControlBytesBadViaHostsAndNonAsciiCallIdsGet400AndNeverReachTheCore(String what, String via, String from,
                                                                                    String contact, String callId,
                                                                                    String reason) throws Exception {
        long before = node.proxy().counters().malformedRequests.sum();
        String branch = "z9hG4bK13" + Math.abs(what.hashCode());
        send(caller, invite(branch, via.strip(), from.strip(), TO, callId.strip(), contact.strip() + "\r\n"));
        String answer = receive(caller, 2000, m -> !m.startsWith("SIP/2.0 1") && m.contains(branch));
        assertNotNull(answer, what + ": no final response");
        assertEquals("SIP/2.0 400 " + reason.strip(), firstLine(answer), what);
        assertNull(receive(core, 300, m -> true), what + ": reached the core");
        assertEquals(before + 1, node.proxy().counters().malformedRequests.sum(), what);
    }

    static String outOfDialog(String method, String requestUri, String branch, String callerNumber, String callId) {
        String body = "MESSAGE".equals(method) ? "you have won a prize" : "";
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: " + VIA + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + callerNumber + "@" + CALLER + ">;tag=f13\r\n"
                + "To: " + TO + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + ("SUBSCRIBE".equals(method) ? "Event: presence\r\nContact: <sip:a@127.0.0.10>\r\n" : "")
                + ("REFER".equals(method) ? "Refer-To: <sip:13900000002@core.example.net>\r\nContact: <sip:a@127.0.0.10>\r\n" : "")
                + ("MESSAGE".equals(method) ? "Content-Type: text/plain\r\n" : "")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /**
     * Item 4: a request outside a call that presents a calling identity toward a subscriber is
     * judged by the caller-ID rules as an INVITE is. A spoofed caller (outside ent-demo's segments)
     * gets 403 naming the rule and never reaches the core; the same request from a number the
     * enterprise holds is forwarded.
     */
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"MESSAGE, sip:13900000001@core.example.net", "MESSAGE, sip:core.example.net",
        "SUBSCRIBE, sip:13900000001@core.example.net", "OPTIONS, sip:13900000001@core.example.net",
        "REFER, sip:13900000001@core.example.net"})
    void issue13SpoofedCallerOutsideInviteIsRefusedAndNeverReachesTheCore(String method, String requestUri) throws Exception {
        long refused = node.proxy().counters().requestsRefused.sum();
        String spoofed = "z9hG4bK13s" + method + requestUri.length();
        send(caller, outOfDialog(method, requestUri, spoofed, "01066660001", "spoof-" + spoofed));
        String answer = receive(caller, 2000, m -> m.contains(spoofed));
        assertNotNull(answer, method + ": no answer");
        assertEquals("SIP/2.0 403 Forbidden", firstLine(answer), answer);
        assertTrue(answer.contains("Reason: SIP;cause=403;text=\"segment-ownership: "), answer);
        assertNull(receive(core, 300, m -> m.contains(spoofed)), method + " with a spoofed caller reached the core");
        assertEquals(refused + 1, node.proxy().counters().requestsRefused.sum());

        String genuine = "z9hG4bK13g" + method + requestUri.length();
        send(caller, outOfDialog(method, requestUri, genuine, "01055550001", "genuine-" + genuine));
        String forwarded = receive(core, 2000, m -> m.contains(genuine));
        assertNotNull(forwarded, method + " from a number the enterprise holds is forwarded");
        assertTrue(forwarded.startsWith(method + " "), forwarded);
        answerFromCore(forwarded, genuine);
    }

    /** The core's 200 to a forwarded request, relayed to the caller: nothing is left retransmitting. */
    private static void answerFromCore(String forwarded, String branch) throws Exception {
        byte[] ok = response(forwarded, "200 OK", "core13").getBytes(StandardCharsets.ISO_8859_1);
        core.send(new DatagramPacket(ok, ok.length, PROXY));
        assertNotNull(receive(caller, 2000, m -> m.startsWith("SIP/2.0 200") && m.contains(branch)), "200 relayed");
    }

    static String register(String branch, String aor, String callId) {
        return "REGISTER sip:core.example.net SIP/2.0\r\n"
                + "Via: " + VIA + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + aor + "@core.example.net>;tag=r13\r\n"
                + "To: <sip:" + aor + "@core.example.net>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + aor + "@" + CALLER + ":" + CALLER_PORT + ">\r\n"
                + "Expires: 3600\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /**
     * Item 4, REGISTER (trunk policy {@code own-numbers}, the default): an address-authenticated
     * trunk may register only a number its enterprise holds.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"a number outside the segments, 01066660001, segment-ownership",
        "a name, alice, irregular-number", "a number the enterprise holds, 01055550001, "})
    void issue13RegisterOnlyForNumbersTheTrunkHolds(String what, String aor, String rule) throws Exception {
        String branch = "z9hG4bK13r" + aor;
        send(caller, register(branch, aor, "reg-" + aor));
        if (rule == null) {
            String forwarded = receive(core, 2000, m -> m.contains(branch));
            assertNotNull(forwarded, what + ": forwarded to the core's registrar");
            assertTrue(forwarded.startsWith("REGISTER "), forwarded);
            answerFromCore(forwarded, branch);
            return;
        }
        String answer = receive(caller, 2000, m -> m.contains(branch));
        assertNotNull(answer, what + ": no answer");
        assertEquals("SIP/2.0 403 Forbidden", firstLine(answer), answer);
        assertTrue(answer.contains("text=\"" + rule + ": "), answer);
        assertNull(receive(core, 300, m -> m.contains(branch)), what + ": reached the core");
    }

    /** Item 4: a trunk that holds no segments (INTERNATIONAL) registers nothing, whatever the number. */
    @Test
    void issue13TrunkWithoutSegmentsRegistersNothing() throws Exception {
        try (DatagramSocket international = new DatagramSocket(new InetSocketAddress("127.0.0.20", CALLER_PORT))) {
            String branch = "z9hG4bK13intl";
            byte[] b = register(branch, "+14155550100", "reg-intl").replace(CALLER + ":", "127.0.0.20:")
                    .getBytes(StandardCharsets.ISO_8859_1);
            international.send(new DatagramPacket(b, b.length, PROXY));
            String answer = receive(international, 2000, m -> m.contains(branch));
            assertNotNull(answer, "no answer");
            assertEquals("SIP/2.0 403 Forbidden", firstLine(answer), answer);
            assertTrue(answer.contains("text=\"register-policy: the address-of-record is not a number"), answer);
            assertNull(receive(core, 300, m -> m.contains(branch)), "reached the core");
        }
    }

    /**
     * The proxy's own CANCEL and hop-by-hop ACK repeat the forwarded INVITE's identity bytes
     * exactly, bytes that are not UTF-8 included, so the core matches them to its transaction.
     */
    @Test
    void issue13ProxyCancelAndAckRepeatTheIdentityBytesExactly() throws Exception {
        String from = "\"\u00ff\u00fe caller \u00c3\" <sip:01055550001@" + CALLER + ">;tag=f13bytes";
        String to = TO + ";x=\"\u00fe\u00ff\"";
        String callId = "bytes13@" + CALLER;
        String routes = "Route: <sip:127.0.0.1:5060;lr> ,\"\u00e9\u00ff,\" <sip:a.example.net;lr>\r\n"
                + "Route: \"\u00c3\u0028\u00ff\" <sip:core.example.net;lr>\r\n";
        String branch = "z9hG4bKcancel13";
        String via = VIA + ";x=\"\u00ff\u00fe\"";
        String inviteSent = invite(branch, via, from, to, callId, routes + CONTACT);
        send(caller, inviteSent);

        String forwarded = receive(core, 2000, m -> m.startsWith("INVITE "));
        assertNotNull(forwarded, "the INVITE is forwarded");
        for (String name : new String[] {"From", "To", "Call-ID"}) {
            assertEquals(lines(inviteSent, name), lines(forwarded, name), name + " forwarded byte for byte");
        }
        assertEquals(List.of("Route: \"\u00e9\u00ff,\" <sip:a.example.net;lr>",
                "Route: \"\u00c3\u0028\u00ff\" <sip:core.example.net;lr>"), lines(forwarded, "Route"),
                "our own Route entry removed, the others forwarded byte for byte");

        String stampedVia = "Via: " + via + ";branch=" + branch + ";rport=" + CALLER_PORT + ";received=" + CALLER;
        assertEquals(stampedVia, lines(forwarded, "Via").get(1), "the caller's Via stamped, its other bytes kept");

        send(core, response(forwarded, "180 Ringing", "core13"));
        String ringing = receive(caller, 2000, m -> m.startsWith("SIP/2.0 180"));
        assertNotNull(ringing, "180 relayed");
        assertEquals(List.of(stampedVia), lines(ringing, "Via"), "the relayed response's Via byte for byte");
        assertEquals(List.of("To: " + to + ";tag=core13"), lines(ringing, "To"));

        send(caller, inviteSent.replace("INVITE sip:", "CANCEL sip:").replace("CSeq: 1 INVITE", "CSeq: 1 CANCEL")
                .replace(CONTACT, ""));
        assertNotNull(receive(caller, 2000, m -> m.startsWith("SIP/2.0 200") && m.contains("CSeq: 1 CANCEL")),
                "the caller's CANCEL is answered");
        String cancel = receive(core, 2000, m -> m.startsWith("CANCEL "));
        assertNotNull(cancel, "the proxy cancels its own branch");
        assertEquals(firstLine(forwarded).replace("INVITE", "CANCEL"), firstLine(cancel));
        assertEquals(lines(forwarded, "Via").get(0), lines(cancel, "Via").get(0), "the CANCEL's Via is the INVITE's top Via");
        assertEquals(1, lines(cancel, "Via").size());
        for (String name : new String[] {"From", "To", "Call-ID", "Route"}) {
            assertEquals(lines(forwarded, name), lines(cancel, name), name + " of the CANCEL");
        }
        assertEquals(List.of("CSeq: 1 CANCEL"), lines(cancel, "CSeq"));

        send(core, response(cancel, "200 OK", "core13"));
        String terminated = response(forwarded, "487 Request Terminated", "core13");
        send(core, terminated);
        String ack = receive(core, 2000, m -> m.startsWith("ACK "));
        assertNotNull(ack, "the proxy acknowledges the 487 on its hop");
        assertEquals(firstLine(forwarded).replace("INVITE", "ACK"), firstLine(ack));
        assertEquals(lines(forwarded, "Via").get(0), lines(ack, "Via").get(0));
        for (String name : new String[] {"From", "Call-ID", "Route"}) {
            assertEquals(lines(forwarded, name), lines(ack, name), name + " of the ACK");
        }
        assertEquals(lines(terminated, "To"), lines(ack, "To"), "the ACK's To is the 487's, with the core's tag");
        assertEquals(List.of("CSeq: 1 ACK"), lines(ack, "CSeq"));
        String relayed = receive(caller, 2000, m -> m.startsWith("SIP/2.0 487"));
        assertNotNull(relayed, "487 relayed to the caller");
        send(caller, inviteSent.replace("INVITE sip:", "ACK sip:").replace("CSeq: 1 INVITE", "CSeq: 1 ACK")
                .replace(CONTACT, "").replace("To: " + to + "\r\n", lines(relayed, "To").get(0) + "\r\n"));
    }

    /** A response the proxy writes itself repeats the request's To bytes and only adds the tag. */
    @Test
    void issue13LocalResponsesRepeatTheToBytes() throws Exception {
        String to = TO + ";x=\"\u00fe\u00ff\u00c3\"";
        String via = VIA + ";x=\"\u00ff\"";
        send(caller, invite("z9hG4bKlocal13", via, "<sip:13812345678@" + CALLER + ">;tag=r13", to, "local13@" + CALLER,
                CONTACT));
        String trying = receive(caller, 2000, m -> m.startsWith("SIP/2.0 100"));
        String refused = receive(caller, 2000, m -> m.startsWith("SIP/2.0 403"));
        assertNotNull(refused, "a caller outside the trunk's segments is refused");
        String stampedVia = "Via: " + via + ";branch=z9hG4bKlocal13;rport=" + CALLER_PORT + ";received=" + CALLER;
        for (String response : new String[] {trying, refused}) {
            assertNotNull(response);
            assertEquals(List.of(stampedVia), lines(response, "Via"));
        }
        assertEquals(List.of("To: " + to), lines(trying, "To"));
        assertTrue(lines(refused, "To").get(0).startsWith("To: " + to + ";tag="), lines(refused, "To").toString());
        assertNull(receive(core, 300, m -> m.contains("local13@")), "never reaches the core");
    }

    /** No control byte, no invisible character and no unbounded value from the wire reaches the decision log. */
    @Test
    void issue13DecisionLogEscapesAndCapsWhatTheCallerSent() throws Exception {
        String longCallId = "c".repeat(33_000) + "@" + CALLER;
        // A caller outside the trunk's segments: refused, so the decision is logged.
        send(caller, invite("z9hG4bKlog13a", VIA, "<sip:13812345678@" + CALLER + ">;tag=l1", TO, longCallId, CONTACT));
        send(caller, invite("z9hG4bKlog13b", VIA, "<sip:\u00e2\u0080\u00ae13812345678@" + CALLER + ">;tag=l2", TO,
                "bidi13\\\"@" + CALLER, CONTACT));
        send(caller, invite("z9hG4bKlog13c", VIA, "<sip:13812345678@" + CALLER + ">;tag=l3",
                "<sip:1390000\u00e2\u0080\u00ae0001@core.example.net>", "bidi13callee@" + CALLER, CONTACT)
                .replace("INVITE sip:13900000001@", "INVITE sip:1390000\u00e2\u0080\u00ae0001@"));
        int finals = 0;
        while (finals < 3 && receive(caller, 3000, m -> !m.startsWith("SIP/2.0 1")) != null) {
            finals++;
        }
        assertEquals(3, finals, "each INVITE gets a final response");
        assertTrue(Await.until(() -> LOGGED.size() >= 3, 3000), LOGGED.toString());
        for (String line : LOGGED) {
            assertTrue(line.length() < 2_000, "a capped line: " + line.length() + " chars");
            assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F),
                    "no control character: " + line);
            assertFalse(line.contains("\u202e") || line.contains("\u00e2"), "no raw bidirectional override: " + line);
        }
        String all = String.join("\n", LOGGED);
        assertTrue(all.contains("c".repeat(200)) && all.contains("…(+"), "the long Call-ID is shown capped: " + all);
        assertTrue(all.contains("bidi13\\\\\"@"), "a backslash in a Call-ID is escaped: " + all);
    }

    // ---- raw wire helpers ---------------------------------------------------------------------

    /** A response to {@code request} as a core would build it: its Vias, From, To (tagged), Call-ID, CSeq. */
    static String response(String request, String status, String toTag) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
        for (String line : request.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                    || lower.startsWith("cseq:")) {
                b.append(line).append("\r\n");
            } else if (lower.startsWith("to:")) {
                b.append(line).append(line.contains(";tag=") ? "" : ";tag=" + toTag).append("\r\n");
            }
        }
        return b.append("Content-Length: 0\r\n\r\n").toString();
    }

    static String firstLine(String msg) {
        return msg.substring(0, msg.indexOf("\r\n"));
    }

    /** Every header line named {@code name} (case-insensitive), in order. */
    static List<String> lines(String msg, String name) {
        List<String> out = new ArrayList<>();
        String head = msg.substring(0, msg.indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                out.add(line);
            }
        }
        return out;
    }

    static void send(DatagramSocket from, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        from.send(new DatagramPacket(b, b.length, PROXY));
    }

    /** The next datagram matching {@code wanted} within the time, others skipped; null when none. */
    static String receive(DatagramSocket s, int timeoutMillis, Predicate<String> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        byte[] buf = new byte[65_535];
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            s.setSoTimeout((int) left);
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            if (wanted.test(msg)) {
                return msg;
            }
        }
    }
}
