package org.trunkguard.proxy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A caller on a trunk address over raw UDP that records, per Call-ID, the final status it got:
 * what the proxy decided, as the caller saw it.
 */
final class RawCaller implements AutoCloseable {
    static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 5060);

    final Map<String, Integer> finals = new ConcurrentHashMap<>();
    private final DatagramSocket socket;
    private final Thread thread;
    private final String host;
    private final int port;

    RawCaller(String host, int port) throws Exception {
        this.host = host;
        this.port = port;
        socket = new DatagramSocket(new InetSocketAddress(host, port));
        // Nothing retransmits a lost final to this caller: a listener held up by a busy machine
        // must find its answers queued, not dropped by a 208 KiB default buffer.
        socket.setReceiveBufferSize(RawCore.SOCKET_BUFFER_BYTES);
        socket.setSoTimeout(200);
        thread = new Thread(this::listen, "raw-caller");
        thread.setDaemon(true);
        thread.start();
    }

    void invite(String callId, String from, String to) throws Exception {
        String msg = "INVITE sip:" + to + "@core.example.net SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=z9hG4bK" + callId.hashCode() + "x" + System.nanoTime()
                + ";rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:" + from + "@" + host + ">;tag=" + Integer.toHexString(callId.hashCode()) + "\r\n"
                + "To: <sip:" + to + "@core.example.net>\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:" + from + "@" + host + ":" + port + ">\r\nContent-Length: 0\r\n\r\n";
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, PROXY));
    }

    private void listen() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                int status = Integer.parseInt(msg.substring(8, 11));
                if (status >= 200) {
                    finals.putIfAbsent(RawCore.header(msg, "Call-ID"), status);
                }
            } catch (SocketTimeoutException idle) {
                // keep listening until closed
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
