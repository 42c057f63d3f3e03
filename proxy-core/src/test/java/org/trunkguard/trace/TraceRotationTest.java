package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRotationTest {

    @TempDir
    Path directory;

    @Test
    void rollsAtMidnightInTheConfiguredZone() throws Exception {
        // 15:59:59 UTC is 23:59:59 in Shanghai: the next second is a new day there, not in UTC.
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T15:59:59Z"));
        CallDecision call = new CallDecision();
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            writer.decision(TestCalls.allowed(call, clock.millis(), "before", "1", "2"));
            clock.advance(Duration.ofSeconds(1));
            writer.decision(TestCalls.allowed(call, clock.millis(), "after", "1", "2"));
            writer.event("before", CallEvent.ENDED, clock.millis(), 0);
        }
        List<TraceFile> files = TraceFile.list(directory);
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24)),
                files.stream().map(TraceFile::day).toList());
        assertEquals("trace-20261123-0001.trc", files.get(0).path().getFileName().toString());
        List<CallTrace> all = TestCalls.queryAll(directory);
        assertEquals(2, all.size());
        assertEquals(CallEvent.ENDED, all.get(0).end().kind(), "an event in the next day's file still joins");
    }

    @Test
    void rollsBeforeAFileWouldPassItsMaximumSize() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
        TraceSettings settings = TestCalls.settings(directory).withMaxFileBytes(TraceSettings.MIN_MAX_FILE_BYTES);
        int calls = 1_000;
        try (TraceWriter writer = TraceWriter.open(settings, clock)) {
            CallDecision call = new CallDecision();
            for (int i = 0; i < calls; i++) {
                writer.decision(TestCalls.allowed(call, clock.millis(), "size-" + i, "13800138000", "13900139000"));
            }
        }
        List<TraceFile> files = TraceFile.list(directory);
        assertTrue(files.size() >= 3, "files: " + files);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(i + 1, files.get(i).sequence());
            assertTrue(Files.size(files.get(i).path()) <= settings.maxFileBytes());
        }
        List<CallTrace> all = TestCalls.queryAll(directory);
        assertEquals(calls, all.size());
        assertEquals("size-999", all.get(calls - 1).decision().callId());
    }

    @Test
    void aRestartContinuesTheDaysSequence() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
        for (int run = 0; run < 3; run++) {
            try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
                assertEquals(String.format("trace-20261123-%04d.trc", run + 1), writer.currentFile().getFileName().toString());
            }
        }
    }
}
