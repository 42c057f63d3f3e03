package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.node.TrunkguardNode;

/**
 * Issue 8: a trunk added and removed by reload, again and again, while calls flow on it and on a
 * trunk that stays. A reload swaps one trunk table whose trunks carry their caller-ID profile and
 * contract, so no call ever meets a trunk without them: no internal error, and every call either
 * gets a final answer or, sent while its trunk was absent, is dropped as an unknown source.
 */
class TrunkFlapIT {
    private static final int FLAPS = 150;
    /** Calls each caller keeps in flight. */
    private static final int WINDOW = 32;
    private static final String FLAP_HOST = "127.0.0.31";
    private static final String FLAP_TRUNK = "  - id: flap-carrier\n    kind: INTERCARRIER\n    sources: [" + FLAP_HOST
            + "/32]\n    contract:\n      calls-per-second: 5000\n      burst: 5000\n      max-concurrent: 100000\n";

    @TempDir
    Path root;

    @Test
    void flappingATrunkUnderLoadCausesNoInternalErrorAndLosesNoCall() throws Exception {
        Path file = ConfCopy.forLoad(root);
        String without = Files.readString(file);
        String with = without.replace("trunks:\n", "trunks:\n" + FLAP_TRUNK);
        try (TrunkguardNode node = TrunkguardNode.start(ProxyConfigLoader.load(file), TrunkguardNode.NodeObservers.NONE);
             RawCore core = new RawCore();
             RawCaller steady = new RawCaller("127.0.0.10", 5074);
             RawCaller flapping = new RawCaller(FLAP_HOST, 5075)) {
            ProxyCounters counters = node.proxy().counters();
            long errorsBefore = counters.internalErrors.sum();
            long unknownBefore = counters.unknownSources.sum();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger steadySent = new AtomicInteger();
            AtomicInteger flapSent = new AtomicInteger();
            Thread steadyLoad = load("steady", running, steadySent, () -> steady.finals.size(),
                    i -> steady.invite("steady-" + i, "0105555" + String.format("%04d", i % 10_000),
                            "139" + String.format("%08d", 7_919L * i % 100_000_000)));
            Thread flapLoad = load("flapping", running, flapSent,
                    () -> flapping.finals.size() + counters.unknownSources.sum() - unknownBefore,
                    i -> flapping.invite("flap-" + i, "138" + String.format("%08d", 104_729L * i % 100_000_000),
                            "137" + String.format("%08d", 7_919L * i % 100_000_000)));
            steadyLoad.start();
            flapLoad.start();
            try {
                for (int flap = 0; flap < FLAPS; flap++) {
                    Files.writeString(file, with);
                    assertNull(node.reload(), "adding the trunk, flap " + flap);
                    assertEquals(errorsBefore, counters.internalErrors.sum(), "internal errors by flap " + flap);
                    int served = flapping.finals.size();
                    assertTrue(Await.until(() -> flapping.finals.size() > served, 5_000),
                            "the added trunk is served, flap " + flap + ": flapping sent " + flapSent.get() + ", answered "
                                    + flapping.finals.size() + ", steady sent " + steadySent.get() + ", answered "
                                    + steady.finals.size() + "; " + counts(node, core));
                    Files.writeString(file, without);
                    assertNull(node.reload(), "removing the trunk, flap " + flap);
                }
            } finally {
                running.set(false);
                steadyLoad.join(10_000);
                flapLoad.join(10_000);
            }

            assertTrue(Await.until(() -> steady.finals.size() == steadySent.get(), 10_000),
                    "steady finals: " + steady.finals.size() + " of " + steadySent.get() + "; " + counts(node, core));
            assertTrue(steady.finals.values().stream().allMatch(s -> s == 200),
                    "every steady call answered: " + steady.finals.values().stream().filter(s -> s != 200).toList());
            assertTrue(Await.until(() -> flapping.finals.size() + counters.unknownSources.sum() - unknownBefore
                    == flapSent.get(), 10_000), "flapping calls: " + flapping.finals.size() + " answered, "
                    + (counters.unknownSources.sum() - unknownBefore) + " dropped as unknown, of " + flapSent.get() + "; "
                    + counts(node, core));
            assertTrue(flapping.finals.values().stream().allMatch(s -> s == 200),
                    "every flapping call let in was answered: "
                            + flapping.finals.values().stream().filter(s -> s != 200).toList());
            assertTrue(counters.unknownSources.sum() > unknownBefore, "some calls met the trunk removed");
            assertEquals(0, counters.internalErrors.sum() - errorsBefore, "internal errors");
            assertEquals(4, node.config().trunks().size(), "the trunk is gone after the last flap");
        }
    }

    private static String counts(TrunkguardNode node, RawCore core) {
        ProxyCounters c = node.proxy().counters();
        return "forwarded " + c.callsForwarded.sum() + ", rejected " + c.callsRejected.sum() + ", core saw "
                + core.invites.size() + ", unknown " + c.unknownSources.sum() + ", internal errors "
                + c.internalErrors.sum() + ", send failures " + c.sendFailures.sum() + ", malformed "
                + c.malformedRequests.sum() + ", retransmissions " + c.retransmissionsAbsorbed.sum() + ", relayed "
                + c.responsesRelayed.sum() + ", stray " + c.strayResponses.sum();
    }

    /**
     * Sends numbered INVITEs until {@code running} is cleared, keeping at most {@value #WINDOW} of
     * them unsettled ({@code settled}: answered, or dropped): the load follows what the proxy
     * handles, so a busy machine slows it down instead of overflowing socket buffers.
     */
    private static Thread load(String name, AtomicBoolean running, AtomicInteger sent, LongSupplier settled,
                               Invite invite) {
        return new Thread(() -> {
            try {
                while (running.get()) {
                    if (sent.get() - settled.getAsLong() >= WINDOW) {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
                        continue;
                    }
                    invite.send(sent.get());
                    sent.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
    }

    @FunctionalInterface
    private interface Invite {
        void send(int index) throws Exception;
    }
}
