package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRetentionTest {

    @TempDir
    Path directory;

    @Test
    void deletesOnlyFilesPastRetention() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T02:00:00Z"));
        CallDecision call = new CallDecision();
        // One file per day, 2026-01-01 .. 2026-01-03 (Shanghai), then jump to 2026-07-01.
        for (int day = 0; day < 3; day++) {
            try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
                writer.decision(TestCalls.allowed(call, clock.millis(), "d" + day, "1", "2"));
            }
            clock.advance(Duration.ofDays(1));
        }
        Path unrelated = Files.writeString(directory.resolve("notes.txt"), "kept");
        clock.set(Instant.parse("2026-07-01T02:00:00Z"));
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            List<Path> deleted = writer.deleteExpired();
            assertEquals(List.of("trace-20260101-0001.trc"),
                    deleted.stream().map(path -> path.getFileName().toString()).toList());
            assertTrue(Files.exists(writer.currentFile()));
        }
        assertTrue(Files.exists(unrelated));
        assertEquals(List.of("d1", "d2"),
                TestCalls.queryAll(directory).stream().map(trace -> trace.decision().callId()).toList());

        assertEquals(2, TraceRetention.deleteExpired(directory, 1, TestCalls.SHANGHAI, clock).size());
    }
}
