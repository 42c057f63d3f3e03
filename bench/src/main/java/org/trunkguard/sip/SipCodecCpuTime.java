package org.trunkguard.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.text.ParseException;

/**
 * The same work as {@link SipCodecBenchmark}, timed in thread CPU time rather than wall time: on a
 * shared, loaded machine a descheduled thread inflates JMH's wall-clock scores, its CPU time does
 * not. A cross-check for the JMH figures, not a replacement.
 *
 * <pre>
 * java -cp 'bench/target/classes:bench/target/lib/*' org.trunkguard.sip.SipCodecCpuTime
 * </pre>
 */
public final class SipCodecCpuTime {
    private static final int ROUNDS = 5;
    private static final int OPS = 200_000;

    private SipCodecCpuTime() {
    }

    public static void main(String[] args) throws ParseException {
        byte[][] wire = CarrierInvites.generate(1024, 42);
        int[] order = CarrierInvites.zipfOrder(wire.length, 1.0, 1 << 16, 7);
        ByteBuf[] buffers = new ByteBuf[wire.length];
        for (int i = 0; i < wire.length; i++) {
            buffers[i] = PooledByteBufAllocator.DEFAULT.directBuffer(wire[i].length).writeBytes(wire[i]);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < OPS; i++) {
                SipMessage m = SipDatagramDecoder.decode(buffers[order[i & 0xFFFF]], SipDecoderConfig.DEFAULT);
                sink += SipSanity.check(m) ? 1 : 0;
                sink += m.callId().length() + m.cseq().number() + m.topVia().port() + m.from().uri().length()
                        + m.to().uri().length() + SipSanity.maxForwards(m);
                m.release();
            }
            long ours = threads.getCurrentThreadCpuTime() - start;
            int jainOps = OPS / 10;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < jainOps; i++) {
                SIPMessage m = new StringMsgParser().parseSIPMessage(wire[order[i & 0xFFFF]], true, false, null);
                sink += m.getCallId().getCallId().length() + m.getCSeq().getSeqNumber()
                        + m.getTopmostVia().getBranch().length() + m.getFrom().getAddress().hashCode()
                        + m.getTo().getAddress().hashCode() + m.getHeader("Max-Forwards").hashCode();
            }
            long jain = threads.getCurrentThreadCpuTime() - start;
            System.out.printf("round %d: trunkguard decode+sanity+access %.0f ns/op CPU, JAIN-SIP parse+access %.0f ns/op CPU,"
                    + " ratio %.1f%n", round, (double) ours / OPS, (double) jain / jainOps, (double) jain / jainOps / ((double) ours / OPS));
        }
        for (ByteBuf b : buffers) {
            b.release();
        }
        System.out.println("(sink " + sink + ")");
    }
}
