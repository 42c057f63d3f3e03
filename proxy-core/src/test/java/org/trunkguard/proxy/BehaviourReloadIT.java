package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.behaviour.BehaviourGuard;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.demo.Callee;
import org.trunkguard.demo.Caller;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.time.ManualClock;

/** Reloading detector thresholds puts them in force and keeps the penalty box. */
class BehaviourReloadIT {
    @TempDir
    Path root;

    @Test
    void newThresholdsTakeEffectAndPenaltiesStay() throws Exception {
        Path file = ConfCopy.make(root);
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T02:00:00Z"));
        try (TrunkguardNode node = TrunkguardNode.start(ProxyConfigLoader.load(file), TrunkguardNode.NodeObservers.NONE, clock);
             Callee callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, "udp");
             Caller caller = new Caller(TestTopology.CALLER_HOST, 5070, "udp", TestTopology.PROXY)) {
            SipScript script = new SipScript(caller, clock);
            String baiter = "01055551009";
            for (int i = 0; i < 12; i++) {
                script.ringAndCancel(baiter, "180139" + String.format("%05d", 700 + i));
            }
            assertEquals(603, script.outcome(baiter, "13900000001"));
            BehaviourGuard before = node.guard();
            assertNull(node.reload(), "reloading an unchanged file");
            assertSame(before, node.guard(), "unchanged settings keep the running detectors");

            Files.writeString(file, Files.readString(file).replace("critical-count: 10", "critical-count: 30"));
            assertNull(node.reload());
            assertNotSame(before, node.guard(), "new thresholds are in force");
            assertEquals(30, node.guard().settings().ringOnce().criticalCount());
            assertTrue(node.guard().penaltyBox().list().stream().anyMatch(e -> e.caller().equals(baiter)),
                    "the penalty box survives the reload");
            assertEquals(603, script.outcome(baiter, "13900000002"), "the boxed caller is still refused");
        }
    }

    @Test
    void countsBeforeAReloadCountAgainstTheNewThresholds() throws Exception {
        Path file = ConfCopy.make(root);
        ManualClock clock = new ManualClock(Instant.parse("2026-11-24T02:00:00Z"));
        try (TrunkguardNode node = TrunkguardNode.start(ProxyConfigLoader.load(file), TrunkguardNode.NodeObservers.NONE, clock);
             Callee callee = new Callee(TestTopology.CORE_HOST, TestTopology.CORE_PORT, "udp");
             Caller caller = new Caller(TestTopology.CALLER_HOST, 5070, "udp", TestTopology.PROXY)) {
            SipScript script = new SipScript(caller, clock);
            String baiter = "01055551010";
            for (int i = 0; i < 6; i++) {
                script.ringAndCancel(baiter, "180139" + String.format("%05d", 800 + i));
            }
            Files.writeString(file, Files.readString(file).replace("critical-count: 10", "critical-count: 6"));
            assertNull(node.reload());
            assertEquals(6, node.guard().settings().ringOnce().criticalCount());
            assertEquals(603, script.outcome(baiter, "13900000003"),
                    "the 6 cancels seen before the reload reach the new critical count");
        }
    }
}
