package org.trunkguard.trace;

/**
 * Makes a value that came off the wire (a From, a Call-ID, a reason naming a caller) safe to put
 * in a log line or a table for people: one line, no terminal control sequence, bounded length.
 *
 * <ul>
 * <li>A backslash becomes {@code \\}, so every escape below is unambiguous.</li>
 * <li>Control characters (below 0x20, DEL, C1) become {@code \xNN}.</li>
 * <li>Characters that change how text looks without being seen (format characters such as the
 * bidirectional overrides and zero-width spaces, line and paragraph separators, lone surrogates,
 * unassigned and private-use code points) become <code>&#92;u{HHHH}</code>, the code point in hex; so does U+FFFD, which here
 * always stands for bytes that were not UTF-8.</li>
 * <li>Once {@code maxBytes} of the value's UTF-8 have been shown, the rest is left out and
 * {@code …(+N bytes)} says how much.</li>
 * </ul>
 * Letters of any script stay as they are: a display name in Chinese is still readable. The trace
 * record keeps the value unescaped (up to {@link TraceFormat#MAX_FIELD_BYTES}); this is only for
 * showing it.
 */
public final class UntrustedText {
    /** Enough for any honest From or Call-ID (RFC 4475's long one is 150 bytes); 33 KB ones were sent. */
    public static final int DEFAULT_MAX_BYTES = 256;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UntrustedText() {
    }

    /** {@link #escape(CharSequence, int)} with {@link #DEFAULT_MAX_BYTES}. */
    public static String escape(CharSequence value) {
        return escape(value, DEFAULT_MAX_BYTES);
    }

    /** The value escaped and cut after {@code maxBytes} bytes of its UTF-8; null stays null. */
    public static String escape(CharSequence value, int maxBytes) {
        if (value == null) {
            return null;
        }
        if (plain(value, maxBytes)) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxBytes) + 16);
        int shown = 0;
        int i = 0;
        while (i < value.length()) {
            int cp = Character.codePointAt(value, i);
            int bytes = utf8Length(cp);
            if (shown + bytes > maxBytes) {
                break;
            }
            shown += bytes;
            append(out, cp);
            i += Character.charCount(cp);
        }
        if (i < value.length()) {
            long rest = 0;
            while (i < value.length()) {
                int cp = Character.codePointAt(value, i);
                rest += utf8Length(cp);
                i += Character.charCount(cp);
            }
            out.append("…(+").append(rest).append(" bytes)");
        }
        return out.toString();
    }

    /** True for the common case: short, printable ASCII without a backslash. */
    private static boolean plain(CharSequence value, int maxBytes) {
        if (value.length() > maxBytes) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void append(StringBuilder out, int cp) {
        if (cp == '\\') {
            out.append("\\\\");
        } else if (cp < 0x20 || cp >= 0x7F && cp <= 0x9F) {
            out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
        } else if (cp >= 0x80 && invisible(cp)) {
            out.append("\\u{").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append('}');
        } else {
            out.appendCodePoint(cp);
        }
    }

    private static boolean invisible(int cp) {
        if (cp == 0xFFFD) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }
}
