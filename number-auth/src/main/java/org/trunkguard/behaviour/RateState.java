package org.trunkguard.behaviour;

/**
 * A token bucket and a concurrent-call count for one trunk or caller. The static methods work
 * on a {@link SlotTable} slot (longs: refill time and tokens spent; ints: calls in progress),
 * so a zeroed slot is a full bucket with no calls; an instance owns a one-slot record and is
 * guarded by its own monitor (trunks).
 */
final class RateState {

    /** Longs of a slot. */
    static final int REFILLED_AT = 0;
    static final int SPENT = 1;
    static final int LONGS = 2;
    /** Ints of a slot. */
    static final int CONCURRENT = 0;
    static final int INTS = 1;

    private final long[] longs = new long[LONGS];
    private final int[] ints = new int[INTS];

    /** Takes a token for a call at {@code atMillis}; false if the rate is exhausted. */
    synchronized boolean tryTake(TrunkContract contract, long atMillis) {
        return tryTake(longs, 0, contract, atMillis);
    }

    synchronized int concurrent() {
        return ints[CONCURRENT];
    }

    synchronized void started() {
        ints[CONCURRENT]++;
    }

    synchronized void ended() {
        ended(ints, 0);
    }

    /** Takes a token from the bucket of the slot at {@code longBase}; false if it is empty. */
    static boolean tryTake(long[] longs, int longBase, TrunkContract contract, long atMillis) {
        double spent = Double.longBitsToDouble(longs[longBase + SPENT]);
        long refilledAt = longs[longBase + REFILLED_AT];
        if (atMillis > refilledAt) {
            if (refilledAt != 0) {
                spent = Math.max(0, spent - (atMillis - refilledAt) * contract.callsPerSecond() / 1000.0);
            }
            longs[longBase + REFILLED_AT] = atMillis;
        }
        boolean taken = spent <= contract.burst() - 1;
        if (taken) {
            spent += 1;
        }
        longs[longBase + SPENT] = Double.doubleToRawLongBits(spent);
        return taken;
    }

    static void ended(int[] ints, int intBase) {
        if (ints[intBase + CONCURRENT] > 0) {
            ints[intBase + CONCURRENT]--;
        }
    }
}
