package org.trunkguard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and random mutations of the corpus messages never make the codec throw: not the
 * decoders, not {@link SipSanity#check}, not any accessor, not the value parsers applied to every
 * header value. Malformed input must become a value ({@link SipMessage#malformed()}), never an
 * exception on the event loop. Inputs come from a {@link SplittableRandom} with a fixed seed, so a run
 * is reproducible, and a failure names the seed, the try and the input bytes.
 *
 * <p>Buffers here are not leak-aware on purpose: paranoid detection records a stack trace on
 * every byte read, which would make thousands of tries take minutes. Leaks are caught by
 * reference counts instead: after each try the input buffer must be back to its own reference.
 */
class CodecPropertiesTest {
    /** Bytes that SIP grammar gives meaning to: mutations with them reach the parsers' corners. */
    private static final byte[] DELIMITERS = {':', ';', ',', '<', '>', '"', '\\', '\r', '\n', ' ', '\t', '[', ']',
        '%', '0', '9', '@', '=', '/', '?', 0, (byte) 0xFF, (byte) 0xC3, 'l', 'z', '-', '.', '*'};

    private static final byte[] EDGE_BYTES = {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE};
    private static final String[] START_LINES = {"INVITE sip:a@b SIP/2.0\r\n", "SIP/2.0 200 OK\r\n",
        "OPTIONS sip:[::1]:5060 SIP/2.0\r\nVia: ", "BYE sip:x SIP/2.0\r\nCSeq: ", ""};

    private static final List<byte[]> CORPUS = corpusMessages();

    @Test
    void randomBytesNeverThrow() {
        forAll(4475, 1500, CodecPropertiesTest::randomMessage);
    }

    @Test
    void mutatedCorpusMessagesNeverThrow() {
        forAll(3261, 3000, CodecPropertiesTest::mutatedCorpusMessage);
    }

    /**
     * Feeds {@code tries} messages drawn from one seeded generator to both decoders. Any failure,
     * an exception included, is rethrown naming the seed, the try and the input bytes.
     */
    private static void forAll(long seed, int tries, Function<SplittableRandom, byte[]> generator) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            byte[] wire = generator.apply(random);
            try {
                exerciseDatagram(wire);
                exerciseStream(wire);
            } catch (Throwable failure) {
                fail("seed " + seed + ", try " + attempt + " of " + tries + ", input " + javaLiteral(wire), failure);
            }
        }
    }

    /** A start line (or none) followed by random bytes or by bytes that are mostly SIP delimiters. */
    static byte[] randomMessage(SplittableRandom random) {
        byte[] line = START_LINES[random.nextInt(START_LINES.length)].getBytes(StandardCharsets.US_ASCII);
        byte[] tail = new byte[length(random, 600)];
        boolean grammarNoise = random.nextBoolean();
        for (int i = 0; i < tail.length; i++) {
            tail[i] = grammarNoise ? grammarByte(random) : anyByte(random);
        }
        return concat(line, tail);
    }

    /** A corpus message with one to twelve delimiter mutations. */
    static byte[] mutatedCorpusMessage(SplittableRandom random) {
        byte[] original = CORPUS.get(random.nextInt(CORPUS.size()));
        int count = random.nextInt(1, 13);
        List<int[]> mutations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int position = random.nextInt(20) == 0 ? Integer.MAX_VALUE : random.nextInt(Integer.MAX_VALUE);
            mutations.add(new int[] {position, random.nextInt(4), DELIMITERS[random.nextInt(DELIMITERS.length)]});
        }
        return mutate(original, mutations);
    }

    /** One of a SIP delimiter, any byte or a letter-range byte, with equal odds. */
    private static byte grammarByte(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> DELIMITERS[random.nextInt(DELIMITERS.length)];
            case 1 -> anyByte(random);
            default -> (byte) random.nextInt('A', 'z' + 1);
        };
    }

    /** Any byte; one draw in ten is an edge value (0, 1, -1, the minimum or the maximum). */
    private static byte anyByte(SplittableRandom random) {
        return random.nextInt(10) == 0 ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : (byte) random.nextInt(256);
    }

    /** A length in [0, max]: 0 and max often, short lengths mostly, the whole range still reached. */
    private static int length(SplittableRandom random, int max) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return 0;
        }
        if (roll == 1) {
            return max;
        }
        return roll < 11 ? random.nextInt(33) : random.nextInt(max + 1);
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

    /** The bytes as a Java string literal (ISO-8859-1), printable ASCII as is, the rest escaped. */
    private static String javaLiteral(byte[] wire) {
        StringBuilder out = new StringBuilder(wire.length + 2).append('"');
        for (byte b : wire) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04X", c));
            }
        }
        return out.append('"').toString();
    }
}
