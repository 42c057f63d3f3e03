package org.trunkguard.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The trunk's caller (UAC): one UDP socket on the trunk's source address, connected to the proxy.
 * {@link #receive()} runs on one thread and answers responses (ACK on a final response, BYE at
 * once when there is no hold time); {@link #sendByesDue(long)} runs on the pacer thread and sends
 * the BYEs whose hold time has passed.
 *
 * <p>The caller never retransmits: a call whose INVITE, 200, BYE or their answers are lost does
 * not complete and counts as failed. That is the strict reading of "sustained without failures":
 * SIPp would retransmit and hide a loss as latency.
 */
final class Caller implements AutoCloseable {
    private final DatagramChannel channel;
    private final UacMessages messages;
    private final CallBook book;
    private final long holdNanos;
    /** Answered calls waiting for their hold time, in answer order (the hold time is the same for all). */
    private final ConcurrentLinkedQueue<Integer> holding = new ConcurrentLinkedQueue<>();
    private final LongAdder strays = new LongAdder();
    private final LongAdder receiveErrors = new LongAdder();

    Caller(InetSocketAddress local, InetSocketAddress proxy, int socketBufferBytes, UacMessages messages, CallBook book,
            long holdNanos) throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBufferBytes);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, socketBufferBytes);
        try {
            channel.bind(local);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind the caller to " + local + ": " + e.getMessage(), e);
        }
        channel.connect(proxy);
        this.messages = messages;
        this.book = book;
        this.holdNanos = holdNanos;
    }

    /** Sends the INVITE of call {@code index}, stamped before it leaves so a fast answer always finds its slot ready. */
    void invite(int index) throws IOException {
        byte[] invite = messages.invite(index);
        book.inviteSent(index, System.nanoTime());
        send(invite);
    }

    /** Sends every held BYE whose hold time has passed by {@code now}. */
    void sendByesDue(long now) throws IOException {
        Integer call;
        while ((call = holding.peek()) != null && book.answeredAt(call) + holdNanos <= now) {
            holding.poll();
            sendBye(call);
        }
    }

    /** The receive loop: runs until the channel is closed. */
    void receive() {
        ByteBuffer in = ByteBuffer.allocate(65536);
        while (channel.isOpen()) {
            try {
                in.clear();
                channel.read(in);
                handle(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // ICMP port unreachable: no proxy listening. The calls it costs show up as failures.
                receiveErrors.increment();
            }
        }
    }

    private void handle(String response) throws IOException {
        int status = SipText.status(response);
        List<String> headers = SipText.headerLines(response);
        int call = messages.index(SipText.first(headers, "call-id"));
        if (status < 200 || call < 0 || call >= book.capacity()) {
            if (status < 0 || call < 0 || call >= book.capacity()) {
                strays.increment();
            }
            return;
        }
        String method = SipText.cseqMethod(SipText.first(headers, "cseq"));
        long now = System.nanoTime();
        if (method.equals("INVITE")) {
            if (status >= 300) {
                send(messages.ackForFailure(call, headers));
                book.failed(call, status);
            } else if (book.answered(call, now, messages.bye(call, headers))) {
                send(messages.ackFor2xx(call, headers));
                if (holdNanos == 0) {
                    sendBye(call);
                } else {
                    holding.add(call);
                }
            } else {
                send(messages.ackFor2xx(call, headers));
            }
        } else if (method.equals("BYE")) {
            if (status >= 300) {
                book.failed(call, status);
            } else {
                book.byeAnswered(call, now);
            }
        }
    }

    private void sendBye(int call) throws IOException {
        byte[] bye = book.takeBye(call);
        if (bye != null) {
            book.byeSent(call, System.nanoTime());
            send(bye);
        }
    }

    private void send(byte[] datagram) throws IOException {
        channel.write(ByteBuffer.wrap(datagram));
    }

    /** Responses that named no call of this run, or datagrams that were not responses. */
    long strays() {
        return strays.sum();
    }

    long receiveErrors() {
        return receiveErrors.sum();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
