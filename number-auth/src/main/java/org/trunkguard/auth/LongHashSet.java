package org.trunkguard.auth;

/**
 * A set of packed number codes, open addressing with linear probing: {@code contains} neither
 * boxes nor allocates. 0 ({@link org.trunkguard.numbers.NumberDigits#NO_CODE}) marks an empty
 * slot, which is why it can never be a member. Built once, then only read (safe to publish).
 */
final class LongHashSet {

    private long[] slots = new long[16];
    private int size;

    void add(long code) {
        if (code == 0) {
            throw new IllegalArgumentException("0 is not a number code");
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        if (insert(slots, code)) {
            size++;
        }
    }

    boolean contains(long code) {
        int mask = slots.length - 1;
        for (int slot = mix(code) & mask; ; slot = (slot + 1) & mask) {
            long present = slots[slot];
            if (present == code) {
                return code != 0;
            }
            if (present == 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long code : slots) {
            if (code != 0) {
                insert(bigger, code);
            }
        }
        slots = bigger;
    }

    private static boolean insert(long[] table, long code) {
        int mask = table.length - 1;
        for (int slot = mix(code) & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == code) {
                return false;
            }
            if (table[slot] == 0) {
                table[slot] = code;
                return true;
            }
        }
    }

    /** Number codes are dense decimal values: spread them before masking. */
    private static int mix(long code) {
        long h = code * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
