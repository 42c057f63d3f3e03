package org.trunkguard.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes trace files whose day is past retention. Runs from the proxy's scheduler, never on the
 * hot path: it lists the directory.
 */
public final class TraceRetention {

    private TraceRetention() {
    }

    /**
     * Deletes every trace file of {@code directory} whose day (from its name, in {@code zone}) is
     * more than {@code retentionDays} days before today, so a record of day D is kept through day
     * D + retentionDays: with 180, on 2026-07-01 the files of 2026-01-01 and earlier go, those of
     * 2026-01-02 stay. Other files are left alone.
     *
     * @return the files deleted, oldest first
     */
    public static List<Path> deleteExpired(Path directory, int retentionDays, ZoneId zone, Clock clock)
            throws IOException {
        LocalDate oldestKept = LocalDate.now(clock.withZone(zone)).minusDays(retentionDays);
        List<Path> deleted = new ArrayList<>();
        for (TraceFile file : TraceFile.list(directory)) {
            if (file.day().isBefore(oldestKept) && Files.deleteIfExists(file.path())) {
                deleted.add(file.path());
            }
        }
        return deleted;
    }
}
