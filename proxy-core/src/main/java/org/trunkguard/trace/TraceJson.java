package org.trunkguard.trace;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Writes call traces as JSON, one object per line (JSON Lines), for scripts: every field of the
 * DECISION, the derived times (ISO-8601 UTC, null when they did not happen) and the raw events.
 */
final class TraceJson {

    private TraceJson() {
    }

    static void print(Iterable<CallTrace> traces, PrintStream out) {
        StringBuilder line = new StringBuilder(512);
        for (CallTrace trace : traces) {
            line.setLength(0);
            append(trace, line);
            out.println(line);
        }
    }

    static void append(CallTrace trace, StringBuilder json) {
        TraceRecord.Decision d = trace.decision();
        json.append('{');
        field(json, "time", time(d.timeMillis())).append(',');
        field(json, "trunk", d.trunkId()).append(',');
        field(json, "sourceAddress", d.sourceAddress()).append(',');
        json.append("\"sourcePort\":").append(d.sourcePort()).append(',');
        field(json, "callId", d.callId()).append(',');
        field(json, "rawFrom", d.rawFrom()).append(',');
        field(json, "from", d.from()).append(',');
        field(json, "rawAssertedIdentity", d.rawAssertedIdentity()).append(',');
        field(json, "assertedIdentity", d.assertedIdentity()).append(',');
        field(json, "rawTo", d.rawTo()).append(',');
        field(json, "to", d.to()).append(',');
        field(json, "action", d.action()).append(',');
        field(json, "ruleId", d.ruleId()).append(',');
        field(json, "reason", d.reason()).append(',');
        json.append("\"responseStatus\":").append(d.responseStatus()).append(',');
        field(json, "ringingAt", time(trace.ringingAt())).append(',');
        field(json, "answeredAt", time(trace.answeredAt())).append(',');
        TraceRecord.Event end = trace.end();
        field(json, "endedAt", end == null ? null : time(end.timeMillis())).append(',');
        field(json, "end", end == null ? null : end.kind().name()).append(',');
        json.append("\"endStatus\":").append(end == null ? 0 : end.status()).append(',');
        json.append("\"durationMillis\":").append(trace.durationMillis()).append(',');
        json.append("\"events\":[");
        boolean first = true;
        for (TraceRecord.Event event : trace.events()) {
            json.append(first ? "{" : ",{");
            first = false;
            field(json, "kind", event.kind().name()).append(',');
            field(json, "time", time(event.timeMillis())).append(',');
            json.append("\"status\":").append(event.status()).append('}');
        }
        json.append("]}");
    }

    private static String time(long epochMillis) {
        return epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis).toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029
                            || Character.getType(c) == Character.FORMAT) {
                        // Valid JSON either way; escaped so that printing a line cannot drive a
                        // terminal or reorder text (bidirectional overrides).
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
