package org.trunkguard.proxy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal core on 127.0.0.2:5080 over raw UDP: answers every INVITE and OPTIONS with 200 OK at
 * once and remembers the INVITEs' Call-IDs. Enough for load tests, where a full user agent would be the bottleneck.
 */
final class RawCore implements AutoCloseable {
    /** As the proxy's socket-buffer-bytes: what a stock kernel allows (net.core.rmem_max). */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;

    final Set<String> invites = ConcurrentHashMap.newKeySet();
    private final DatagramSocket socket;
    private final Thread thread;

    RawCore() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(TestTopology.CORE_HOST, TestTopology.CORE_PORT));
        socket.setReceiveBufferSize(SOCKET_BUFFER_BYTES);
        thread = new Thread(this::serve, "raw-core");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                if (msg.startsWith("INVITE ") || msg.startsWith("OPTIONS ")) {
                    if (msg.startsWith("INVITE ")) {
                        invites.add(header(msg, "Call-ID"));
                    }
                    byte[] ok = answer(msg).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(ok, ok.length, p.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static String header(String msg, String name) {
        for (String line : msg.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** 200 OK echoing Via, From, To (with a tag), Call-ID and CSeq. */
    static String answer(String invite) {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String line : invite.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("via:") || lower.startsWith("from:") || lower.startsWith("call-id:")
                    || lower.startsWith("cseq:")) {
                b.append(line).append("\r\n");
            } else if (lower.startsWith("to:")) {
                b.append(line).append(";tag=core1\r\n");
            }
        }
        return b.append("Contact: <sip:core@127.0.0.2:5080>\r\nContent-Length: 0\r\n\r\n").toString();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
