package org.trunkguard.numbers;

/**
 * The result of normalising one number: kind, packed code and, for {@link NumberKind#IRREGULAR},
 * the reason. Mutable and reused: a thread keeps one per identity it judges and the {@link
 * Normaliser} overwrites it, so judging a call allocates nothing. Not thread-safe; copy what must
 * outlive the call ({@link #canonical()}, {@link #code()}).
 *
 * <p>The canonical form is the national significant form with the trunk prefix for fixed lines
 * ({@code 01055550000}, {@code 13812345678}, {@code 4001234567}); a foreign number is {@code +}
 * and its E.164 digits.
 */
public final class NormalisedNumber {

    /** Digits land at offset 1 so that a trunk prefix 0 can be put in front without copying. */
    final byte[] digits = new byte[NumberDigits.MAX_DIGITS + 2];
    int start;
    int length;
    /** The user part began with '+' (set by the scanner, read by the classifier). */
    boolean plus;
    private NumberKind kind = NumberKind.IRREGULAR;
    private String reason = IrregularReasons.NOT_NORMALISED;
    private long code = NumberDigits.NO_CODE;

    public NumberKind kind() {
        return kind;
    }

    public boolean isIrregular() {
        return kind == NumberKind.IRREGULAR;
    }

    /** Why the number is irregular (one of a fixed set of constants); null otherwise. */
    public String reason() {
        return reason;
    }

    /**
     * The packed canonical number ({@link NumberDigits#pack}): equal codes, equal numbers. {@link
     * NumberDigits#NO_CODE} when irregular.
     */
    public long code() {
        return code;
    }

    /** The canonical text; allocates, so meant for trace records and logs, not the hot path. */
    public String canonical() {
        return code == NumberDigits.NO_CODE ? "" : NumberDigits.canonical(code);
    }

    boolean hadPlus() {
        return plus;
    }

    void valid(NumberKind validKind, int from, int count) {
        if (count > NumberDigits.MAX_CODE_DIGITS) {
            irregular(IrregularReasons.LONGER_THAN_E164);
            return;
        }
        kind = validKind;
        reason = null;
        start = from;
        length = count;
        code = NumberDigits.pack(validKind == NumberKind.INTERNATIONAL, digits, from, count);
    }

    void irregular(String why) {
        kind = NumberKind.IRREGULAR;
        reason = why;
        code = NumberDigits.NO_CODE;
    }

    /** Copies another result (for callers that keep one beyond the next normalisation). */
    public void copyFrom(NormalisedNumber other) {
        System.arraycopy(other.digits, 0, digits, 0, digits.length);
        start = other.start;
        plus = other.plus;
        length = other.length;
        kind = other.kind;
        reason = other.reason;
        code = other.code;
    }

    @Override
    public String toString() {
        return isIrregular() ? "IRREGULAR(" + reason + ")" : kind + "(" + canonical() + ")";
    }
}
