package org.trunkguard.admin;

import java.time.Instant;
import java.util.List;
import org.trunkguard.behaviour.PenaltyEntry;

/** The few JSON bodies the admin endpoint writes; small enough that no JSON library is needed. */
final class Json {

    private Json() {
    }

    /** {@code {"key":"value"}} with the value escaped. */
    static String object(String key, String value) {
        StringBuilder out = new StringBuilder().append('{');
        string(out, key).append(':');
        return string(out, value).append('}').toString();
    }

    static String health(boolean ready, long uptimeSeconds) {
        return "{\"status\":\"" + (ready ? "ok" : "unavailable") + "\",\"uptimeSeconds\":" + uptimeSeconds + "}";
    }

    /** The penalty box as a JSON array, soonest to leave first (the box's own order). */
    static String penaltyBox(List<PenaltyEntry> entries) {
        StringBuilder out = new StringBuilder().append('[');
        for (int i = 0; i < entries.size(); i++) {
            PenaltyEntry entry = entries.get(i);
            out.append(i == 0 ? "" : ",").append("{\"caller\":");
            string(out, entry.caller()).append(",\"rule\":");
            string(out, entry.ruleId()).append(",\"action\":\"").append(entry.verdict().action())
                    .append("\",\"sipStatus\":").append(entry.verdict().sipStatus())
                    .append(",\"since\":\"").append(Instant.ofEpochMilli(entry.sinceMillis()))
                    .append("\",\"until\":\"").append(Instant.ofEpochMilli(entry.untilMillis()))
                    .append("\",\"sinceMillis\":").append(entry.sinceMillis())
                    .append(",\"untilMillis\":").append(entry.untilMillis()).append(",\"evidence\":");
            string(out, entry.evidence()).append('}');
        }
        return out.append(']').toString();
    }

    /** Appends {@code value} as a JSON string (RFC 8259 escapes; null as JSON null). */
    static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
