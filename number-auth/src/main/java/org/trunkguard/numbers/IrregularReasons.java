package org.trunkguard.numbers;

/**
 * Every reason the normaliser can give, built once per plan so that finding a number irregular
 * allocates nothing (the reasons that name a length or an area code come from tables).
 */
final class IrregularReasons {

    static final String NOT_NORMALISED = "not normalised yet";
    static final String EMPTY = "no calling number";
    static final String UNSUPPORTED_SCHEME = "not a sip:, sips: or tel: URI";
    static final String NO_USER_PART = "no user part in SIP URI";
    static final String NON_DIGIT = "non-digit characters in user part";
    static final String NO_DIGITS = "no digits in user part";
    static final String TOO_LONG = "more than " + NumberDigits.MAX_DIGITS + " digits";
    static final String LONGER_THAN_E164 = "more than " + NumberDigits.MAX_CODE_DIGITS + " digits";
    static final String NOTHING_AFTER_COUNTRY_CODE = "nothing after the country code";
    static final String SERVICE_96_WITHOUT_AREA = "96 number needs an area code in front";
    static final String TOO_SHORT_FOR_AREA_CODE = "fixed-line number too short for an area code";

    final String trunkPrefixAfterCountryCode;
    final String[] international = new String[NumberDigits.MAX_DIGITS + 1];
    final String[] mobile = new String[NumberDigits.MAX_DIGITS + 1];
    final String[] shortCode = new String[NumberDigits.MAX_DIGITS + 1];
    final String[] service95 = new String[NumberDigits.MAX_DIGITS + 1];
    final String[] freephone = new String[NumberDigits.MAX_DIGITS + 1];
    final String[] localNumber = new String[NumberDigits.MAX_DIGITS + 1];
    final String[] localFirstDigit = new String[10];
    final String[] unknownTwoDigitArea = new String[100];
    final String[] unknownThreeDigitArea = new String[1000];
    final String[] noFormat = new String[100];
    final String[] noFormatOneDigit = new String[10];

    IrregularReasons(NumberPlan plan, String countryCode, String trunkPrefix) {
        trunkPrefixAfterCountryCode = "trunk prefix " + trunkPrefix + " after country code " + countryCode;
        for (int n = 0; n <= NumberDigits.MAX_DIGITS; n++) {
            international[n] = "international number has " + n + " digits, needs "
                    + Normaliser.MIN_INTERNATIONAL_DIGITS + " to " + NumberDigits.MAX_CODE_DIGITS;
            mobile[n] = "mobile number has " + n + " digits, needs " + plan.mobileLength;
            shortCode[n] = "short code has " + n + " digits, needs " + plan.shortCodeLength;
            service95[n] = "95 number has " + n + " digits, needs " + lengths(plan.service95Lengths)
                    + " (" + lengths(plan.service95BlockLengths) + " for the call-centre blocks)";
            freephone[n] = "400/800 number has " + n + " digits, needs " + plan.freephoneLength;
            localNumber[n] = "local number has " + n + " digits, needs " + lengths(plan.localLengths);
        }
        for (int d = 0; d < 10; d++) {
            localFirstDigit[d] = "local number starts with " + d;
            noFormatOneDigit[d] = "no number format starts with " + d;
        }
        for (int code = 0; code < 100; code++) {
            unknownTwoDigitArea[code] = "unknown area code " + trunkPrefix + twoDigits(code);
            noFormat[code] = "no number format starts with " + twoDigits(code);
        }
        for (int code = 0; code < 1000; code++) {
            unknownThreeDigitArea[code] = "unknown area code " + trunkPrefix + String.format("%03d", code);
        }
    }

    private static String twoDigits(int code) {
        return code < 10 ? "0" + code : Integer.toString(code);
    }

    /** "7 or 8", "5 or 6", "10": the lengths of a mask, for people. */
    private static String lengths(int mask) {
        StringBuilder text = new StringBuilder();
        for (int n = 0; n < 32; n++) {
            if ((mask & (1 << n)) != 0) {
                if (text.length() > 0) {
                    text.append(" or ");
                }
                text.append(n);
            }
        }
        return text.toString();
    }
}
