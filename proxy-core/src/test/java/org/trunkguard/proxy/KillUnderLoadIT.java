package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
        Process proxy = start(file);
        List<String> sent = new ArrayList<>();
        Map<String, Integer> decided;
        try (RawCore core = new RawCore(); RawCaller caller = new RawCaller("127.0.0.10", 5076)) {
            waitUntilServing(caller);
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
        decided.remove("probe");
        assertTrue(decided.size() >= 1000, "decisions seen before the kill: " + decided.size());
        Map<String, Integer> records = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (CallTrace t : TraceQuery.run(root.resolve("var/trace"), TraceCriteria.ALL, warnings::add)) {
            records.merge(t.decision().callId(), 1, Integer::sum);
        }
        for (String callId : decided.keySet()) {
            assertEquals(1, records.getOrDefault(callId, 0), "trace records of " + callId);
        }
        assertTrue(records.values().stream().allMatch(n -> n == 1), "no call is recorded twice");
        Process again = start(file);
        try (RawCaller caller = new RawCaller("127.0.0.10", 5078)) {
            waitUntilServing(caller);
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path config) throws Exception {
        Path home = Path.of(System.getProperty("trunkguard.home", ".."));
        String flags = Files.readAllLines(home.resolve("conf/jvm.properties")).stream()
                .filter(l -> l.startsWith("trunkguard.jvm.flags=")).findFirst().orElseThrow().substring(21);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(flags.split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.trunkguard.cli.Main", "run", "--config",
                config.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(config.getParent().resolveSibling("proxy.log").toFile()).start();
    }

    /** Sends a probe INVITE until the proxy answers it (bounded). */
    private static void waitUntilServing(RawCaller caller) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            caller.finals.remove("probe");
            caller.invite("probe", "01055550001", "13900000001");
            if (Await.until(() -> caller.finals.containsKey("probe"), 500)) {
                return;
            }
        }
        throw new AssertionError("the proxy did not start serving within 30 s");
    }
}
