package org.trunkguard.trace;

import org.trunkguard.time.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceRepairTest {

    @TempDir
    Path directory;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));

    /** Writes three calls and returns the file and the offset where the third record starts. */
    private long[] writeThreeCalls(Path[] file) throws Exception {
        long[] ends = new long[3];
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            CallDecision call = new CallDecision();
            for (int i = 0; i < 3; i++) {
                writer.decision(TestCalls.allowed(call, 1_000 + i, "call-" + i, "13800138000", "13900139000"));
                ends[i] = Files.size(writer.currentFile());
            }
            file[0] = writer.currentFile();
        }
        return ends;
    }

    @Test
    void tornLastRecordIsCutAwayOnStartAndWritingGoesOn() throws Exception {
        Path[] file = new Path[1];
        long[] ends = writeThreeCalls(file);
        long mid = ends[1] + (ends[2] - ends[1]) / 2;
        try (FileChannel channel = FileChannel.open(file[0], StandardOpenOption.WRITE)) {
            channel.truncate(mid);
        }
        List<String> warnings = new ArrayList<>();
        assertEquals(2, TestCalls.query(directory, TraceCriteria.ALL, warnings).size());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("record cut short at offset " + ends[1]), warnings.get(0));

        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            assertEquals(1, writer.repairs().size());
            TraceRepair.Repair repair = writer.repairs().get(0);
            assertEquals(file[0], repair.file());
            assertEquals(ends[1], repair.keptBytes());
            assertEquals(mid - ends[1], repair.droppedBytes());
            assertNotEquals(file[0], writer.currentFile());
            writer.decision(TestCalls.allowed(new CallDecision(), 2_000, "after-crash", "13800138000", "1"));
        }
        assertEquals(ends[1], Files.size(file[0]));
        List<CallTrace> all = TestCalls.queryAll(directory);
        assertEquals(List.of("call-0", "call-1", "after-crash"),
                all.stream().map(trace -> trace.decision().callId()).toList());
    }

    @Test
    void tornFrameHeaderIsCutAway() throws Exception {
        Path[] file = new Path[1];
        long[] ends = writeThreeCalls(file);
        try (FileChannel channel = FileChannel.open(file[0], StandardOpenOption.WRITE)) {
            channel.truncate(ends[1] + 3);
        }
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            assertTrue(writer.repairs().get(0).reason().startsWith("incomplete frame header"));
        }
        assertEquals(2, TestCalls.queryAll(directory).size());
    }

    @Test
    void zeroFilledTailAndFlippedBitsAreCutAway() throws Exception {
        Path[] file = new Path[1];
        long[] ends = writeThreeCalls(file);
        try (FileChannel channel = FileChannel.open(file[0], StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4096), ends[2]);
        }
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            assertTrue(writer.repairs().get(0).reason().startsWith("impossible record length"));
        }
        assertEquals(3, TestCalls.queryAll(directory).size());

        Path newest = TraceFile.list(directory).get(1).path();
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            writer.decision(TestCalls.allowed(new CallDecision(), 1, "x", "1", "2"));
            newest = writer.currentFile();
        }
        try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xEE}), 20);
        }
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            assertTrue(writer.repairs().get(0).reason().startsWith("checksum mismatch at offset 0"));
        }
        assertEquals(0, Files.size(newest));
    }

    @Test
    void intactFilesAreLeftAlone() throws Exception {
        Path[] file = new Path[1];
        long[] ends = writeThreeCalls(file);
        try (TraceWriter writer = TraceWriter.open(TestCalls.settings(directory), clock)) {
            assertTrue(writer.repairs().isEmpty());
        }
        assertEquals(ends[2], Files.size(file[0]));
    }
}
