package org.trunkguard.behaviour;

/**
 * The layout of what the group-calling detector keeps per caller, in a {@link SlotTable} slot:
 * window counts of new callees and of the traffic profile, the last few callees (to tell a new
 * callee from a redial without a set per caller) and the current run of neighbouring callees.
 * The static methods work on a slot; an instance owns a one-slot record (tests).
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

    /** Longs of a slot. */
    static final int HEAD = 0;
    static final int LAST_CALLEE = 1;
    static final int LAST_ATTEMPT_AT = 2;
    static final int LONGS = 3;

    private final WindowShape shape;
    private final long[] longs = new long[LONGS];
    private final int[] ints;

    CallerProfile(WindowShape shape) {
        this.shape = shape;
        this.ints = new int[ints(shape)];
    }

    /** Ints of a slot: the window counts, the recent callees' hashes, the next place, the sweep. */
    static int ints(WindowShape shape) {
        return counts(shape) + RECENT + 2;
    }

    private static int counts(WindowShape shape) {
        return shape.channels() * shape.buckets();
    }

    /** Instance form of {@link #attempt(WindowShape, long[], int, int[], int, long, long, int)}. */
    int attempt(WindowShape shape, long calleeKey, long atMillis, int maxStep) {
        return attempt(shape, longs, 0, ints, 0, calleeKey, atMillis, maxStep);
    }

    int sum(int channel, long atMillis) {
        return WindowCounts.sum(shape, ints, 0, longs, HEAD, channel, atMillis);
    }

    /**
     * Counts an attempt at {@code calleeKey} in the slot at {@code longBase} / {@code intBase};
     * returns the length of the sweep it belongs to (1 when it continues none).
     */
    static int attempt(WindowShape shape, long[] longs, int longBase, int[] ints, int intBase, long calleeKey,
            long atMillis, int maxStep) {
        int hash = (int) NumberKey.mix(calleeKey, 0) | 1;
        int recent = intBase + counts(shape);
        int next = recent + RECENT;
        int sweep = next + 1;
        boolean seen = false;
        for (int i = recent; i < recent + RECENT; i++) {
            if (ints[i] == hash) {
                seen = true;
                break;
            }
        }
        if (!seen) {
            ints[recent + ints[next]] = hash;
            ints[next] = (ints[next] + 1) % RECENT;
            WindowCounts.add(shape, ints, intBase, longs, longBase + HEAD, NEW_CALLEES, atMillis, 1);
        }
        long lastCallee = longs[longBase + LAST_CALLEE];
        boolean recentEnough = lastCallee != 0 && atMillis - longs[longBase + LAST_ATTEMPT_AT] <= shape.windowMillis();
        longs[longBase + LAST_ATTEMPT_AT] = atMillis;
        if (recentEnough && calleeKey == lastCallee) {
            return ints[sweep];
        }
        boolean neighbour = recentEnough && NumberKey.comparable(lastCallee, calleeKey)
                && Math.abs(NumberKey.value(calleeKey) - NumberKey.value(lastCallee)) <= maxStep;
        ints[sweep] = neighbour ? ints[sweep] + 1 : 1;
        longs[longBase + LAST_CALLEE] = calleeKey;
        return ints[sweep];
    }
}
