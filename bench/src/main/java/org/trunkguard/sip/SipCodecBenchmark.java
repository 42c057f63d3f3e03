package org.trunkguard.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one carrier INVITE (with SDP) and reading what the proxy reads per INVITE: Call-ID,
 * CSeq, top Via, From, To, Max-Forwards. Our lazy codec on a pooled direct ByteBuf (as the
 * epoll transport delivers it) against JAIN-SIP RI's StringMsgParser on the same bytes, the
 * baseline the design asks us to beat tenfold. {@code decodeSanityAndAccess} adds
 * {@link SipSanity#check}, which the proxy runs on every message before anything else.
 * {@code decodeOnly} frames and indexes without reading a header value.
 * Inputs: 1024 generated INVITEs visited in Zipf(1.0) order.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -cp 'bench/target/classes:bench/target/lib/*' org.openjdk.jmh.Main SipCodecBenchmark \
 *     -jvmArgsAppend "$(sed -n 's/^trunkguard.jvm.flags=//p' conf/jvm.properties)" -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SipCodecBenchmark {
    private static final int MESSAGES = 1024;
    private static final int ORDER = 1 << 16;

    private byte[][] wire;
    private ByteBuf[] buffers;
    private int[] order;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        wire = CarrierInvites.generate(MESSAGES, 42);
        buffers = new ByteBuf[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            buffers[i] = PooledByteBufAllocator.DEFAULT.directBuffer(wire[i].length).writeBytes(wire[i]);
        }
        order = CarrierInvites.zipfOrder(MESSAGES, 1.0, ORDER, 7);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (ByteBuf b : buffers) {
            b.release();
        }
    }

    private int nextIndex() {
        int i = order[next];
        next = (next + 1) & (ORDER - 1);
        return i;
    }

    @Benchmark
    public void trunkguardDecodeOnly(Blackhole bh) {
        SipMessage m = SipDatagramDecoder.decode(buffers[nextIndex()], SipDecoderConfig.DEFAULT);
        bh.consume(m.malformed());
        m.release();
    }

    @Benchmark
    public void trunkguardDecodeAndAccess(Blackhole bh) {
        SipMessage m = SipDatagramDecoder.decode(buffers[nextIndex()], SipDecoderConfig.DEFAULT);
        access(m, bh);
        m.release();
    }

    @Benchmark
    public void trunkguardDecodeSanityAndAccess(Blackhole bh) {
        SipMessage m = SipDatagramDecoder.decode(buffers[nextIndex()], SipDecoderConfig.DEFAULT);
        bh.consume(SipSanity.check(m));
        access(m, bh);
        m.release();
    }

    private static void access(SipMessage m, Blackhole bh) {
        bh.consume(m.method());
        bh.consume(m.callId());
        bh.consume(m.cseq());
        bh.consume(m.topVia());
        bh.consume(m.from());
        bh.consume(m.to());
        bh.consume(SipSanity.maxForwards(m));
    }

    @Benchmark
    public void jainSipParseAndAccess(Blackhole bh) throws ParseException {
        SIPMessage m = new StringMsgParser().parseSIPMessage(wire[nextIndex()], true, false, null);
        bh.consume(m.getCallId().getCallId());
        bh.consume(m.getCSeq().getSeqNumber());
        bh.consume(m.getTopmostVia().getBranch());
        bh.consume(m.getFrom().getAddress());
        bh.consume(m.getTo().getAddress());
        bh.consume(m.getHeader("Max-Forwards"));
    }
}
