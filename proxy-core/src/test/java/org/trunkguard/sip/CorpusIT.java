package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.proxy.Await;
import org.trunkguard.proxy.CallJudge;
import org.trunkguard.proxy.ProxyCounters;
import org.trunkguard.proxy.TrunkguardProxy;

/**
 * The RFC 4475 and RFC 5118 torture messages sent to a running proxy from the enterprise trunk's
 * address over real sockets: over UDP, over TCP whole and over TCP one byte per write. Each gets
 * the verdict of {@link CorpusVerdicts}: the status it deserves, a silent drop, a closed
 * connection, or (valid messages) processing without any complaint.
 */
class CorpusIT {
    private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 5060);
    private static final Set<Integer> MALFORMED_STATUSES = Set.of(400, 416, 501, 505, 513);
    /** Short, so messages that never complete close their connection quickly. */
    private static final int INCOMPLETE_TIMEOUT_MS = 400;

    private static ProxyConfig config;
    private static DatagramSocket core;
    private static int nextPort = 6000;
    private TrunkguardProxy proxy;

    @BeforeAll
    static void configure() throws Exception {
        ProxyConfig c = ProxyConfigLoader.load(Path.of(System.getProperty("trunkguard.home", "..")).resolve("conf/trunkguard.yaml"));
        config = new ProxyConfig(c.file(), c.listen(), c.advertisedHost(), c.socketBufferBytes(),
                INCOMPLETE_TIMEOUT_MS, c.decoder(), c.timers(), c.maxCallMinutes(), c.admin(), c.trunks(), c.callerId(),
                c.behaviour(), c.doNotCallFile(), c.consentFile(), c.trace());
        core = new DatagramSocket(new InetSocketAddress("127.0.0.2", 5080));
        core.setSoTimeout(50);
    }

    /**
     * A fresh proxy per message: many corpus files share a branch and sent-by, so to one proxy the
     * second of them is, correctly, a retransmission of the first.
     */
    @BeforeEach
    void start() throws Exception {
        proxy = new TrunkguardProxy(config, CallJudge.FORWARD_ALL, e -> { }).start();
        coreReceivedSomething(1);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @AfterAll
    static void closeCore() {
        core.close();
    }

    static Stream<Corpus.Row> rows() {
        return DatagramCorpusTest.rows();
    }

    /** Empties what the core received so far; true when something arrived. */
    private static boolean coreReceivedSomething(long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        boolean any = false;
        byte[] buf = new byte[65535];
        while (System.nanoTime() < deadline) {
            try {
                core.receive(new DatagramPacket(buf, buf.length));
                any = true;
            } catch (SocketTimeoutException quiet) {
                if (any) {
                    return true;
                }
            }
        }
        return any;
    }

    private static int finalStatus(String responses) {
        for (String line : responses.split("\r\n")) {
            if (line.startsWith("SIP/2.0 ") && line.length() >= 11 && line.charAt(8) >= '2') {
                return Integer.parseInt(line.substring(8, 11));
            }
        }
        return 0;
    }

    @ParameterizedTest(name = "UDP {0}")
    @MethodSource("rows")
    void overUdp(Corpus.Row row) throws Exception {
        CorpusVerdicts.Expected expected = CorpusVerdicts.of(row);
        ProxyCounters counters = proxy.counters();
        long malformedBefore = counters.malformedRequests.sum() + counters.malformedResponses.sum();
        coreReceivedSomething(1);
        try (DatagramSocket caller = new DatagramSocket(new InetSocketAddress("127.0.0.10", nextPort++))) {
            caller.setSoTimeout(1500);
            byte[] wire = Corpus.wireBytes(row);
            caller.send(new DatagramPacket(wire, wire.length, PROXY));
            switch (expected.outcome()) {
                case REJECT -> assertEquals(expected.status(), udpFinal(caller), row.file());
                case DROP -> assertTrue(Await.until(() -> counters.malformedResponses.sum() + counters.malformedRequests.sum()
                        > malformedBefore, 2000), row.file() + " counted as malformed");
                case VALID -> assertProcessed(row, malformedBefore, () -> udpFinalNow(caller));
            }
        }
    }

    @ParameterizedTest(name = "TCP whole {0}")
    @MethodSource("rows")
    void overTcpWhole(Corpus.Row row) throws Exception {
        overTcp(row, false);
    }

    @ParameterizedTest(name = "TCP byte by byte {0}")
    @MethodSource("rows")
    void overTcpByteByByte(Corpus.Row row) throws Exception {
        overTcp(row, true);
    }

    private void overTcp(Corpus.Row row, boolean oneByteAtATime) throws Exception {
        CorpusVerdicts.Expected expected = CorpusVerdicts.of(row);
        ProxyCounters counters = proxy.counters();
        long malformedBefore = counters.malformedRequests.sum() + counters.malformedResponses.sum();
        long framingBefore = counters.framingErrors.sum();
        coreReceivedSomething(1);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.10", 0));
            socket.connect(PROXY, 2000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(1500);
            OutputStream out = socket.getOutputStream();
            byte[] wire = Corpus.wireBytes(row);
            boolean closedWhileWriting = false;
            try {
                if (oneByteAtATime) {
                    for (byte b : wire) {
                        out.write(b);
                        out.flush();
                    }
                } else {
                    out.write(wire);
                    out.flush();
                }
            } catch (SocketException closed) {
                // A framing error (ncl, mcl01) closes the connection at once; writing the body one
                // byte at a time may still be under way and meet the reset. Only there is it the verdict.
                if (expected.stream() != CorpusVerdicts.StreamOutcome.CLOSE) {
                    throw closed;
                }
                closedWhileWriting = true;
            }
            InputStream in = socket.getInputStream();
            switch (expected.stream()) {
                case CLOSE, CLOSE_AFTER_TIMEOUT -> {
                    assertTrue(closedWhileWriting || readUntilClosed(in, INCOMPLETE_TIMEOUT_MS + 2000) == -1,
                            row.file() + ": connection closed");
                    assertTrue(Await.until(() -> counters.framingErrors.sum() > framingBefore, 2000), "framing error counted");
                }
                case SAME -> {
                    switch (expected.outcome()) {
                        case REJECT -> assertEquals(expected.status(), finalStatus(readResponses(in)), row.file());
                        case DROP -> assertTrue(Await.until(() -> counters.malformedResponses.sum() > malformedBefore, 2000));
                        case VALID -> assertProcessed(row, malformedBefore, () -> finalStatus(readResponsesNow(in)));
                    }
                }
            }
        }
    }

    /** A valid message is processed: nothing counted as malformed, and it was forwarded or answered (not as malformed). */
    private void assertProcessed(Corpus.Row row, long malformedBefore, StatusSource responses) throws Exception {
        ProxyCounters counters = proxy.counters();
        boolean isResponse = new String(Corpus.wireBytes(row), 0, 4, StandardCharsets.US_ASCII).equals("SIP/");
        if (isResponse) {
            assertTrue(Await.until(() -> counters.strayResponses.sum() > 0, 2000), "a stray response is dropped quietly");
        } else {
            boolean forwarded = coreReceivedSomething(700);
            int status = forwarded ? 0 : responses.status();
            assertTrue(forwarded || status != 0 && !MALFORMED_STATUSES.contains(status),
                    row.file() + ": forwarded or answered, got status " + status);
        }
        assertEquals(malformedBefore, counters.malformedRequests.sum() + counters.malformedResponses.sum(),
                row.file() + " must not count as malformed");
    }

    private interface StatusSource {
        int status() throws Exception;
    }

    private static int udpFinal(DatagramSocket caller) throws Exception {
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            caller.receive(p);
            int status = finalStatus(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            if (status != 0) {
                return status;
            }
        }
    }

    private static int udpFinalNow(DatagramSocket caller) throws Exception {
        try {
            return udpFinal(caller);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    private static String readResponses(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        byte[] buf = new byte[8192];
        while (finalStatus(b.toString()) == 0) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            b.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String readResponsesNow(InputStream in) throws Exception {
        try {
            return readResponses(in);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }

    private static int readUntilClosed(InputStream in, int millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buf) < 0) {
                    return -1;
                }
            } catch (java.net.SocketException reset) {
                return -1;
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting until the deadline
            }
        }
        return 0;
    }
}
