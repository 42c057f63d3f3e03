package org.trunkguard.auth;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.verdict.Verdict;

/**
 * Judging a call with a reused CallIdentity allocates nothing (after the first sight of a caller).
 * Measured with the JVM's per-thread allocation counter over {@value #SCREENINGS} screenings.
 */
class ScreenAllocationTest {
    private static final int SCREENINGS = 100_000;
    /**
     * The JVM itself may allocate a few dozen bytes on this thread while measuring (CI once saw 80):
     * until C2 has compiled the loop, objects that escape analysis removes are still allocated. One
     * 16-byte object per screening would be 1.6 MB per round, so this slack cannot hide a per-call
     * allocation.
     */
    private static final long SLACK_BYTES = 1_024;
    /** Rounds measured; a per-call allocation shows in every one, a JIT transition in one at most. */
    private static final int ROUNDS = 5;

    @TempDir
    Path temp;

    @Test
    void judgingRepeatedCallsAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NumberAuthority authority = NumberAuthority.load(TestAuthorities.settingsIn(temp))) {
            CallerIdScreen screen = authority.screen();
            List<String> asserted = List.of("sip:+861055551234@pbx;user=phone");
            CallIdentity call = new CallIdentity();
            Verdict last = null;
            for (int warm = 0; warm < 20_000; warm++) {
                last = judge(screen, call, asserted);
            }
            List<Long> rounds = new ArrayList<>();
            long fewest = Long.MAX_VALUE;
            while (rounds.size() < ROUNDS && fewest >= SLACK_BYTES) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < SCREENINGS; i++) {
                    last = judge(screen, call, asserted);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                rounds.add(allocated);
                fewest = Math.min(fewest, allocated);
            }
            assertSame(Verdict.ALLOW, last);
            assertTrue(fewest < SLACK_BYTES, "bytes allocated per round of " + SCREENINGS + " screenings: " + rounds);
        }
    }

    private static Verdict judge(CallerIdScreen screen, CallIdentity call, List<String> asserted) {
        call.reset("sip:01055551234@pbx", asserted, null, null, "sip:13912345678@core");
        Verdict enterprise = screen.screen(CallerIdScreenTest.DEMO_PBX, call);
        call.reset("sip:1381234567@peer", List.of(), null, null, "sip:13912345678@core");
        screen.screen(CallerIdScreenTest.PEER, call);
        return enterprise;
    }
}
