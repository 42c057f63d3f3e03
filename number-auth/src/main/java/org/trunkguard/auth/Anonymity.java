package org.trunkguard.auth;

/** Recognises a caller's request for anonymity (RFC 3323, RFC 3325) without allocating. */
final class Anonymity {

    private static final String ANONYMOUS = "anonymous";

    private Anonymity() {
    }

    /** {@code Privacy: id} (possibly among other values, ';' or ',' separated). */
    static boolean privacyHidesIdentity(CharSequence privacy) {
        if (privacy == null) {
            return false;
        }
        int length = privacy.length();
        int tokenStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || privacy.charAt(i) == ';' || privacy.charAt(i) == ',') {
                if (isToken(privacy, tokenStart, i, "id")) {
                    return true;
                }
                tokenStart = i + 1;
            }
        }
        return false;
    }

    /** {@code sip:anonymous@anonymous.invalid} and its variants: "anonymous" anywhere in the URI. */
    static boolean isAnonymousUri(CharSequence uri) {
        if (uri == null) {
            return false;
        }
        for (int i = 0; i + ANONYMOUS.length() <= uri.length(); i++) {
            if (regionMatchesIgnoreCase(uri, i, ANONYMOUS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isToken(CharSequence text, int start, int end, String token) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end - start == token.length() && regionMatchesIgnoreCase(text, start, token);
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int start, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Character.toLowerCase(text.charAt(start + i)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
