package org.trunkguard.behaviour;

/**
 * Numbers as {@code long}s: exact for digit strings of up to 17 digits (every national number
 * is shorter), so consecutive numbers have consecutive values and "0105555" differs from
 * "105555". Anything else (letters, longer strings) hashes into a separate space marked by
 * the sign bit; such numbers never look consecutive.
 */
final class NumberKey {

    private static final int MAX_EXACT_DIGITS = 17;
    private static final int LENGTH_SHIFT = 57;
    private static final long VALUE_MASK = (1L << LENGTH_SHIFT) - 1;

    private NumberKey() {
    }

    /** The key of {@code number}; allocates nothing. */
    static long of(String number) {
        int length = number.length();
        if (length == 0 || length > MAX_EXACT_DIGITS) {
            return hashed(number);
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return hashed(number);
            }
            value = value * 10 + (c - '0');
        }
        return ((long) length << LENGTH_SHIFT) | value;
    }

    /** True if both keys are exact numbers of the same length (so their distance means something). */
    static boolean comparable(long a, long b) {
        return a >= 0 && b >= 0 && (a >>> LENGTH_SHIFT) == (b >>> LENGTH_SHIFT);
    }

    /** The numeric value of an exact key. */
    static long value(long key) {
        return key & VALUE_MASK;
    }

    /** One 64-bit key for a pair of keys (or a key and a hashed string), well mixed. */
    static long mix(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /** A 64-bit hash of any string, for list scopes such as a category or enterprise id. */
    static long hashOf(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return mix(h, text.length());
    }

    private static long hashed(String number) {
        return hashOf(number) | Long.MIN_VALUE;
    }
}
