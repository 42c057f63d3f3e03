package org.trunkguard.trace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.trunkguard.verdict.Verdict;

/** Builds the decisions and settings the trace tests share. */
final class TestCalls {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Verdict SPOOF = Verdict.reject("intl-spoof-86", "domestic caller on an international trunk", 403);

    private TestCalls() {
    }

    static TraceSettings settings(Path directory) {
        return TraceSettings.defaults().withDirectory(directory).withZone(SHANGHAI)
                .withFlushInterval(Duration.ofSeconds(1));
    }

    /** A forwarded call from {@code caller} to {@code callee}. */
    static CallDecision allowed(CallDecision into, long timeMillis, String callId, String caller, String callee) {
        return into.clear().time(timeMillis).trunk("ent-acme").source(address("192.0.2.10"), 5060).callId(callId)
                .from("<sip:" + caller + "@192.0.2.10>;tag=a1", "+86" + caller)
                .assertedIdentity("<sip:+86" + caller + "@192.0.2.10>", "+86" + caller)
                .to("<sip:" + callee + "@core.example>", "+86" + callee)
                .verdict(Verdict.ALLOW);
    }

    static CallDecision rejected(CallDecision into, long timeMillis, String callId, String caller, String callee) {
        return allowed(into, timeMillis, callId, caller, callee).trunk("intl-gw-1").verdict(SPOOF);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static List<CallTrace> query(Path directory, TraceCriteria criteria, List<String> warnings) throws Exception {
        return TraceQuery.run(directory, criteria, warnings::add);
    }

    static List<CallTrace> queryAll(Path directory) throws Exception {
        List<String> warnings = new ArrayList<>();
        List<CallTrace> all = TraceQuery.run(directory, TraceCriteria.ALL, warnings::add);
        if (!warnings.isEmpty()) {
            throw new AssertionError("unexpected warnings: " + warnings);
        }
        return all;
    }
}
