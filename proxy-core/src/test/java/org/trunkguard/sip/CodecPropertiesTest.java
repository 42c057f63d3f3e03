package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bytes and random mutations of the corpus messages never make the codec throw: not the
 * decoders, not {@link SipSanity#check}, not any accessor, not the value parsers applied to every
 * header value. Malformed input must become a value ({@link SipMessage#malformed()}), never an
 * exception on the event loop. Seeds are fixed so a run is reproducible.
 *
 * <p>Buffers here are not leak-aware on purpose: paranoid detection records a stack trace on
 * every byte read, which would make thousands of tries take minutes. Leaks are caught by
 * reference counts instead: after each try the input buffer must be back to its own reference.
 */
class CodecPropertiesTest {
    /** Bytes that SIP grammar gives meaning to: mutations with them reach the parsers' corners. */
    private static final Byte[] DELIMITERS = {':', ';', ',', '<', '>', '"', '\\', '\r', '\n', ' ', '\t', '[', ']',
        '%', '0', '9', '@', '=', '/', '?', 0, (byte) 0xFF, (byte) 0xC3, 'l', 'z', '-', '.', '*'};

    private static final List<byte[]> CORPUS = corpusMessages();

    @Property(tries = 1500, seed = "4475")
    void randomBytesNeverThrow(@ForAll("randomMessages") byte[] wire) {
        exerciseDatagram(wire);
        exerciseStream(wire);
    }

    @Property(tries = 3000, seed = "3261")
    void mutatedCorpusMessagesNeverThrow(@ForAll("mutatedCorpus") byte[] wire) {
        exerciseDatagram(wire);
        exerciseStream(wire);
    }

    @Provide
    Arbitrary<byte[]> randomMessages() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> grammarNoise = Arbitraries.oneOf(Arbitraries.of(DELIMITERS), Arbitraries.bytes(),
                Arbitraries.bytes().between((byte) 'A', (byte) 'z')).array(Byte[].class).ofMaxSize(600)
                .map(CodecPropertiesTest::unbox);
        Arbitrary<String> startLine = Arbitraries.of("INVITE sip:a@b SIP/2.0\r\n", "SIP/2.0 200 OK\r\n",
                "OPTIONS sip:[::1]:5060 SIP/2.0\r\nVia: ", "BYE sip:x SIP/2.0\r\nCSeq: ", "");
        return Combinators.combine(startLine, Arbitraries.oneOf(noise, grammarNoise))
                .as((line, tail) -> concat(line.getBytes(StandardCharsets.US_ASCII), tail));
    }

    @Provide
    Arbitrary<byte[]> mutatedCorpus() {
        Arbitrary<int[]> mutation = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 3), Arbitraries.of(DELIMITERS))
                .as((position, op, value) -> new int[] {position, op, value});
        return Combinators.combine(Arbitraries.of(CORPUS), mutation.list().ofMinSize(1).ofMaxSize(12))
                .as(CodecPropertiesTest::mutate);
    }

    /** Each mutation replaces, inserts, deletes or duplicates a byte at a position in the message. */
    static byte[] mutate(byte[] original, List<int[]> mutations) {
        List<Byte> bytes = new ArrayList<>(original.length + mutations.size());
        for (byte b : original) {
            bytes.add(b);
        }
        for (int[] m : mutations) {
            if (bytes.isEmpty()) {
                break;
            }
            int at = m[0] % bytes.size();
            byte value = (byte) m[2];
            switch (m[1]) {
                case 0 -> bytes.set(at, value);
                case 1 -> bytes.add(at, value);
                case 2 -> bytes.remove(at);
                default -> bytes.add(at, bytes.get(at));
            }
        }
        return unbox(bytes.toArray(new Byte[0]));
    }

    static void exerciseDatagram(byte[] wire) {
        ByteBuf buf = Unpooled.wrappedBuffer(wire);
        try {
            SipMessage message = SipDatagramDecoder.decode(buf, SipDecoderConfig.DEFAULT);
            if (message != null) {
                exercise(message);
                message.release();
            }
            assertEquals(1, buf.refCnt(), "the message released its slice");
        } finally {
            buf.release();
        }
    }

    static void exerciseStream(byte[] wire) {
        EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(SipDecoderConfig.DEFAULT, 1_000, (p, r) -> { }));
        channel.freezeTime();
        // Unpooled.buffer, not copiedBuffer: an empty copy would be the unreleasable EMPTY_BUFFER.
        ByteBuf buf = Unpooled.buffer(wire.length).writeBytes(wire);
        channel.writeInbound(buf);
        for (InboundSip in; (in = channel.readInbound()) != null; ) {
            exercise(in.message());
            in.message().release();
        }
        channel.advanceTimeBy(1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.finishAndReleaseAll();
        assertEquals(0, buf.refCnt(), "every slice of the stream was released");
    }

    /** Everything a pipeline stage might call on a message, good or bad. */
    static void exercise(SipMessage m) {
        m.isRequest();
        m.method();
        m.requestUri();
        m.statusCode();
        m.reasonPhrase();
        m.startLineLength();
        assertNotNull(m.body());
        m.toString();
        m.callId();
        m.topVia();
        m.cseq();
        m.transactionMethod();
        for (int i = 0; i < m.headerLineCount(); i++) {
            m.headerAt(i);
            m.headerNameAt(i);
            m.valueAt(i);
            m.lineStart(i);
            m.lineEnd(i);
        }
        for (SipHeader h : SipHeader.values()) {
            m.header(h);
            m.count(h);
            for (String value : m.values(h)) {
                NameAddress address = NameAddress.parse(value);
                if (address.valid() && address.uri() != null) {
                    UriSyntax.user(address.uri());
                    UriSyntax.hasHeaders(address.uri());
                }
                Via.parse(value);
                CSeq.parse(value);
            }
        }
        String uri = m.requestUri();
        if (uri != null) {
            UriSyntax.scheme(uri);
            UriSyntax.problem(uri);
            UriSyntax.user(uri);
            UriSyntax.hasHeaders(uri);
        }
        if (SipSanity.check(m)) {
            SipSanity.maxForwards(m);
            SipSanity.proxyRequire(m);
            m.topVia().sentBy();
            m.topVia().rfc3261Branch();
        }
        m.malformed();
        m.rejectStatus();
    }

    private static List<byte[]> corpusMessages() {
        List<byte[]> messages = new ArrayList<>();
        DatagramCorpusTest.rows().forEach(row -> messages.add(Corpus.wireBytes(row)));
        return messages;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] unbox(Byte[] boxed) {
        byte[] out = new byte[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
