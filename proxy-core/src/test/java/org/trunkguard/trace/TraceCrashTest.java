package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a JVM in the middle of writing loses no record of a call that got its decision:
 * every Call-ID the child acknowledged has exactly one DECISION record afterwards.
 */
class TraceCrashTest {

    private static final int ACKS_BEFORE_KILL = 3_000;

    @TempDir
    Path directory;

    @Test
    @Timeout(60)
    void everyAcknowledgedDecisionSurvivesSigkill() throws Exception {
        Path stderr = directory.resolve("child-stderr.txt");
        Path traces = directory.resolve("trace");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dchronicle.analytics.disable=true", "-Dchronicle.announcer.disable=true",
                "-cp", System.getProperty("java.class.path"),
                CrashingWriterMain.class.getName(), traces.toString())
                .redirectError(stderr.toFile())
                .start();
        Set<String> acknowledged = new LinkedHashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ") && line.endsWith(";")) {
                    acknowledged.add(line.substring(4, line.length() - 1));
                    if (acknowledged.size() == ACKS_BEFORE_KILL) {
                        // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves our
                        // end of the pipe open: the acks the child printed up to its death are still
                        // read and checked, including the very last one.
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        if (acknowledged.size() < ACKS_BEFORE_KILL) {
            fail("child stopped after " + acknowledged.size() + " acks: " + Files.readString(stderr));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        List<String> warnings = new ArrayList<>();
        assertExactlyOneDecisionEach(acknowledged, TestCalls.query(traces, TraceCriteria.ALL, warnings));

        ManualClock clock = new ManualClock(Instant.now());
        try (TraceWriter reopened = TraceWriter.open(TestCalls.settings(traces), clock)) {
            assertTrue(reopened.repairs().size() <= 1);
        }
        assertExactlyOneDecisionEach(acknowledged, TestCalls.queryAll(traces));
    }

    private static void assertExactlyOneDecisionEach(Set<String> acknowledged, List<CallTrace> traces) {
        Map<String, Integer> decisions = new HashMap<>();
        for (CallTrace trace : traces) {
            decisions.merge(trace.decision().callId(), 1, Integer::sum);
        }
        for (String callId : acknowledged) {
            assertEquals(1, decisions.getOrDefault(callId, 0), callId);
        }
        assertTrue(traces.size() >= acknowledged.size());
    }
}
