package org.trunkguard.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trunkguard.sip.Transport;

/**
 * SIPVicious's {@code svmap}, the scanner behind most "friendly-scanner" traffic on the
 * Internet, against the proxy: from an address that is no trunk it finds nothing, whatever the
 * method, while from a trunk's address an OPTIONS is relayed to the core and the core's answer
 * comes back. Runs only where {@code svmap} is on the PATH (Debian: {@code apt-get install sipvicious}).
 */
class ScannerIT {
    /** svmap's own wait is a few seconds; this bounds a hung scanner. */
    private static final long SCAN_TIMEOUT_SECONDS = 60;

    @TempDir
    Path home;

    private TrunkguardProxy proxy;
    private RawCore core;

    @BeforeAll
    static void svmapInstalled() {
        assumeTrue(ExternalTools.onPath("svmap"), "svmap is not on the PATH (Debian package sipvicious)");
    }

    @BeforeEach
    void start() throws Exception {
        proxy = new TrunkguardProxy(TestTopology.load(Transport.UDP), CallJudge.FORWARD_ALL, e -> { }).start();
        core = new RawCore();
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
        proxy.close();
    }

    @Test
    void aScanFromAnUnknownAddressFindsNothing() throws Exception {
        for (String method : new String[] {"OPTIONS", "INVITE", "REGISTER"}) {
            String report = svmap("-m", method, "127.0.0.1");
            assertTrue(report.contains("found nothing"), method + " scan:\n" + report);
        }
        assertTrue(proxy.counters().unknownSources.sum() >= 3, "every probe counted as from an unknown source");
        assertEquals(0, proxy.counters().requestsForwarded.sum(), "nothing reached the core");
    }

    @Test
    void aScanFromATrunkAddressIsRelayedToTheCore() throws Exception {
        String report = svmap("-b", TestTopology.CALLER_HOST, "-x", TestTopology.CALLER_HOST, "127.0.0.1");
        assertTrue(report.contains("127.0.0.1:5060"), "the core's 200 to the OPTIONS came back through the proxy:\n" + report);
        assertEquals(1, proxy.counters().requestsForwarded.sum());
    }

    /** Runs svmap against port 5060 of {@code target}; returns what it printed. */
    private String svmap(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("svmap", "-p5060"));
        command.addAll(List.of(args));
        Path out = home.resolve("svmap.out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("HOME", home.toString()); // svmap keeps its session files under ~/.sipvicious
        Process scan = builder.start();
        assertTrue(scan.waitFor(SCAN_TIMEOUT_SECONDS, TimeUnit.SECONDS), "svmap did not finish");
        assertEquals(0, scan.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
