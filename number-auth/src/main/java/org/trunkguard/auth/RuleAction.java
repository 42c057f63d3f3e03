package org.trunkguard.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * What a caller-ID rule does when it fails: REJECT with a SIP status, MARK (forward with a
 * marking header), or REPORT (forward as if allowed, but the verdict names the rule so the proxy
 * counts and traces it). Written in configuration as {@code reject 403}, {@code mark}, {@code
 * report}.
 */
public record RuleAction(Response response, int sipStatus) {

    /** The three responses a caller-ID rule can have. */
    public enum Response {
        REJECT,
        MARK,
        REPORT
    }

    public static final RuleAction MARK = new RuleAction(Response.MARK, 0);
    public static final RuleAction REPORT = new RuleAction(Response.REPORT, 0);

    public RuleAction {
        Objects.requireNonNull(response, "response");
        if (response == Response.REJECT && (sipStatus < 400 || sipStatus > 699)) {
            throw new IllegalArgumentException("reject needs a SIP status from 400 to 699, got " + sipStatus);
        }
        if (response != Response.REJECT && sipStatus != 0) {
            throw new IllegalArgumentException(response + " takes no SIP status");
        }
    }

    public static RuleAction reject(int sipStatus) {
        return new RuleAction(Response.REJECT, sipStatus);
    }

    /**
     * Parses {@code reject <status>}, {@code mark} or {@code report} (case-insensitive).
     *
     * @throws IllegalArgumentException with a message fit for an operator
     */
    public static RuleAction parse(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 1 && words[0].equals("mark")) {
            return MARK;
        }
        if (words.length == 1 && words[0].equals("report")) {
            return REPORT;
        }
        if (words.length == 2 && words[0].equals("reject") && words[1].matches("\\d{3}")) {
            return reject(Integer.parseInt(words[1]));
        }
        throw new IllegalArgumentException("action must be 'reject <status 400-699>', 'mark' or 'report', got '"
                + text + "'");
    }

    @Override
    public String toString() {
        return response == Response.REJECT ? "reject " + sipStatus : response.name().toLowerCase(Locale.ROOT);
    }
}
