package org.trunkguard.numbers;

/** Conversions between digit strings, digit buffers (values 0-9) and packed number codes. */
public final class NumberDigits {

    /** Longest digit string the normaliser reads; E.164 allows 15, the rest is headroom for errors. */
    public static final int MAX_DIGITS = 20;

    /** Longest number that has a packed code; longer ones are never valid in any plan. */
    public static final int MAX_CODE_DIGITS = 15;

    /** The code of no number: never produced by {@link #pack}. */
    public static final long NO_CODE = 0L;

    private static final int LENGTH_SHIFT = 50;
    private static final long VALUE_MASK = (1L << LENGTH_SHIFT) - 1;
    private static final long INTERNATIONAL_FLAG = 1L << 62;

    private NumberDigits() {
    }

    static byte[] toDigits(String text) {
        byte[] digits = new byte[text.length()];
        for (int i = 0; i < digits.length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit string: " + text);
            }
            digits[i] = (byte) (c - '0');
        }
        return digits;
    }

    /**
     * Packs a number into one long: the digits as a decimal value, the digit count (so that
     * leading zeros count: 0105... differs from 105...) and a flag for foreign numbers. Equal codes
     * mean equal canonical numbers, and within one length and flag the order is numeric order.
     */
    public static long pack(boolean international, byte[] digits, int start, int length) {
        if (length < 1 || length > MAX_CODE_DIGITS) {
            throw new IllegalArgumentException("length " + length);
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value * 10 + digits[start + i];
        }
        return (international ? INTERNATIONAL_FLAG : 0L) | ((long) length << LENGTH_SHIFT) | value;
    }

    /** The digit count of a packed code. */
    public static int length(long code) {
        return (int) ((code >>> LENGTH_SHIFT) & 0x1F);
    }

    /** The decimal value of a packed code (leading zeros dropped). */
    public static long value(long code) {
        return code & VALUE_MASK;
    }

    public static boolean isInternational(long code) {
        return (code & INTERNATIONAL_FLAG) != 0;
    }

    /** The code with the same length and flag and another value (which must fit the length). */
    public static long withValue(long code, long value) {
        return (code & ~VALUE_MASK) | value;
    }

    /** The canonical text of a code: national digits with leading zeros, or + and digits. */
    public static String canonical(long code) {
        StringBuilder text = new StringBuilder(MAX_CODE_DIGITS + 1);
        if (isInternational(code)) {
            text.append('+');
        }
        String digits = Long.toString(value(code));
        for (int pad = length(code) - digits.length(); pad > 0; pad--) {
            text.append('0');
        }
        return text.append(digits).toString();
    }
}
