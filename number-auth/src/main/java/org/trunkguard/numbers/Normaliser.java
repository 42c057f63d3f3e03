package org.trunkguard.numbers;

/**
 * Turns what the proxy extracted from a SIP header (a {@code sip:}, {@code sips:} or {@code tel:}
 * URI, or a bare number from a list file) into a canonical number and its {@link NumberKind}.
 * Thread-safe and allocation-free: the result goes into a caller-owned {@link NormalisedNumber}.
 *
 * <p>Accepted forms of one number, all giving {@code 01055550000}: {@code 01055550000}, {@code
 * +861055550000}, {@code 00861055550000}, {@code 861055550000}, {@code
 * tel:+86-10-5555-0000;phone-context=example.com}, {@code sip:+861055550000@host;user=phone}.
 * Visual separators ({@code - . ( )}) are accepted in tel: URIs, in sip: URIs marked {@code
 * user=phone} (RFC 3261 §19.1.1: the user part is then a telephone-subscriber) and in bare numbers;
 * elsewhere they make the number irregular.
 */
public final class Normaliser {

    /** Shortest foreign number accepted: country code and a few digits. */
    static final int MIN_INTERNATIONAL_DIGITS = 7;

    private final NumberPlan plan;
    private final NationalFormats national;
    private final IrregularReasons reasons;

    public Normaliser(NumberPlan plan) {
        this.plan = plan;
        this.reasons = new IrregularReasons(plan, text(plan.countryCode), text(new byte[] {plan.trunkPrefix}));
        this.national = new NationalFormats(plan, reasons);
    }

    public NumberPlan plan() {
        return plan;
    }

    /**
     * Normalises {@code uri} into {@code result} and returns its kind. Never throws for any input;
     * {@code null} or empty gives IRREGULAR "no calling number".
     */
    public NumberKind normalise(CharSequence uri, NormalisedNumber result) {
        String problem = UserPartScanner.scan(uri, result);
        if (problem != null) {
            result.irregular(problem);
            return result.kind();
        }
        classify(result);
        return result.kind();
    }

    private void classify(NormalisedNumber result) {
        byte[] digits = result.digits;
        int start = result.start;
        int length = result.length;
        if (result.hadPlus()) {
            afterInternationalPrefix(result, start, length);
        } else if (startsWith(digits, start, length, plan.internationalPrefix)) {
            int skip = plan.internationalPrefix.length;
            afterInternationalPrefix(result, start + skip, length - skip);
        } else if (startsWith(digits, start, length, plan.countryCode)) {
            // No national number starts with the country code digits, so "86..." is the +86 form.
            int skip = plan.countryCode.length;
            national.classifyAfterCountryCode(result, start + skip, length - skip);
        } else {
            national.classify(result, start, length);
        }
    }

    private void afterInternationalPrefix(NormalisedNumber result, int start, int length) {
        if (startsWith(result.digits, start, length, plan.countryCode)) {
            int skip = plan.countryCode.length;
            national.classifyAfterCountryCode(result, start + skip, length - skip);
        } else if (length < MIN_INTERNATIONAL_DIGITS || length > NumberDigits.MAX_CODE_DIGITS) {
            result.irregular(reasons.international[length]);
        } else {
            result.valid(NumberKind.INTERNATIONAL, start, length);
        }
    }

    static boolean startsWith(byte[] digits, int start, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (digits[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] digits) {
        StringBuilder text = new StringBuilder();
        for (byte digit : digits) {
            text.append((char) ('0' + digit));
        }
        return text.toString();
    }
}
