package org.trunkguard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The generator's whole call flow with no proxy in between: the caller's next hop is the callee
 * itself, which answers whoever sent the request, so INVITE, 180, 200, ACK, BYE and 200 go
 * straight across the loopback. 100 calls at 1,000 cps: 0.1 s of sending.
 */
class LoadRunTest {
    private static final InetSocketAddress CALLER = new InetSocketAddress("127.0.0.1", 25_070);
    private static final InetSocketAddress CALLEE = new InetSocketAddress("127.0.0.1", 25_080);
    private static final InetSocketAddress NOBODY = new InetSocketAddress("127.0.0.1", 25_090);
    private static final long SECOND = 1_000_000_000L;

    private static final ProxyCpu NO_CPU = new ProxyCpu() {
        @Override
        public long eventLoopNanos() {
            return 0;
        }

        @Override
        public long processNanos() {
            return -1;
        }
    };

    private static LoadResult run(InetSocketAddress nextHop, long holdNanos, long drainNanos) throws Exception {
        LoadPlan plan = new LoadPlan(1_000, SECOND / 10, 100, holdNanos, drainNanos, CALLER, nextHop, CALLEE, 1 << 20,
                1055550000L, 10_000);
        return new LoadRun(plan, NO_CPU, new PrintStream(new ByteArrayOutputStream())).run("t");
    }

    @Test
    void everyCallCompletesWhenNothingIsLost() throws Exception {
        LoadResult r = run(CALLEE, 0, 2 * SECOND);
        assertEquals(100, r.attempted());
        assertEquals(100, r.completed());
        assertEquals(0, r.failed());
        assertEquals(100, r.inviteLatencies().length);
        assertEquals(100, r.byeLatencies().length);
        assertTrue(r.inviteLatencies()[0] > 0);
        assertEquals(0, r.strays());
    }

    @Test
    void heldCallsStillComplete() throws Exception {
        LoadResult r = run(CALLEE, SECOND / 20, 2 * SECOND);
        assertEquals(100, r.completed());
        assertTrue(r.sendSeconds() > 0.09 && r.sendSeconds() < 0.5, "INVITEs over about 0.1 s: " + r.sendSeconds());
    }

    @Test
    void callsWithNoAnswerFailWhenTheDrainEnds() throws Exception {
        LoadResult r = run(NOBODY, 0, SECOND / 10);
        assertEquals(100, r.attempted());
        assertEquals(0, r.completed());
        assertEquals(100, r.unfinished());
        assertEquals(1.0, r.failureRatio());
    }
}
