package org.trunkguard.trace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One trace file and what its name says: {@code trace-YYYYMMDD-NNNN.trc}, the day (in the
 * writer's zone) its records belong to and a sequence number within the day (size rotation and
 * restarts add files). Retention and queries go by the day in the name, never by the file's
 * modification time, which a backup restore or a {@code touch} would change.
 */
record TraceFile(Path path, LocalDate day, int sequence) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final Comparator<TraceFile> ORDER =
            Comparator.comparing(TraceFile::day).thenComparingInt(TraceFile::sequence);

    static TraceFile of(Path directory, LocalDate day, int sequence) {
        String name = String.format("%s%s-%04d%s", TraceFormat.FILE_PREFIX, DAY.format(day), sequence,
                TraceFormat.FILE_SUFFIX);
        return new TraceFile(directory.resolve(name), day, sequence);
    }

    /** The trace file named by {@code path}, or null when the name is not a trace file's. */
    static TraceFile parse(Path path) {
        String name = path.getFileName().toString();
        if (!name.startsWith(TraceFormat.FILE_PREFIX) || !name.endsWith(TraceFormat.FILE_SUFFIX)) {
            return null;
        }
        String middle = name.substring(TraceFormat.FILE_PREFIX.length(), name.length() - TraceFormat.FILE_SUFFIX.length());
        int dash = middle.indexOf('-');
        if (dash != 8) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(middle.substring(0, dash), DAY);
            int sequence = Integer.parseInt(middle.substring(dash + 1));
            return sequence < 0 ? null : new TraceFile(path, day, sequence);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The trace files of {@code directory}, oldest first; other files are left alone. */
    static List<TraceFile> list(Path directory) throws IOException {
        List<TraceFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                TraceFile file = parse(entry);
                if (file != null && Files.isRegularFile(entry)) {
                    files.add(file);
                }
            }
        }
        files.sort(ORDER);
        return files;
    }
}
