package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.sip.Transport;

/**
 * Interop with Kamailio, a second and independent SIP proxy, as trunkguard's core next hop:
 * calls from a JAIN-SIP caller on the enterprise trunk cross trunkguard, then Kamailio
 * ({@code src/test/resources/kamailio/core-proxy.cfg}), to a JAIN-SIP callee on 127.0.0.3:5090,
 * and back. Both proxies Record-Route, so ACK and BYE are loose-routed through both, a CANCEL
 * and a busy callee's ACK go hop by hop, and a spoofed caller is refused before Kamailio sees
 * anything. Runs only where {@code kamailio} is installed (Debian: {@code apt-get install kamailio}).
 */
class KamailioIT {
    private static final long WAIT = 5000;
    private static final InetSocketAddress KAMAILIO = new InetSocketAddress(TestTopology.CORE_HOST, TestTopology.CORE_PORT);
    private static final String CALLEE_HOST = "127.0.0.3";
    private static final int CALLEE_PORT = 5090;
    private static final long KAMAILIO_START_SECONDS = 20;

    @TempDir
    Path work;

    private Process kamailio;
    private TrunkguardNode node;
    private Caller caller;
    private Callee callee;
    private final List<CallEvent.Type> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void kamailioInstalled() {
        assumeTrue(ExternalTools.onPath("kamailio"), "kamailio is not installed (Debian package kamailio)");
    }

    @BeforeEach
    void start() throws Exception {
        Path config = Path.of(KamailioIT.class.getResource("/kamailio/core-proxy.cfg").toURI());
        String executable = ExternalTools.find("kamailio").orElseThrow().toString();
        kamailio = new ProcessBuilder(executable, "-f", config.toString(), "-DD", "-E", "-w", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("kamailio.log").toFile()).start();
        waitUntilKamailioAnswers();
        node = TrunkguardNode.start(TestTopology.load(Transport.UDP),
                new TrunkguardNode.NodeObservers(e -> events.add(e.type()), ProxyHooks.NONE, (d, v) -> { }), Clock.systemUTC());
        caller = new Caller(TestTopology.CALLER_HOST, 5071, "udp", TestTopology.PROXY);
        callee = new Callee(CALLEE_HOST, CALLEE_PORT, "udp");
    }

    @AfterEach
    void stop() throws Exception {
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
        if (node != null) {
            node.close();
        }
        kamailio.destroy();
        assertTrue(kamailio.waitFor(10, TimeUnit.SECONDS), "kamailio did not stop");
    }

    @Test
    void anAnsweredCallCrossesBothProxiesAndEndsWithBye() throws Exception {
        ClientTransaction invite = caller.invite("01055550001", "13900000001");
        Response ok = caller.awaitResponse(200, WAIT);
        assertNotNull(ok, "200 OK from the callee through Kamailio and trunkguard");
        String recordRoutes = Caller.headerValues(ok, "Record-Route").toString();
        assertTrue(recordRoutes.contains("127.0.0.1:5060") && recordRoutes.contains("127.0.0.2:5080"),
                "both proxies stay in the dialog: " + recordRoutes);
        caller.ack(invite, ok);
        assertNotNull(callee.awaitRequest("ACK", WAIT), "ACK loose-routed through both proxies");
        caller.bye(invite);
        assertNotNull(callee.awaitRequest("BYE", WAIT), "BYE loose-routed through both proxies");
        assertNotNull(caller.awaitResponse(200, WAIT), "200 to the BYE relayed back");
        assertTrue(Await.until(() -> events.contains(CallEvent.Type.ENDED), WAIT), events.toString());
        assertEquals(List.of(CallEvent.Type.ATTEMPT, CallEvent.Type.RINGING, CallEvent.Type.ANSWERED, CallEvent.Type.ENDED),
                events);
    }

    @Test
    void busyAndCancelledCallsEndHopByHop() throws Exception {
        caller.invite("01055550002", "48613900000002");
        assertNotNull(caller.awaitResponse(486, WAIT), "486 relayed by Kamailio and trunkguard");
        ClientTransaction ringing = caller.invite("01055550003", "18013900000003");
        assertNotNull(caller.awaitResponse(180, WAIT), "180 relayed");
        caller.cancel(ringing);
        assertNotNull(callee.awaitRequest("CANCEL", WAIT), "CANCEL through both proxies");
        assertNotNull(caller.awaitResponse(487, WAIT), "487 relayed");
        assertTrue(Await.until(() -> events.contains(CallEvent.Type.CANCELLED) && events.contains(CallEvent.Type.FAILED),
                WAIT), events.toString());
    }

    @Test
    void aSpoofedCallerNeverReachesKamailio() throws Exception {
        caller.invite("13812345678", "13900000004");
        Response refused = caller.awaitResponse(403, WAIT);
        assertNotNull(refused, "403 from trunkguard");
        assertTrue(Caller.headerValues(refused, "Reason").toString().contains("segment"), refused.toString());
        RequestEvent leaked = callee.awaitRequest("INVITE", 500);
        assertNull(leaked, "the spoofed INVITE reached the callee");
    }

    /** Sends OPTIONS with Max-Forwards 0 until Kamailio answers 483 (its configuration says so). */
    private void waitUntilKamailioAnswers() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(KAMAILIO_START_SECONDS);
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            probe.setSoTimeout(200);
            int port = probe.getLocalPort();
            for (int i = 0; System.nanoTime() < deadline; i++) {
                assertTrue(kamailio.isAlive(), "kamailio exited:\n" + Files.readString(work.resolve("kamailio.log")));
                String options = "OPTIONS sip:127.0.0.2:5080 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKprobe" + i + "\r\n"
                        + "Max-Forwards: 0\r\nFrom: <sip:probe@127.0.0.1>;tag=p" + i + "\r\n"
                        + "To: <sip:127.0.0.2:5080>\r\nCall-ID: kamailio-probe-" + i + "\r\n"
                        + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
                byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
                probe.send(new DatagramPacket(bytes, bytes.length, KAMAILIO));
                byte[] buf = new byte[4096];
                DatagramPacket reply = new DatagramPacket(buf, buf.length);
                try {
                    probe.receive(reply);
                    if (new String(buf, 0, reply.getLength(), StandardCharsets.US_ASCII).startsWith("SIP/2.0 483")) {
                        return;
                    }
                } catch (SocketTimeoutException notYet) {
                    // Kamailio is still starting: probe again
                }
            }
        }
        throw new AssertionError("kamailio did not answer within " + KAMAILIO_START_SECONDS + " s:\n"
                + Files.readString(work.resolve("kamailio.log")));
    }
}
