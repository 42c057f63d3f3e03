package org.trunkguard.sip;

/**
 * A parsed CSeq value (RFC 3261 §20.16): a sequence number below 2^31 and a method. A value that
 * breaks the grammar parses to {@code valid() == false} with the reason, never an exception.
 */
public record CSeq(long number, String method, String invalidReason) {
    /** RFC 3261 §8.1.1.5: "The sequence number MUST be expressible as a 32-bit unsigned integer". */
    static final long MAX_NUMBER = 0xFFFF_FFFFL;

    public boolean valid() {
        return invalidReason == null;
    }

    static CSeq parse(String value) {
        String v = HeaderText.trimLws(value);
        int i = 0;
        while (i < v.length() && HeaderText.isDigit(v.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return invalid("CSeq has no sequence number");
        }
        if (i > 10) {
            return invalid("CSeq number exceeds 2^32-1");
        }
        long number = Long.parseLong(v, 0, i, 10);
        if (number > MAX_NUMBER) {
            return invalid("CSeq number exceeds 2^32-1");
        }
        int methodStart = i;
        while (methodStart < v.length() && HeaderText.isWhitespace(v.charAt(methodStart))) {
            methodStart++;
        }
        if (methodStart == i) {
            return invalid("CSeq lacks the space between number and method");
        }
        String method = Methods.intern(v, methodStart, v.length());
        if (!HeaderText.isToken(method)) {
            return invalid("CSeq method is not a token");
        }
        return new CSeq(number, method, null);
    }

    private static CSeq invalid(String reason) {
        return new CSeq(-1, null, reason);
    }
}
