package org.trunkguard.trace;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes call traces as an aligned text table for people: one row per call attempt, times in the
 * operator's zone, the call's progress as offsets from the decision ({@code +2.4s}). Raw headers
 * are left to the JSON output, which has every field. Values are shown as {@link UntrustedText}
 * escapes them: no control byte reaches the terminal and no cell passes 256 bytes of its value.
 */
final class TraceTable {

    private static final String[] HEADINGS = {"TIME", "TRUNK", "SOURCE", "CALL-ID", "FROM", "PAI", "TO", "ACTION",
        "RULE", "SENT", "RINGING", "ANSWERED", "END", "DURATION", "REASON"};
    private static final String NONE = "-";

    private TraceTable() {
    }

    static void print(List<CallTrace> traces, ZoneId zone, PrintStream out) {
        DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone);
        List<String[]> rows = new ArrayList<>(traces.size() + 1);
        rows.add(HEADINGS);
        for (CallTrace trace : traces) {
            rows.add(row(trace, timeFormat));
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder(256);
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line);
        }
    }

    private static String[] row(CallTrace trace, DateTimeFormatter timeFormat) {
        TraceRecord.Decision d = trace.decision();
        TraceRecord.Event end = trace.end();
        String source = d.sourceAddress() == null ? NONE
                : (d.sourceAddress().indexOf(':') >= 0 ? "[" + d.sourceAddress() + "]" : d.sourceAddress()) + ":" + d.sourcePort();
        return new String[] {
            timeFormat.format(Instant.ofEpochMilli(d.timeMillis())),
            text(d.trunkId()),
            source,
            text(d.callId()),
            text(d.from()),
            text(d.assertedIdentity()),
            text(d.to()),
            text(d.action()),
            text(d.ruleId()),
            d.responseStatus() == 0 ? NONE : Integer.toString(d.responseStatus()),
            offset(d, trace.ringingAt()),
            offset(d, trace.answeredAt()),
            end == null ? NONE : end.kind() + (end.status() == 0 ? "" : " " + end.status()) + " " + offset(d, end.timeMillis()),
            trace.durationMillis() < 0 ? NONE : seconds(trace.durationMillis()),
            text(d.reason()),
        };
    }

    private static String offset(TraceRecord.Decision decision, long atMillis) {
        return atMillis < 0 ? NONE : "+" + seconds(atMillis - decision.timeMillis());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /** Cells are read on a terminal: values from the wire are escaped and capped (JSON has them whole). */
    private static String text(String value) {
        return value == null || value.isEmpty() ? NONE : UntrustedText.escape(value);
    }
}
