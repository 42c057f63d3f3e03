package org.trunkguard.numbers;

/**
 * Finds the telephone number in a URI and copies its digits into a {@link NormalisedNumber}:
 * scheme, user part (up to '@' for sip:, up to ';' for tel:), a leading '+', visual separators
 * where the URI allows them. Knows nothing of the number plan.
 */
final class UserPartScanner {

    private UserPartScanner() {
    }

    /** Scans {@code uri} into {@code into}; returns null, or why the URI holds no number. */
    static String scan(CharSequence uri, NormalisedNumber into) {
        into.start = 1;
        into.length = 0;
        into.plus = false;
        if (uri == null) {
            return IrregularReasons.EMPTY;
        }
        int start = 0;
        int end = uri.length();
        while (start < end && uri.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && uri.charAt(end - 1) <= ' ') {
            end--;
        }
        int open = indexOf(uri, '<', start, end);
        if (open >= 0) {
            // A name-addr ("Name" <sip:...>;params): the number is in the angle brackets.
            start = open + 1;
            int close = indexOf(uri, '>', start, end);
            end = close < 0 ? end : close;
        }
        if (start == end) {
            return IrregularReasons.EMPTY;
        }
        boolean separatorsAllowed;
        int userEnd;
        if (regionMatchesIgnoreCase(uri, start, end, "sip:") || regionMatchesIgnoreCase(uri, start, end, "sips:")) {
            start = indexOf(uri, ':', start, end) + 1;
            int at = indexOf(uri, '@', start, end);
            if (at < 0) {
                return IrregularReasons.NO_USER_PART;
            }
            int parameters = indexOf(uri, ';', start, at);
            userEnd = parameters < 0 ? at : parameters;
            separatorsAllowed = hasUserPhone(uri, at, end);
        } else if (regionMatchesIgnoreCase(uri, start, end, "tel:")) {
            start += 4;
            int parameters = indexOf(uri, ';', start, end);
            userEnd = parameters < 0 ? end : parameters;
            separatorsAllowed = true;
        } else if (indexOf(uri, ':', start, end) >= 0) {
            return IrregularReasons.UNSUPPORTED_SCHEME;
        } else {
            int parameters = indexOf(uri, ';', start, end);
            userEnd = parameters < 0 ? end : parameters;
            separatorsAllowed = true;
        }
        return copyDigits(uri, start, userEnd, separatorsAllowed, into);
    }

    private static String copyDigits(CharSequence uri, int start, int end, boolean separatorsAllowed,
            NormalisedNumber into) {
        int position = start;
        if (position < end && uri.charAt(position) == '+') {
            into.plus = true;
            position++;
        }
        int count = 0;
        for (; position < end; position++) {
            char c = uri.charAt(position);
            if (c >= '0' && c <= '9') {
                if (count == NumberDigits.MAX_DIGITS) {
                    return IrregularReasons.TOO_LONG;
                }
                into.digits[1 + count++] = (byte) (c - '0');
            } else if (!(separatorsAllowed && isVisualSeparator(c))) {
                return IrregularReasons.NON_DIGIT;
            }
        }
        if (count == 0) {
            return start == end ? IrregularReasons.EMPTY : IrregularReasons.NO_DIGITS;
        }
        into.length = count;
        return null;
    }

    /** RFC 3966 visual separators. */
    private static boolean isVisualSeparator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')';
    }

    private static boolean hasUserPhone(CharSequence uri, int from, int end) {
        for (int i = indexOf(uri, ';', from, end); i >= 0; i = indexOf(uri, ';', i + 1, end)) {
            if (regionMatchesIgnoreCase(uri, i + 1, end, "user=phone")) {
                int after = i + 1 + "user=phone".length();
                if (after == end || uri.charAt(after) == ';' || uri.charAt(after) == '?') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(CharSequence text, char wanted, int from, int end) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int from, int end, String lowerCase) {
        if (end - from < lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Character.toLowerCase(text.charAt(from + i)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
