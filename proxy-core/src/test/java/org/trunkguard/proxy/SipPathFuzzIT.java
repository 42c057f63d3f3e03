package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.sip.Transport;

/**
 * Coverage-guided fuzzing of everything a datagram meets in the running node: codec, trunk
 * classification, sanity, transactions, caller-ID rules, detectors, trace, forwarding. Each input
 * is sent as one UDP datagram from the enterprise trunk's address and again from the core's,
 * and after each an OPTIONS ping from the same socket must be answered (the proxy is alive and
 * has handled the input, since one socket's datagrams are handled in order) with no internal
 * error counted: whatever the bytes, the proxy answers or drops them, it never throws.
 *
 * <p>In a normal test run Jazzer runs the saved inputs in
 * {@code src/test/resources/org/trunkguard/proxy/SipPathFuzzITInputs/}: a few RFC 4475 and RFC
 * 5118 messages as seeds, and any input that once found a bug. To fuzz (a crash is saved there):
 * <pre>
 * unshare -n sh -c 'ip link set lo up &amp;&amp; JAZZER_FUZZ=1 mvn -o verify -pl proxy-core -am -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SipPathFuzzIT -Djazzer.max_duration=10m'
 * </pre>
 */
class SipPathFuzzIT {
    private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 5060);
    private static final long PING_WAIT_MILLIS = 5_000;

    private static TrunkguardNode node;
    private static DatagramChannel caller;
    private static DatagramChannel core;
    private static Selector selector;
    private static final ByteBuffer RECEIVED = ByteBuffer.allocate(65_536);
    private static long pings;

    @BeforeAll
    static void start() throws Exception {
        node = TrunkguardNode.start(TestTopology.load(Transport.UDP), TrunkguardNode.NodeObservers.NONE, Clock.systemUTC());
        selector = Selector.open();
        caller = open(new InetSocketAddress(TestTopology.CALLER_HOST, 5098));
        core = open(new InetSocketAddress(TestTopology.CORE_HOST, TestTopology.CORE_PORT));
    }

    private static DatagramChannel open(InetSocketAddress local) throws IOException {
        DatagramChannel channel = DatagramChannel.open().bind(local);
        channel.configureBlocking(false);
        return channel;
    }

    @AfterAll
    static void stop() throws IOException {
        caller.close();
        core.close();
        selector.close();
        node.close();
    }

    @FuzzTest
    void anyDatagramIsAnsweredOrDroppedNeverThrown(byte[] datagram) throws IOException {
        long before = node.proxy().counters().internalErrors.sum();
        for (DatagramChannel from : new DatagramChannel[] {caller, core}) {
            drain(caller);
            drain(core);
            from.send(ByteBuffer.wrap(datagram), PROXY);
            ping(from);
        }
        long errors = node.proxy().counters().internalErrors.sum() - before;
        if (errors != 0) {
            fail(errors + " internal errors (see the WARN/ERROR log) for this datagram:\n"
                    + new String(datagram, StandardCharsets.ISO_8859_1));
        }
    }

    /** OPTIONS to the proxy from {@code from}; returns once its 200 arrives. */
    private static void ping(DatagramChannel from) throws IOException {
        String callId = "fuzz-ping-" + ++pings;
        InetSocketAddress local = (InetSocketAddress) from.getLocalAddress();
        String hostPort = local.getHostString() + ":" + local.getPort();
        String options = "OPTIONS sip:127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + hostPort + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:ping@" + hostPort + ">;tag=p" + pings + "\r\n"
                + "To: <sip:127.0.0.1:5060>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
        from.send(ByteBuffer.wrap(options.getBytes(StandardCharsets.US_ASCII)), PROXY);
        SelectionKey key = from.register(selector, SelectionKey.OP_READ);
        try {
            long deadline = System.nanoTime() + PING_WAIT_MILLIS * 1_000_000;
            while (System.nanoTime() < deadline) {
                selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                selector.selectedKeys().clear();
                String reply;
                while ((reply = receive(from)) != null) {
                    if (reply.contains(callId)) {
                        assertEquals("SIP/2.0 200", reply.substring(0, Math.min(11, reply.length())), reply);
                        return;
                    }
                }
            }
            fail("the proxy did not answer an OPTIONS ping within " + PING_WAIT_MILLIS + " ms");
        } finally {
            key.cancel();
            selector.selectNow();
        }
    }

    private static String receive(DatagramChannel channel) throws IOException {
        RECEIVED.clear();
        if (channel.receive(RECEIVED) == null) {
            return null;
        }
        RECEIVED.flip();
        return StandardCharsets.ISO_8859_1.decode(RECEIVED).toString();
    }

    /** Discards what the proxy sent for earlier inputs (forwarded requests, responses). */
    private static void drain(DatagramChannel channel) throws IOException {
        while (receive(channel) != null) {
            // nothing to check: the ping decides
        }
    }
}
