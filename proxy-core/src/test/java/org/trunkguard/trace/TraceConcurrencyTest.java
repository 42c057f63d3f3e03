package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several event loops writing at once, across size rotations, interleave whole records only. */
class TraceConcurrencyTest {

    private static final int THREADS = 4;
    private static final int CALLS_PER_THREAD = 5_000;

    @TempDir
    Path directory;

    @Test
    void concurrentWritersNeverTearOrLoseARecord() throws Exception {
        TraceSettings settings = TestCalls.settings(directory).withMaxFileBytes(256 << 10);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (TraceWriter writer = TraceWriter.open(settings, new ManualClock(Instant.parse("2026-11-23T02:00:00Z")))) {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                String prefix = "t" + thread + "-";
                done.add(pool.submit((Callable<Void>) () -> {
                    CallDecision call = new CallDecision();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        writer.decision(TestCalls.allowed(call, i, prefix + i, "13800138000", "13900139000"));
                        writer.event(prefix + i, CallEvent.FAILED, i + 1, 486);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        List<CallTrace> all = TestCalls.queryAll(directory);
        assertEquals(THREADS * CALLS_PER_THREAD, all.size());
        Set<String> ids = new HashSet<>();
        for (CallTrace trace : all) {
            ids.add(trace.decision().callId());
            assertEquals(1, trace.events().size(), trace.decision().callId());
        }
        assertEquals(THREADS * CALLS_PER_THREAD, ids.size());
    }
}
