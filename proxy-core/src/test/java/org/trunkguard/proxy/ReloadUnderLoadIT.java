package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.node.TrunkguardNode;

/** Reloads while calls flow: no call fails, a new trunk starts working, a broken file changes nothing. */
class ReloadUnderLoadIT {
    private static final int CALLS = 1500;

    @TempDir
    Path root;

    @Test
    void reloadUnderLoadLosesNoCallAndRefusesABrokenFile() throws Exception {
        Path file = ConfCopy.forLoad(root);
        try (TrunkguardNode node = TrunkguardNode.start(ProxyConfigLoader.load(file), TrunkguardNode.NodeObservers.NONE);
             RawCore core = new RawCore();
             RawCaller caller = new RawCaller("127.0.0.10", 5074)) {
            Thread load = new Thread(() -> {
                try {
                    for (int i = 0; i < CALLS; i++) {
                        caller.invite("reload-" + i, "0105555" + String.format("%04d", i % 10_000), "139" + String.format("%08d", 7_919L * i));
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(700));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "load");
            load.start();
            String original = Files.readString(file);
            assertNull(node.reload(), "reloading the unchanged file");
            String added = original.replace("trunks:\n", "trunks:\n  - id: late-carrier\n    kind: INTERCARRIER\n"
                    + "    sources: [127.0.0.30/32]\n");
            Files.writeString(file, added);
            assertNull(node.reload(), "reloading with a new trunk");
            assertEquals(5, node.config().trunks().size());
            Files.writeString(file, added.replace("udp-port: 5060", "udp-port: 99999"));
            String refused = node.reload();
            assertTrue(refused != null && refused.contains("trunkguard.yaml:") && refused.contains("proxy.listen.udp-port"),
                    String.valueOf(refused));
            assertEquals(5, node.config().trunks().size(), "the running configuration stays");
            load.join(30_000);
            assertTrue(Await.until(() -> caller.finals.size() == CALLS, 10_000), "finals: " + caller.finals.size());
            assertTrue(caller.finals.values().stream().allMatch(s -> s == 200),
                    "every call answered: " + caller.finals.values().stream().filter(s -> s != 200).toList());
            caller.invite("spoof-before", "13812345678", "13900000001");
            assertTrue(Await.until(() -> caller.finals.containsKey("spoof-before"), 5000));
            assertEquals(403, caller.finals.get("spoof-before"));
            Files.writeString(file, added.replace("segment-ownership: reject 403", "segment-ownership: mark"));
            assertNull(node.reload(), "changing a rule's action");
            caller.invite("spoof-after", "13812345678", "13900000001");
            assertTrue(Await.until(() -> caller.finals.containsKey("spoof-after"), 5000));
            assertEquals(200, caller.finals.get("spoof-after"), "a marked call is forwarded");
            try (RawCaller late = new RawCaller("127.0.0.30", 5074)) {
                late.invite("late-1", "13812345678", "13900000001");
                assertTrue(Await.until(() -> late.finals.containsKey("late-1"), 5000), "the reloaded trunk is served");
                assertEquals(200, late.finals.get("late-1"));
            }
        }
    }
}
