package org.trunkguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.verdict.Verdict;

/** Judging a call with a reused CallIdentity allocates nothing (after the first sight of a caller). */
class ScreenAllocationTest {

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
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                last = judge(screen, call, asserted);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertSame(Verdict.ALLOW, last);
            assertEquals(0, allocated, "bytes allocated by 10,000 screenings");
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
