package org.trunkguard.behaviour;

/**
 * What the group-calling detector keeps per caller: window counts of new callees and of the
 * traffic profile, the last few callees (to tell a new callee from a redial without a set per
 * caller) and the current run of neighbouring callees. Guarded by its own monitor.
 *
 * <p>Distinct callees are approximated: a callee counts as new unless it is one of the last
 * {@value #RECENT} callees. Redials and call-backs to a few numbers are caught; a caller
 * cycling through more than that many numbers counts each again, which for group calling
 * errs on the side of the evidence.
 */
final class CallerProfile {

    static final int NEW_CALLEES = 0;
    static final int ANSWERED = 1;
    static final int UNANSWERED = 2;
    static final int ENDED = 3;
    static final int VERY_SHORT = 4;
    static final int TALK_SECONDS = 5;
    static final int CHANNELS = 6;
    static final int RECENT = 8;

    final WindowCounts counts;
    private final int[] recentCallees = new int[RECENT];
    private int recentNext;
    private long lastCallee = -1;
    private long lastAttemptAt;
    private int sweepLength;

    CallerProfile(WindowShape shape) {
        counts = new WindowCounts(shape);
    }

    /**
     * Counts an attempt at {@code calleeKey}; returns the length of the sweep it belongs to
     * (1 when it continues none).
     */
    int attempt(WindowShape shape, long calleeKey, long atMillis, int maxStep) {
        int hash = (int) NumberKey.mix(calleeKey, 0) | 1;
        boolean seen = false;
        for (int recent : recentCallees) {
            if (recent == hash) {
                seen = true;
                break;
            }
        }
        if (!seen) {
            recentCallees[recentNext] = hash;
            recentNext = (recentNext + 1) % RECENT;
            counts.add(shape, NEW_CALLEES, atMillis, 1);
        }
        boolean recentEnough = lastCallee != -1 && atMillis - lastAttemptAt <= shape.windowMillis();
        if (recentEnough && calleeKey == lastCallee) {
            lastAttemptAt = atMillis;
            return sweepLength;
        }
        boolean neighbour = recentEnough && NumberKey.comparable(lastCallee, calleeKey)
                && Math.abs(NumberKey.value(calleeKey) - NumberKey.value(lastCallee)) <= maxStep;
        sweepLength = neighbour ? sweepLength + 1 : 1;
        lastCallee = calleeKey;
        lastAttemptAt = atMillis;
        return sweepLength;
    }
}
