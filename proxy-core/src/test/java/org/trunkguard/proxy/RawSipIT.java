package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.sip.Transport;

/**
 * Byte-level checks over real UDP sockets where a full user agent would hide what is on the wire:
 * retransmissions, unknown sources, hop limits, hostile Vias.
 */
class RawSipIT {
    private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 5060);

    private TrunkguardProxy proxy;
    private DatagramSocket caller;
    private DatagramSocket core;

    @BeforeEach
    void start() throws Exception {
        proxy = new TrunkguardProxy(TestTopology.load(Transport.UDP), CallJudge.FORWARD_ALL, e -> { }).start();
        caller = bound("127.0.0.10", 5072);
        core = bound(TestTopology.CORE_HOST, TestTopology.CORE_PORT);
    }

    @AfterEach
    void stop() {
        caller.close();
        core.close();
        proxy.close();
    }

    static DatagramSocket bound(String host, int port) throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(host, port));
        s.setSoTimeout(2000);
        return s;
    }

    static String invite(String branch, String callId, String via) {
        return "INVITE sip:13900000001@core.example.net SIP/2.0\r\n"
                + "Via: " + via + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:01055550001@127.0.0.10>;tag=f1\r\n"
                + "To: <sip:13900000001@core.example.net>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:01055550001@127.0.0.10:5072>\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static void send(DatagramSocket from, String text, InetSocketAddress to) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(b, b.length, to));
    }

    static String receive(DatagramSocket s, int timeoutMillis) throws Exception {
        s.setSoTimeout(timeoutMillis);
        byte[] buf = new byte[65535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            s.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void retransmittedInviteIsForwardedOnce() throws Exception {
        String invite = invite("z9hG4bKretrans1", "retrans-1@test", "SIP/2.0/UDP 127.0.0.10:5072");
        send(caller, invite, PROXY);
        String forwarded = receive(core, 2000);
        assertNotNull(forwarded);
        assertTrue(forwarded.startsWith("INVITE "));
        assertTrue(forwarded.contains("Max-Forwards: 69"), forwarded);
        assertTrue(forwarded.contains("rport=5072;received=127.0.0.10") || forwarded.contains("rport=5072"), forwarded);
        send(caller, invite, PROXY);
        send(caller, invite, PROXY);
        assertTrue(receive(caller, 2000).startsWith("SIP/2.0 100"));
        assertTrue(Await.until(() -> proxy.counters().retransmissionsAbsorbed.sum() == 2, 2000));
        String next = receive(core, 700);
        assertTrue(next == null || next.equals(forwarded), "only the proxy's own Timer A retransmission, never a second call");
    }

    @Test
    void responsesGoToTheSourceNotToAHostileVia() throws Exception {
        String invite = invite("z9hG4bKhostile1", "hostile-1@test", "SIP/2.0/UDP 192.0.2.66:5060");
        send(caller, invite, PROXY);
        String trying = receive(caller, 2000);
        assertNotNull(trying, "100 Trying comes back to the source address, not to 192.0.2.66");
        assertTrue(trying.contains("received=127.0.0.10"), trying);
    }

    @Test
    void unknownSourceGetsNothing() throws Exception {
        try (DatagramSocket stranger = bound("127.0.0.99", 5072)) {
            send(stranger, invite("z9hG4bKunknown1", "unknown-1@test", "SIP/2.0/UDP 127.0.0.99:5072"), PROXY);
            send(stranger, "garbage\r\n\r\n", PROXY);
            assertNull(receive(stranger, 500));
            assertNull(receive(core, 100));
            assertEquals(2, proxy.counters().unknownSources.sum());
        }
    }

    @Test
    void maxForwardsZeroGets483AndOptionsToProxyGets200() throws Exception {
        send(caller, invite("z9hG4bKmf0", "mf0@test", "SIP/2.0/UDP 127.0.0.10:5072").replace("Max-Forwards: 70", "Max-Forwards: 0"), PROXY);
        assertTrue(receive(caller, 2000).startsWith("SIP/2.0 100"));
        assertTrue(receive(caller, 2000).startsWith("SIP/2.0 483"));
        String options = "OPTIONS sip:127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.10:5072;branch=z9hG4bKopt1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:ping@127.0.0.10>;tag=o1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: opt1@test\r\n"
                + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        send(caller, options, PROXY);
        String ok = receive(caller, 2000);
        assertTrue(ok.startsWith("SIP/2.0 200"), ok);
        assertTrue(ok.contains("To: <sip:127.0.0.1>;tag="), ok);
        assertNull(receive(core, 100), "OPTIONS to the proxy is answered, not forwarded");
    }

    @Test
    void malformedRequestGets400WithReason() throws Exception {
        String bad = invite("z9hG4bKbad1", "bad-1@test", "SIP/2.0/UDP 127.0.0.10:5072").replace("CSeq: 1 INVITE", "CSeq: 1 BYE");
        send(caller, bad, PROXY);
        String response = receive(caller, 2000);
        assertTrue(response.startsWith("SIP/2.0 400 CSeq method BYE does not match INVITE"), response);
        assertEquals(1, proxy.counters().malformedRequests.sum());
        assertNull(receive(core, 100));
    }

    @Test
    void aRequestThatComesBackIsALoop() throws Exception {
        send(caller, invite("z9hG4bKloop1", "loop-1@test", "SIP/2.0/UDP 127.0.0.10:5072"), PROXY);
        String forwarded = receive(core, 2000);
        assertNotNull(forwarded);
        send(core, forwarded, PROXY);
        String answer;
        do {
            answer = receive(core, 2000);
        } while (answer != null && !answer.startsWith("SIP/2.0 4"));
        assertNotNull(answer, "the proxy answers the looped request");
        assertTrue(answer.startsWith("SIP/2.0 482"), answer);
        assertEquals(1, proxy.counters().loopsDetected.sum());
    }
}
