package org.trunkguard.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The core's callee (UAS) on the CORE trunk's next hop: answers every INVITE at once with 180 and
 * 200, and every BYE with 200. Stateless: a retransmitted request gets the same answers again,
 * which is what a real UAS's transaction layer would send. Answers go to the address the request
 * came from (the proxy), as SIPp's UAS does, so the callee needs no proxy address of its own.
 */
final class Callee implements Runnable, AutoCloseable {
    private static final String SDP = "v=0\r\n"
            + "o=core 53655765 2353687637 IN IP4 127.0.0.2\r\n"
            + "s=-\r\n"
            + "c=IN IP4 127.0.0.2\r\n"
            + "t=0 0\r\n"
            + "m=audio 30000 RTP/AVP 8 101\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendrecv\r\n";

    private final DatagramChannel channel;
    private final String contact;
    private final LongAdder invites = new LongAdder();
    private final LongAdder acks = new LongAdder();
    private final LongAdder byes = new LongAdder();

    Callee(InetSocketAddress local, int socketBufferBytes) throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBufferBytes);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBufferBytes);
        try {
            channel.bind(local);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind the callee to " + local + ": " + e.getMessage(), e);
        }
        contact = "<sip:core@" + local.getHostString() + ":" + local.getPort() + ">";
    }

    @Override
    public void run() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (channel.isOpen()) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                answer(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1), from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // A send to a peer that went away: keep serving until closed.
            }
        }
    }

    private void answer(String request, SocketAddress from) throws IOException {
        if (SipText.status(request) >= 0) {
            return;
        }
        String method = SipText.requestMethod(request);
        List<String> headers = SipText.headerLines(request);
        switch (method) {
            case "INVITE" -> {
                invites.increment();
                String dialog = responseHeaders(headers, true);
                send(from, "SIP/2.0 180 Ringing\r\n" + dialog + "Contact: " + contact + "\r\nContent-Length: 0\r\n\r\n");
                send(from, "SIP/2.0 200 OK\r\n" + dialog + "Contact: " + contact + "\r\nContent-Type: application/sdp\r\n"
                        + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP);
            }
            case "ACK" -> acks.increment();
            default -> {
                if (method.equals("BYE")) {
                    byes.increment();
                }
                send(from, "SIP/2.0 200 OK\r\n" + responseHeaders(headers, false) + "Content-Length: 0\r\n\r\n");
            }
        }
    }

    /** Via, Record-Route (for a dialog-creating answer), From, To with our tag, Call-ID, CSeq: copied as RFC 3261 §8.2.6.2 asks. */
    private static String responseHeaders(List<String> headers, boolean createsDialog) {
        StringBuilder b = new StringBuilder(512);
        for (String line : headers) {
            String name = SipText.name(line);
            switch (name) {
                case "via", "from", "call-id", "cseq" -> b.append(line).append("\r\n");
                case "record-route" -> {
                    if (createsDialog) {
                        b.append(line).append("\r\n");
                    }
                }
                case "to" -> {
                    b.append(line);
                    if (!SipText.value(line).contains(";tag=")) {
                        b.append(";tag=core").append(Integer.toHexString(String.valueOf(SipText.first(headers, "call-id")).hashCode()));
                    }
                    b.append("\r\n");
                }
                default -> {
                }
            }
        }
        return b.toString();
    }

    private void send(SocketAddress to, String response) throws IOException {
        channel.send(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)), to);
    }

    long invites() {
        return invites.sum();
    }

    long acks() {
        return acks.sum();
    }

    long byes() {
        return byes.sum();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
