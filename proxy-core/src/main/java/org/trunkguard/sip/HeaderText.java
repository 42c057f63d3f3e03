package org.trunkguard.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small text helpers for header values: unfolding and comma splitting that respects quotes. */
final class HeaderText {
    private HeaderText() {
    }

    /**
     * The value between {@code start} and {@code end}, with each folded line break (CRLF followed
     * by spaces or tabs) replaced by one space, as RFC 3261 §7.3.1 gives it meaning.
     */
    static String unfold(byte[] buf, int start, int end) {
        return unfold(buf, start, end, StandardCharsets.UTF_8);
    }

    /** As {@link #unfold(byte[], int, int)}, decoded with {@code charset}. */
    static String unfold(byte[] buf, int start, int end, java.nio.charset.Charset charset) {
        if (start >= end) {
            return "";
        }
        if (SipFraming.indexOf(buf, start, end, (byte) '\r') < 0) {
            return new String(buf, start, end - start, charset);
        }
        byte[] out = new byte[end - start];
        int n = 0;
        int i = start;
        while (i < end) {
            byte b = buf[i];
            if (b == '\r' && i + 1 < end && buf[i + 1] == '\n') {
                while (n > 0 && isWhitespace(out[n - 1])) {
                    n--;
                }
                i += 2;
                while (i < end && isWhitespace(buf[i])) {
                    i++;
                }
                if (n > 0) {
                    out[n++] = ' ';
                }
                continue;
            }
            out[n++] = b;
            i++;
        }
        return new String(out, 0, n, charset);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Adds each comma-separated value of {@code value} (commas in quotes or brackets kept). */
    static void splitCommas(String value, List<String> out) {
        int start = 0;
        while (true) {
            int comma = nextComma(value, start);
            String part = trimLws(value.substring(start, comma < 0 ? value.length() : comma));
            out.add(part);
            if (comma < 0) {
                return;
            }
            start = comma + 1;
        }
    }

    static String firstCommaValue(String value) {
        int comma = nextComma(value, 0);
        return trimLws(comma < 0 ? value : value.substring(0, comma));
    }

    /**
     * {@code s} without leading and trailing SP and HTAB, the only white space of RFC 3261
     * (§25.1 LWS; folds are already unfolded). Unlike {@link String#trim()} it keeps NUL and the
     * other control bytes, so the grammar checks that follow see and refuse them.
     */
    static String trimLws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Index of the next comma outside quoted strings and angle brackets, or -1. */
    static int nextComma(String value, int from) {
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                bracketed = true;
            } else if (c == '>') {
                bracketed = false;
            } else if (c == ',' && !bracketed) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 3261 token characters. */
    static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TOKEN[c];
    }

    private static final boolean[] TOKEN = tokenTable();
    private static final boolean[] WORD = wordTable();

    /** RFC 3261 §25.1 word characters (Call-ID): token characters and {@code ()<>:\"/[]?{}}. */
    static boolean isWordChar(int c) {
        return c >= 0 && c < 128 && WORD[c];
    }

    private static boolean[] wordTable() {
        boolean[] table = tokenTable();
        for (char c : "()<>:\\\"/[]?{}".toCharArray()) {
            table[c] = true;
        }
        return table;
    }

    private static boolean[] tokenTable() {
        boolean[] table = new boolean[128];
        for (int c = 0; c < 128; c++) {
            table[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-.!%*_+`'~".indexOf(c) >= 0;
        }
        return table;
    }

    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
