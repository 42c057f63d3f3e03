package org.trunkguard.sip;

import io.netty.util.AsciiString;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds control bytes where RFC 3261 §25.1 allows none. The only white space of the grammar is
 * SP, HTAB and a folded line break (CRLF followed by SP or HTAB); every other byte below 0x20,
 * and DEL, is allowed only as the second byte of a quoted-pair inside a quoted string
 * ({@code quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)}; RFC 4475's intmeth quotes BEL, NUL
 * and DEL that way and must be accepted). Anywhere else such a byte would be validated away by a
 * trim or forwarded raw to the core, so the message is malformed.
 *
 * <p>Almost no header value holds any byte below 0x20 at all, so eight bytes are tested at a
 * time first (the "has less than" word trick), and the loop with its quote state runs only for
 * values that fail it: a folded line, a tab, a quoted-pair or an attack.
 */
final class ControlBytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long DEL = 0x7FL * ONES;

    private ControlBytes() {
    }

    /** Index of the first control byte outside a quoted-pair in {@code bytes[from, to)}, or -1. */
    static int firstIllegal(byte[] bytes, int from, int to) {
        if (!mayHoldControl(bytes, from, to)) {
            return -1;
        }
        int at = firstIllegal(new AsciiString(bytes, from, to - from, false)); // one char per byte, no copy
        return at < 0 ? -1 : from + at;
    }

    /**
     * The same for text: a header value as received (one char per byte) or already decoded, a
     * URI. A folded line break (CRLF followed by SP or HTAB) is white space, any other CR is not.
     */
    static int firstIllegal(CharSequence s) {
        boolean quoted = false;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                if (i + 2 < n && s.charAt(i + 1) == '\n' && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == '\t')) {
                    i += 2;
                    continue;
                }
                return i;
            }
            if (quoted && c == '\\') {
                if (i + 1 < n && (s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n')) {
                    return i + 1;
                }
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (isControl(c)) {
                return i;
            }
        }
        return -1;
    }

    /** True when some byte of the range is below 0x20 or is DEL; false positives are harmless. */
    private static boolean mayHoldControl(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            // Bytes below 0x80 borrow into their high bit when 0x20 is subtracted exactly when
            // they are below 0x20; bytes with the high bit set are excluded by ~word.
            long below = (word - 0x20 * ONES) & ~word & HIGH_BITS;
            long del = word ^ DEL;
            long isDel = (del - ONES) & ~del & HIGH_BITS;
            if ((below | isDel) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (isControl(bytes[i] & 0xFF)) {
                return true;
            }
        }
        return false;
    }

    /** A byte no unquoted SIP text may hold: below 0x20 except HTAB, and DEL. */
    private static boolean isControl(int c) {
        return c < 0x20 && c != '\t' || c == 0x7F;
    }
}
