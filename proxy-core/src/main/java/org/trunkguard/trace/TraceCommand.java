package org.trunkguard.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The {@code trace} command without its command line: query a trace directory and print the
 * matches as a table or as JSON Lines. The proxy's CLI delegates here; {@link TraceCli} is the
 * picocli front.
 */
public final class TraceCommand {

    /** Exit status when at least one call matched. */
    public static final int EXIT_MATCHED = 0;
    /** Exit status when nothing matched. */
    public static final int EXIT_NO_MATCH = 1;
    /** Exit status for bad arguments or an unreadable directory. */
    public static final int EXIT_ERROR = 2;

    private final ZoneId zone;

    /** Shows times in {@code zone} in the table (JSON is always UTC). */
    public TraceCommand(ZoneId zone) {
        this.zone = zone;
    }

    /** Shows times in the system's zone. */
    public TraceCommand() {
        this(ZoneId.systemDefault());
    }

    /**
     * Prints the matches of {@code criteria} in {@code directory} to {@code out}; warnings about
     * damaged files go to standard error.
     *
     * @return true when something matched (exit 0), false otherwise (exit 1)
     * @throws IOException when the directory cannot be read, naming it
     */
    public boolean run(Path directory, TraceCriteria criteria, PrintStream out, boolean json) throws IOException {
        return run(directory, criteria, out, System.err, json);
    }

    /** As {@link #run(Path, TraceCriteria, PrintStream, boolean)}, with warnings to {@code err}. */
    public boolean run(Path directory, TraceCriteria criteria, PrintStream out, PrintStream err, boolean json)
            throws IOException {
        List<CallTrace> matches = TraceQuery.run(directory, criteria, warning -> err.println("warning: " + warning));
        if (json) {
            TraceJson.print(matches, out);
        } else if (matches.isEmpty()) {
            err.println("no call matched");
        } else {
            TraceTable.print(matches, zone, out);
        }
        out.flush();
        return !matches.isEmpty();
    }
}
