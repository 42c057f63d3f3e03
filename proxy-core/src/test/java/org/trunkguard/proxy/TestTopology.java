package org.trunkguard.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.auth.CallerIdSettings;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.config.ProxyConfigLoader;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.Transport;

/** The sample topology of conf/trunkguard.yaml, optionally with the core reached over TCP. */
final class TestTopology {
    static final String PROXY = "127.0.0.1:5060";
    static final String CALLER_HOST = "127.0.0.10";
    static final String CORE_HOST = "127.0.0.2";
    static final int CORE_PORT = 5080;

    private TestTopology() {
    }

    /** The segment store of a test run lives in a temporary folder, never in the work tree. */
    private static CallerIdSettings withStore(CallerIdSettings s) throws java.io.IOException {
        Path store = java.nio.file.Files.createTempDirectory("trunkguard-segments");
        return new CallerIdSettings(s.numberPlanFile(), s.segmentsFile(), store, s.roamingExemptFile(), s.blocklistFile(),
                s.allowlistFile(), s.ruleActions());
    }

    static ProxyConfig load(Transport coreTransport) throws Exception {
        Path file = Path.of(System.getProperty("trunkguard.home", "..")).resolve("conf/trunkguard.yaml");
        ProxyConfig c = ProxyConfigLoader.load(file);
        List<Trunk> trunks = new ArrayList<>();
        for (Trunk t : c.trunks()) {
            trunks.add(t.isCore() ? t.withNextHopTransport(coreTransport) : t);
        }
        Path trace = java.nio.file.Files.createTempDirectory("trunkguard-trace");
        return c.withTrunks(trunks).withCallerId(withStore(c.callerId())).withTrace(c.trace().withDirectory(trace));
    }
}
