package org.trunkguard.numbers;

/**
 * Classifies a number in national form (or the national significant number after +86) by the
 * plan's formats: emergency, mobile, short codes, 95, 400/800, fixed line with area code and 96.
 */
final class NationalFormats {

    private final NumberPlan plan;
    private final IrregularReasons reasons;

    NationalFormats(NumberPlan plan, IrregularReasons reasons) {
        this.plan = plan;
        this.reasons = reasons;
    }

    /** A number in national form: fixed lines carry the trunk prefix. */
    void classify(NormalisedNumber result, int start, int length) {
        byte[] digits = result.digits;
        if (length == 0) {
            result.irregular(IrregularReasons.EMPTY);
        } else if (digits[start] == plan.trunkPrefix) {
            String problem = fixedLine(result, start, length);
            if (problem != null) {
                result.irregular(problem);
            }
        } else if (plan.emergencyNumbers.matchesExactly(digits, start, length)) {
            result.valid(NumberKind.EMERGENCY, start, length);
        } else if (plan.mobilePrefixes.matchesPrefixOf(digits, start, length)) {
            lengthCheck(result, NumberKind.MOBILE, start, length, length == plan.mobileLength, reasons.mobile);
        } else if (plan.shortCodePrefixes.matchesPrefixOf(digits, start, length)) {
            lengthCheck(result, NumberKind.SHORT_CODE, start, length, length == plan.shortCodeLength,
                    reasons.shortCode);
        } else if (Normaliser.startsWith(digits, start, length, plan.service95Prefix)) {
            boolean fits = NumberPlan.allows(plan.service95Lengths, length)
                    || plan.service95BlockPrefixes.matchesPrefixOf(digits, start, length)
                            && NumberPlan.allows(plan.service95BlockLengths, length);
            lengthCheck(result, NumberKind.SERVICE_95, start, length, fits, reasons.service95);
        } else if (Normaliser.startsWith(digits, start, length, plan.service96Prefix)) {
            result.irregular(IrregularReasons.SERVICE_96_WITHOUT_AREA);
        } else if (plan.freephonePrefixes.matchesPrefixOf(digits, start, length)) {
            lengthCheck(result, NumberKind.FREEPHONE_400_800, start, length, length == plan.freephoneLength,
                    reasons.freephone);
        } else if (length == 1) {
            result.irregular(reasons.noFormatOneDigit[digits[start]]);
        } else {
            result.irregular(reasons.noFormat[digits[start] * 10 + digits[start + 1]]);
        }
    }

    /**
     * The national significant number after the country code. A fixed line lost its trunk prefix
     * there, so the prefix is put back and the fixed-line reading tried first: "+86 951 1234567" is
     * a Yinchuan line (area 0951), not a 951 call-centre number, because the area code is known.
     */
    void classifyAfterCountryCode(NormalisedNumber result, int start, int length) {
        byte[] digits = result.digits;
        if (length == 0) {
            result.irregular(IrregularReasons.NOTHING_AFTER_COUNTRY_CODE);
            return;
        }
        if (digits[start] == plan.trunkPrefix) {
            result.irregular(reasons.trunkPrefixAfterCountryCode);
            return;
        }
        if (plan.mobilePrefixes.matchesPrefixOf(digits, start, length)) {
            classify(result, start, length);
            return;
        }
        digits[start - 1] = plan.trunkPrefix;
        String fixedProblem = fixedLine(result, start - 1, length + 1);
        if (fixedProblem == null) {
            return;
        }
        classify(result, start, length);
        if (result.isIrregular() && !looksLikeNationalService(digits, start, length)) {
            result.irregular(fixedProblem);
        }
    }

    private boolean looksLikeNationalService(byte[] digits, int start, int length) {
        return Normaliser.startsWith(digits, start, length, plan.service95Prefix)
                || plan.freephonePrefixes.matchesPrefixOf(digits, start, length)
                || plan.emergencyNumbers.matchesExactly(digits, start, length)
                || plan.shortCodePrefixes.matchesPrefixOf(digits, start, length) && length <= plan.shortCodeLength;
    }

    /** Sets a fixed-line or 96 result and returns null, or returns why it is not one. */
    private String fixedLine(NormalisedNumber result, int start, int length) {
        byte[] digits = result.digits;
        if (length < 3) {
            return IrregularReasons.TOO_SHORT_FOR_AREA_CODE;
        }
        int twoDigitCode = digits[start + 1] * 10 + digits[start + 2];
        int areaLength;
        if (plan.twoDigitAreaCodes[twoDigitCode]) {
            areaLength = 2;
        } else if (length < 4) {
            return reasons.unknownTwoDigitArea[twoDigitCode];
        } else if (plan.threeDigitAreaCodes[twoDigitCode * 10 + digits[start + 3]]) {
            areaLength = 3;
        } else {
            return reasons.unknownThreeDigitArea[twoDigitCode * 10 + digits[start + 3]];
        }
        int localStart = start + 1 + areaLength;
        int localLength = length - 1 - areaLength;
        if (Normaliser.startsWith(digits, localStart, localLength, plan.service96Prefix)
                && NumberPlan.allows(plan.service96Lengths, localLength)) {
            result.valid(NumberKind.SERVICE_96, start, length);
            return null;
        }
        if (!NumberPlan.allows(plan.localLengths, localLength)) {
            return reasons.localNumber[localLength];
        }
        if (plan.localForbiddenFirstDigit[digits[localStart]]) {
            return reasons.localFirstDigit[digits[localStart]];
        }
        result.valid(NumberKind.FIXED_LINE, start, length);
        return result.isIrregular() ? result.reason() : null;
    }

    private static void lengthCheck(NormalisedNumber result, NumberKind kind, int start, int length, boolean fits,
            String[] reasonByLength) {
        if (fits) {
            result.valid(kind, start, length);
        } else {
            result.irregular(reasonByLength[length]);
        }
    }
}
