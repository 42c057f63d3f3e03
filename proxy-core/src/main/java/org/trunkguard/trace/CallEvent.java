package org.trunkguard.trace;

/**
 * A step in a call's life after its decision, written as a small EVENT record keyed by Call-ID.
 *
 * <p>Each kind has a fixed one-byte code in the file format: codes are never reused or renumbered,
 * so files written years ago (retention is at least 180 days) still read correctly.
 */
public enum CallEvent {
    /** A 180 or 183 came back: the callee's phone rings. Status is the provisional code. */
    RINGING(1),
    /** A 2xx came back: the callee answered. */
    ANSWERED(2),
    /** The caller sent CANCEL before an answer: with a short ring, the ring-once pattern. */
    CANCELLED(3),
    /** A final 3xx-6xx came back (busy, not found, ...). Status is that code. */
    FAILED(4),
    /** A BYE ended an answered call. */
    ENDED(5);

    private static final CallEvent[] BY_CODE = new CallEvent[6];

    static {
        for (CallEvent event : values()) {
            BY_CODE[event.code] = event;
        }
    }

    private final int code;

    CallEvent(int code) {
        this.code = code;
    }

    /** The byte written to the file for this kind. */
    public int code() {
        return code;
    }

    /** The kind written as {@code code}, or {@code null} for a code this version does not know. */
    public static CallEvent ofCode(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** True for the kinds that close a call: nothing more is expected after them. */
    public boolean endsCall() {
        return this == CANCELLED || this == FAILED || this == ENDED;
    }
}
