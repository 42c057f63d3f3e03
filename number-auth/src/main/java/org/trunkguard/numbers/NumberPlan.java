package org.trunkguard.numbers;

import java.nio.file.Path;

/**
 * The facts of a national number plan (shared/DESIGN.md §3), loaded from {@code
 * conf/numberplan.yaml} by {@link #load(Path)}. Immutable and shared by all threads; the {@link
 * Normaliser} reads it. Length sets are bit masks (bit n set: n digits allowed) so that checking a
 * length is one shift.
 */
public final class NumberPlan {

    final byte[] countryCode;
    final byte[] internationalPrefix;
    final DigitStrings mobilePrefixes;
    final int mobileLength;
    final byte trunkPrefix;
    final boolean[] twoDigitAreaCodes;
    final boolean[] threeDigitAreaCodes;
    final int localLengths;
    final boolean[] localForbiddenFirstDigit;
    final byte[] service95Prefix;
    final int service95Lengths;
    final DigitStrings service95BlockPrefixes;
    final int service95BlockLengths;
    final byte[] service96Prefix;
    final int service96Lengths;
    final DigitStrings freephonePrefixes;
    final int freephoneLength;
    final DigitStrings shortCodePrefixes;
    final int shortCodeLength;
    final DigitStrings emergencyNumbers;

    NumberPlan(NumberPlanLoader.Facts facts) {
        countryCode = NumberDigits.toDigits(facts.countryCode);
        internationalPrefix = NumberDigits.toDigits(facts.internationalPrefix);
        mobilePrefixes = new DigitStrings(facts.mobilePrefixes);
        mobileLength = facts.mobileLength;
        trunkPrefix = NumberDigits.toDigits(facts.trunkPrefix)[0];
        twoDigitAreaCodes = facts.twoDigitAreaCodes;
        threeDigitAreaCodes = facts.threeDigitAreaCodes;
        localLengths = facts.localLengths;
        localForbiddenFirstDigit = facts.localForbiddenFirstDigit;
        service95Prefix = NumberDigits.toDigits(facts.service95Prefix);
        service95Lengths = facts.service95Lengths;
        service95BlockPrefixes = new DigitStrings(facts.service95BlockPrefixes);
        service95BlockLengths = facts.service95BlockLengths;
        service96Prefix = NumberDigits.toDigits(facts.service96Prefix);
        service96Lengths = facts.service96Lengths;
        freephonePrefixes = new DigitStrings(facts.freephonePrefixes);
        freephoneLength = facts.freephoneLength;
        shortCodePrefixes = new DigitStrings(facts.shortCodePrefixes);
        shortCodeLength = facts.shortCodeLength;
        emergencyNumbers = new DigitStrings(facts.emergencyNumbers);
    }

    /**
     * Reads a plan file.
     *
     * @throws InvalidFileException naming the file and line of every problem found
     */
    public static NumberPlan load(Path file) throws InvalidFileException {
        return new NumberPlan(NumberPlanLoader.read(file));
    }

    static boolean allows(int lengthMask, int length) {
        return length < 32 && (lengthMask & (1 << length)) != 0;
    }
}
