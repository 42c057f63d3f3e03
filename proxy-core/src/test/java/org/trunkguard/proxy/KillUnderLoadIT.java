package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.trace.CallTrace;
import org.trunkguard.trace.TraceCriteria;
import org.trunkguard.trace.TraceQuery;

/**
 * kill -9 of a running proxy under load: every call whose decision reached the caller has exactly
 * one trace record, and the proxy starts again on the same files.
 */
class KillUnderLoadIT {
    @TempDir
    Path root;

    @Test
    void everyDecidedCallIsTracedOnceAfterSigkill() throws Exception {
        Path file = ConfCopy.forLoad(root);
        Process proxy = ChildProxy.start(file);
        List<String> sent = new ArrayList<>();
        Map<String, Integer> decided;
        try (RawCore core = new RawCore(); RawCaller caller = new RawCaller("127.0.0.10", 5076)) {
            ChildProxy.waitUntilServing(caller);
            for (int i = 0; caller.finals.size() < 1200 && i < 20_000; i++) {
                String id = "kill-" + i;
                sent.add(id);
                String from = i % 4 == 0 ? "13812345678" : "0105555" + String.format("%04d", i % 10_000);
                caller.invite(id, from, "139" + String.format("%08d", 7_919L * i));
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
            }
            proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            decided = new HashMap<>(caller.finals);
        }
        decided.keySet().removeIf(id -> id.startsWith("probe-"));
        assertTrue(decided.size() >= 1000, "decisions seen before the kill: " + decided.size());
        Map<String, Integer> records = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (CallTrace t : TraceQuery.run(root.resolve("var/trace"), TraceCriteria.ALL, warnings::add)) {
            records.merge(t.decision().callId(), 1, Integer::sum);
        }
        records.keySet().removeIf(id -> id.startsWith("probe-"));
        for (String callId : decided.keySet()) {
            assertEquals(1, records.getOrDefault(callId, 0), "trace records of " + callId);
        }
        assertTrue(records.values().stream().allMatch(n -> n == 1), "no call is recorded twice");
        Process again = ChildProxy.start(file);
        try (RawCaller caller = new RawCaller("127.0.0.10", 5078)) {
            ChildProxy.waitUntilServing(caller);
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
