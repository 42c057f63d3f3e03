package org.trunkguard.trace;

import java.time.Instant;

/**
 * What a trace query looks for; every null criterion matches everything, and a record must meet
 * all the others.
 *
 * @param callId exact Call-ID
 * @param caller text contained in the raw or normalised From or P-Asserted-Identity, so that
 *     {@code 13800138000} also finds {@code +8613800138000} and {@code sip:13800138000@...}
 * @param callee text contained in the raw or normalised To
 * @param since decisions at or after this instant
 * @param until decisions before this instant
 */
public record TraceCriteria(String callId, String caller, String callee, Instant since, Instant until) {

    /** Matches every record. */
    public static final TraceCriteria ALL = new TraceCriteria(null, null, null, null, null);

    public TraceCriteria {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " must be before --until " + until);
        }
    }

    /** True when {@code decision} meets every criterion. */
    public boolean matches(TraceRecord.Decision decision) {
        if (callId != null && !callId.equals(decision.callId())) {
            return false;
        }
        if (since != null && decision.timeMillis() < since.toEpochMilli()) {
            return false;
        }
        if (until != null && decision.timeMillis() >= until.toEpochMilli()) {
            return false;
        }
        if (caller != null && !contains(caller, decision.from(), decision.rawFrom(), decision.assertedIdentity(),
                decision.rawAssertedIdentity())) {
            return false;
        }
        return callee == null || contains(callee, decision.to(), decision.rawTo());
    }

    private static boolean contains(String wanted, String... fields) {
        for (String field : fields) {
            if (field != null && field.contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
