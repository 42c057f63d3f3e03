package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TraceCliTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeCalls() throws Exception {
        long t = T0.toEpochMilli();
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), new ManualClock(T0))) {
            CallDecision call = new CallDecision();
            writer.decision(TestCalls.allowed(call, t, "ok-1", "13800138000", "13900139000"));
            writer.event("ok-1", CallEvent.RINGING, t + 2_400, 180);
            writer.event("ok-1", CallEvent.CANCELLED, t + 3_000, 487);
            writer.decision(TestCalls.rejected(call, t + 60_000, "spoof \"2\"", "13700137000", "13900139000"));
        }
    }

    private int run(String... args) {
        TraceCli cli = new TraceCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(cli).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableForPeopleExitsZeroOnMatch() {
        assertEquals(0, run("--dir", directory.toString(), "--caller", "13800138000", "--zone", "Asia/Shanghai"));
        String[] lines = out().split("\n");
        assertEquals(2, lines.length, out());
        assertTrue(lines[0].startsWith("TIME"), lines[0]);
        assertTrue(lines[1].startsWith("2026-11-23 10:00:00.000  ent-acme  192.0.2.10:5060  ok-1"), lines[1]);
        assertTrue(lines[1].contains("+2.4s"), lines[1]);
        assertTrue(lines[1].contains("CANCELLED 487 +3.0s"), lines[1]);
    }

    @Test
    void jsonLinesForScripts() {
        assertEquals(0, run("--dir", directory.toString(), "--callee", "13900139000", "--json"));
        String[] lines = out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"time\":\"2026-11-23T02:00:00Z\",\"trunk\":\"ent-acme\""), lines[0]);
        assertTrue(lines[0].contains("\"ringingAt\":\"2026-11-23T02:00:02.400Z\",\"answeredAt\":null"), lines[0]);
        assertTrue(lines[0].contains("\"end\":\"CANCELLED\",\"endStatus\":487,\"durationMillis\":-1"), lines[0]);
        assertTrue(lines[1].contains("\"callId\":\"spoof \\\"2\\\"\""), lines[1]);
        assertTrue(lines[1].contains("\"action\":\"REJECT\",\"ruleId\":\"intl-spoof-86\""), lines[1]);
        assertTrue(lines[1].contains("\"responseStatus\":403"), lines[1]);
    }

    @Test
    void timeWindowTakesInstantsLocalTimesAndDates() {
        assertEquals(0, run("--dir", directory.toString(), "--since", "2026-11-23T02:00:30Z", "--json"));
        assertEquals(1, out().split("\n").length);
        out.reset();
        assertEquals(0, run("--dir", directory.toString(), "--since", "2026-11-23", "--until", "2026-11-23T10:00:30",
                "--zone", "Asia/Shanghai", "--json"));
        assertTrue(out().contains("ok-1") && !out().contains("spoof"), out());
        assertEquals(T0, TraceCli.time("--since", "2026-11-23 02:00", ZoneOffset.UTC));
        assertEquals(T0, TraceCli.time("--since", "2026-11-23T10:00:00+08:00", ZoneOffset.UTC));
    }

    @Test
    void exitsOneWhenNothingMatches() {
        assertEquals(1, run("--dir", directory.toString(), "--call-id", "nobody"));
        assertEquals("", out());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no call matched"));
    }

    @Test
    void badArgumentsExitTwoWithAClearMessage() {
        assertEquals(2, run("--dir", directory.toString(), "--since", "yesterday"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("trace: --since 'yesterday' is neither"));
        err.reset();
        assertEquals(2, run("--dir", directory.resolve("missing").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing does not exist"));
        err.reset();
        assertEquals(2, run("--dir", directory.toString(), "--since", "2026-11-24", "--until", "2026-11-23"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("must be before --until"));
    }
}
