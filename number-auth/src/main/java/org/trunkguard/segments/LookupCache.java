package org.trunkguard.segments;

/**
 * One thread's memory of recent answers from one store generation: a direct-mapped table from
 * number code to {@link SegmentStore#findOwner} result (misses included). Callers follow a Zipf
 * law, so a few thousand numbers make most calls; their answers stay in this thread's caches
 * while a bucket-table lookup walks cold memory (bench/RESULTS.md: directory vs storeOnly).
 * Confined to its thread, so no tearing between key and value; emptied when the directory's
 * current store changes, so a reload is seen at the next lookup.
 */
final class LookupCache {

    private final long[] codes;
    private final long[] matches;
    private final int mask;
    private SegmentStore store;

    LookupCache(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        codes = new long[slots];
        matches = new long[slots];
        mask = slots - 1;
    }

    /** The store this cache answers for; a different one empties it first. */
    void useStore(SegmentStore current) {
        if (store != current) {
            java.util.Arrays.fill(codes, 0L);
            store = current;
        }
    }

    SegmentStore store() {
        return store;
    }

    int slot(long code) {
        long h = code * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** True if {@code slot} holds {@code code} (0, no number, is never stored). */
    boolean holds(int slot, long code) {
        return codes[slot] == code;
    }

    long match(int slot) {
        return matches[slot];
    }

    void put(int slot, long code, long match) {
        codes[slot] = code;
        matches[slot] = match;
    }
}
