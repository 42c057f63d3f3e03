package org.trunkguard.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trunkguard.auth.CallerIdSettings;
import org.trunkguard.auth.NumberAuthority;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.proxy.CallerIdJudge;
import org.trunkguard.proxy.ExternalTools;
import org.trunkguard.proxy.TrunkguardProxy;

/**
 * The carrier-lab SIPp scenarios (sipp-scenarios/) against the proxy on the conf/ defaults, with
 * caller-ID authentication as {@code trunkguard run} wires it: 50 answered calls from the
 * demo-callcenter trunk, and 10 spoofed callers refused with 403 and a Reason. Runs only where
 * {@code sipp} is on the PATH (Debian: {@code apt-get install sip-tester}); SIPp's exit code is
 * the verdict (0: every call went as the scenario expects).
 */
class SippIT {
    private static final Path HOME = Path.of(System.getProperty("trunkguard.home", "..")).toAbsolutePath().normalize();
    private static final Path SCENARIOS = HOME.resolve("sipp-scenarios");
    /** SIPp's own bound: a scenario stuck on a lost message ends with a failure, not a hung build. */
    private static final String SIPP_TIMEOUT_SECONDS = "30";

    private NumberAuthority authority;
    private TrunkguardProxy proxy;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(ExternalTools.onPath("sipp"), "sipp is not on the PATH (Debian package sip-tester)");
    }

    @BeforeEach
    void startProxy() throws Exception {
        ProxyConfig c = ProxyConfigLoader.load(HOME.resolve("conf/trunkguard.yaml"));
        CallerIdSettings s = c.callerId();
        Path store = Files.createTempDirectory("trunkguard-segments");
        CallerIdSettings settings = new CallerIdSettings(s.numberPlanFile(), s.segmentsFile(), store, s.roamingExemptFile(),
                s.blocklistFile(), s.allowlistFile(), s.ruleActions());
        ProxyConfig config = c.withCallerId(settings);
        authority = NumberAuthority.load(settings);
        proxy = new TrunkguardProxy(config, new CallerIdJudge(authority.screen()), e -> { }).start();
    }

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
        proxy.close();
        authority.close();
    }

    @Test
    void fiftyCallsFromTheEnterpriseTrunkComplete() throws Exception {
        Process callee = sipp("uas", "-sf", "uas-basic.xml", "-i", "127.0.0.2", "-p", "5080", "-m", "50");
        Process caller = sipp("uac", "-sf", "uac-basic.xml", "-inf", "callers.csv", "-i", "127.0.0.10", "-p", "5060",
                "-s", "13900000001", "127.0.0.1:5060", "-r", "25", "-m", "50");
        assertEquals(0, exitCode(caller, "uac"), "SIPp UAC: every call INVITE/200/ACK/BYE/200 (see target/sipp-uac.out)");
        assertEquals(0, exitCode(callee, "uas"), "SIPp UAS: every call answered and ended (see target/sipp-uas.out)");
        assertEquals(50, proxy.counters().callsForwarded.sum());
        assertEquals(0, proxy.counters().callsRejected.sum());
    }

    @Test
    void spoofedCallersGet403WithReason() throws Exception {
        Process caller = sipp("uac-spoofed", "-sf", "uac-spoofed.xml", "-i", "127.0.0.10", "-p", "5060", "-s", "13900000001",
                "127.0.0.1:5060", "-r", "10", "-m", "10");
        assertEquals(0, exitCode(caller, "uac-spoofed"), "SIPp: 403 with a segment-ownership Reason (see target/sipp-uac-spoofed.out)");
        assertEquals(10, proxy.counters().callsRejected.sum());
        assertEquals(0, proxy.counters().callsForwarded.sum());
    }

    private Process sipp(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-nostdin", "-timeout", SIPP_TIMEOUT_SECONDS, "-timeout_error",
                "-trace_err", "-error_file", new File("target/sipp-" + name + "-errors.log").getAbsolutePath()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(SCENARIOS.toFile()).redirectErrorStream(true)
                .redirectOutput(new File("target/sipp-" + name + ".out")).start();
        started.add(p);
        return p;
    }

    private static int exitCode(Process p, String name) throws InterruptedException {
        assertTrue(p.waitFor(Long.parseLong(SIPP_TIMEOUT_SECONDS) + 15, TimeUnit.SECONDS), "sipp " + name + " did not exit");
        return p.exitValue();
    }
}
