package org.trunkguard.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds call attempts in a trace directory: one pass over the files in order, keeping the
 * DECISION records that meet the criteria and joining to each the EVENT records with its
 * Call-ID (events are always written after their decision). Damaged or half-written frames are
 * reported to the warning sink with file and offset, and the query goes on with the next file.
 */
public final class TraceQuery {

    private TraceQuery() {
    }

    /**
     * Runs a query.
     *
     * @param warnings receives one line per damaged or unreadable part of a file
     * @return the matching call attempts in the order they were decided
     * @throws IOException when the directory cannot be read, naming it
     */
    public static List<CallTrace> run(Path directory, TraceCriteria criteria, Consumer<String> warnings)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("trace directory " + directory + " does not exist");
        }
        List<CallTrace> matches = new ArrayList<>();
        Map<String, CallTrace> byCallId = new HashMap<>();
        LocalDate firstDay = criteria.since() == null
                ? LocalDate.MIN
                : criteria.since().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        for (TraceFile file : TraceFile.list(directory)) {
            // The day in a name is in the writer's zone, unknown here: a day of margin covers any zone.
            if (!file.day().isBefore(firstDay)) {
                scan(file.path(), criteria, matches, byCallId, warnings);
            }
        }
        return matches;
    }

    private static void scan(Path file, TraceCriteria criteria, List<CallTrace> matches,
            Map<String, CallTrace> byCallId, Consumer<String> warnings) throws IOException {
        try (TraceFileScanner scanner = new TraceFileScanner(file)) {
            long offset = 0;
            ByteBuffer payload;
            while ((payload = scanner.next()) != null) {
                try {
                    TraceRecord record = TraceRecordDecoder.decode(payload);
                    if (record instanceof TraceRecord.Decision decision) {
                        if (criteria.matches(decision)) {
                            CallTrace trace = new CallTrace(decision);
                            matches.add(trace);
                            byCallId.put(decision.callId(), trace);
                        }
                    } else if (record instanceof TraceRecord.Event event) {
                        CallTrace trace = byCallId.get(event.callId());
                        if (trace != null) {
                            trace.add(event);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    warnings.accept(file + ": record at offset " + offset + " skipped: " + e.getMessage());
                }
                offset = scanner.validBytes();
            }
            if (scanner.stop() != TraceFileScanner.Stop.END_OF_FILE) {
                warnings.accept(file + ": " + scanner.stop().describe() + " at offset " + scanner.validBytes()
                        + ", the last " + (scanner.size() - scanner.validBytes())
                        + " bytes were not read (a crash, or the file is being written)");
            }
        }
    }
}
