package org.trunkguard.numbers;

import java.util.List;

/**
 * A small set of digit strings (prefixes or whole numbers) matched against a digit buffer without
 * allocating. Plans hold a handful of entries per set, so a linear scan beats hashing here.
 */
final class DigitStrings {

    private final byte[][] entries;

    DigitStrings(List<String> digitStrings) {
        entries = new byte[digitStrings.size()][];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = NumberDigits.toDigits(digitStrings.get(i));
        }
    }

    /** True if one entry is a prefix of {@code digits[start, start + length)}. */
    boolean matchesPrefixOf(byte[] digits, int start, int length) {
        for (byte[] entry : entries) {
            if (entry.length <= length && regionEquals(entry, digits, start)) {
                return true;
            }
        }
        return false;
    }

    /** True if one entry equals {@code digits[start, start + length)}. */
    boolean matchesExactly(byte[] digits, int start, int length) {
        for (byte[] entry : entries) {
            if (entry.length == length && regionEquals(entry, digits, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEquals(byte[] entry, byte[] digits, int start) {
        for (int i = 0; i < entry.length; i++) {
            if (digits[start + i] != entry[i]) {
                return false;
            }
        }
        return true;
    }
}
