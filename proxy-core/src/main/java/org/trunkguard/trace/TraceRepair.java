package org.trunkguard.trace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts away what a crash left half written at the end of a trace file. A kill -9 or power loss
 * in the middle of a {@code write} leaves a frame whose length runs past the end of the file or
 * whose CRC does not match; everything from that frame on is removed, because after a damaged
 * frame the framing itself can no longer be trusted. Never fails the start: the damage is
 * reported as a {@link Repair} for the log.
 */
final class TraceRepair {

    /** What was cut from one file, and why. */
    record Repair(Path file, long keptBytes, long droppedBytes, String reason) {
        @Override
        public String toString() {
            return file + ": kept " + keptBytes + " bytes, cut " + droppedBytes + " bytes (" + reason + ")";
        }
    }

    private TraceRepair() {
    }

    /** Checks {@code file} and truncates a damaged tail; null when the file was intact. */
    static Repair repair(Path file) throws IOException {
        long kept;
        long size;
        TraceFileScanner.Stop stop;
        try (TraceFileScanner scanner = new TraceFileScanner(file)) {
            while (scanner.next() != null) {
                // only the framing matters here: where the last intact frame ends
            }
            stop = scanner.stop();
            kept = scanner.validBytes();
            size = scanner.size();
        }
        if (stop == TraceFileScanner.Stop.END_OF_FILE) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(kept);
            channel.force(true);
        }
        return new Repair(file, kept, size - kept, stop.describe() + " at offset " + kept);
    }
}
