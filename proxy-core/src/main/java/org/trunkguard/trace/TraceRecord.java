package org.trunkguard.trace;

/** A record read back from a trace file: a {@link Decision} or an {@link Event}. */
public sealed interface TraceRecord {

    /** The Call-ID that joins a decision and its events. */
    String callId();

    /** When it happened, in epoch milliseconds. */
    long timeMillis();

    /**
     * A DECISION record. {@code action} is kept as text so that a file written by a release with
     * other actions still reads. {@code sourceAddress} is the textual IP (null if unknown).
     */
    record Decision(long timeMillis, String trunkId, String sourceAddress, int sourcePort, String callId,
            String rawFrom, String from, String rawAssertedIdentity, String assertedIdentity,
            String rawTo, String to, String action, String ruleId, String reason, int responseStatus)
            implements TraceRecord {
    }

    /** An EVENT record: a step of the call after its decision, with the SIP status seen (0 if none). */
    record Event(long timeMillis, String callId, CallEvent kind, int status) implements TraceRecord {
    }
}
