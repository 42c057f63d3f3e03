package org.trunkguard.segments;

import org.trunkguard.numbers.NumberDigits;

/**
 * How the store indexes ranges: a number's bucket is its code with the last four digits cut off,
 * and a bucket's value lists the pieces of segments that fall in it as sorted, non-overlapping
 * (low, high) suffixes with owner and CSV line. One hash lookup and a binary search over a few
 * entries answer any number.
 *
 * <p>Design note: 10^4 is the allocation unit of Chinese numbering (a mobile H-code block, a
 * fixed-line thousand-group pair), so a typical segment is one whole bucket and one 12-byte
 * entry. A range that spans many buckets is one entry per bucket, which is why a row may cover at
 * most {@link #MAX_NUMBERS_PER_ROW} numbers.
 *
 * <p>Entry layout, little-endian: short low, short high, int enterprise index, int CSV line.
 */
final class SegmentBuckets {

    static final int BUCKET_SIZE = 10_000;
    static final int ENTRY_BYTES = 12;
    /** 10^8 numbers (a whole mobile prefix such as 138) is 10^4 buckets: the most one row may take. */
    static final long MAX_NUMBERS_PER_ROW = 100_000_000L;

    private SegmentBuckets() {
    }

    static long bucketKey(long code) {
        return NumberDigits.withValue(code, NumberDigits.value(code) / BUCKET_SIZE);
    }

    static int suffix(long code) {
        return (int) (NumberDigits.value(code) % BUCKET_SIZE);
    }

    static long bucketKeyOfIndex(long code, long bucketIndex) {
        return NumberDigits.withValue(code, bucketIndex);
    }

    static void writeEntry(byte[] value, int offset, int low, int high, int enterprise, int line) {
        writeShort(value, offset, low);
        writeShort(value, offset + 2, high);
        writeInt(value, offset + 4, enterprise);
        writeInt(value, offset + 8, line);
    }

    private static void writeShort(byte[] value, int offset, int number) {
        value[offset] = (byte) number;
        value[offset + 1] = (byte) (number >>> 8);
    }

    private static void writeInt(byte[] value, int offset, int number) {
        writeShort(value, offset, number);
        writeShort(value, offset + 2, number >>> 16);
    }
}
