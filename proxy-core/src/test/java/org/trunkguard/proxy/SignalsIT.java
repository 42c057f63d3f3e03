package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trunkguard run` as an operator runs it: SIGHUP reloads the configuration, SIGTERM stops it
 * cleanly, and its log carries no third-party advert.
 */
class SignalsIT {
    @TempDir
    Path root;

    @Test
    void sighupReloadsAndSigtermStops() throws Exception {
        Path file = ConfCopy.make(root);
        Process proxy = ChildProxy.start(file);
        try (RawCore core = new RawCore(); RawCaller trunk = new RawCaller("127.0.0.10", 5082);
             RawCaller stranger = new RawCaller("127.0.0.30", 5082)) {
            ChildProxy.waitUntilServing(trunk);
            stranger.invite("before-hup", "13812345678", "13900000001");
            assertFalse(Await.until(() -> stranger.finals.containsKey("before-hup"), 500), "127.0.0.30 is no trunk yet");
            Files.writeString(file, Files.readString(file).replace("trunks:\n",
                    "trunks:\n  - id: late-carrier\n    kind: INTERCARRIER\n    sources: [127.0.0.30/32]\n"));
            new ProcessBuilder("kill", "-HUP", Long.toString(proxy.pid())).start().waitFor(5, TimeUnit.SECONDS);
            boolean served = false;
            for (int i = 0; i < 20 && !served; i++) {
                stranger.invite("after-hup-" + i, "13812345678", "13900000001");
                String id = "after-hup-" + i;
                served = Await.until(() -> stranger.finals.containsKey(id), 500);
            }
            assertTrue(served, "after SIGHUP the new trunk is served");
        }
        proxy.destroy();
        assertTrue(proxy.waitFor(15, TimeUnit.SECONDS), "SIGTERM stops the proxy");
        String log = Files.readString(ChildProxy.log(file));
        assertTrue(log.contains("trunkguard stopped"), log);
        assertTrue(log.contains("reloaded"), log);
        // conf/jvm.properties silences Chronicle's start-up announcement: a network element's log has no adverts.
        assertFalse(log.contains("Leave your e-mail"), log);
    }
}
