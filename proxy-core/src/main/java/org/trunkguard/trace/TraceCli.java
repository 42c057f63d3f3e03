package org.trunkguard.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trunkguard trace}: find the trace records of calls. Exit 0 when something matched, 1
 * when nothing did, 2 on bad arguments or an unreadable directory. Add it as a subcommand of the
 * proxy's CLI, or run {@link #main} on its own.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Find the trace records of calls: decisions joined with ringing, answer and end.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:something matched", "1:nothing matched", "2:bad arguments or unreadable directory"})
public final class TraceCli implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "trace directory (default: ${DEFAULT-VALUE})")
    Path directory = Path.of(TraceSettings.DEFAULT_DIRECTORY);

    @Option(names = "--call-id", paramLabel = "ID", description = "exact Call-ID")
    String callId;

    @Option(names = "--caller", paramLabel = "NUMBER", description = "text in From or P-Asserted-Identity (raw or normalised)")
    String caller;

    @Option(names = "--callee", paramLabel = "NUMBER", description = "text in To (raw or normalised)")
    String callee;

    @Option(names = "--since", paramLabel = "TIME",
            description = "decided at or after: ISO-8601 instant (2026-11-23T08:00:00Z), local date-time (2026-11-23T16:00) or date")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "decided before; same forms as --since")
    String until;

    @Option(names = "--zone", paramLabel = "ZONE", description = "zone of local times, in and out (default: system)")
    String zone;

    @Option(names = "--json", description = "one JSON object per line instead of a table")
    boolean json;

    private final PrintStream out;
    private final PrintStream err;

    public TraceCli() {
        this(System.out, System.err);
    }

    public TraceCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TraceCli()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            ZoneId zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            TraceCriteria criteria = new TraceCriteria(callId, caller, callee, time("--since", since, zoneId),
                    time("--until", until, zoneId));
            boolean matched = new TraceCommand(zoneId).run(directory, criteria, out, err, json);
            return matched ? TraceCommand.EXIT_MATCHED : TraceCommand.EXIT_NO_MATCH;
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            err.println("trace: " + e.getMessage());
            return TraceCommand.EXIT_ERROR;
        }
    }

    /** Parses an instant, a local date-time or a date (its start) in {@code zone}; null stays null. */
    static Instant time(String option, String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(option + " '" + text + "' is neither an ISO-8601 instant "
                            + "(2026-11-23T08:00:00Z), a local date-time (2026-11-23T16:00) nor a date (2026-11-23)");
                }
            }
        }
    }
}
