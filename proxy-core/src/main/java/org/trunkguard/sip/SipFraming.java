package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Framing shared by the datagram and stream decoders: where the header section ends and what
 * Content-Length says. The stream decoder searches the header end on its cumulation buffer as
 * bytes arrive; everything else works on a copy of the header section in a byte array, where a
 * scan costs a plain array read instead of a ByteBuf access with its bounds and liveness checks.
 */
final class SipFraming {
    /** Content-Length absent. */
    static final int ABSENT = -1;
    /** Content-Length present but negative, not a number, too large or given twice differently. */
    static final int INVALID = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private SipFraming() {
    }

    /**
     * Absolute index just past the CRLFCRLF that ends the header section, searching [from, to),
     * or -1. {@code from} may point into the middle of a previous search: the caller rewinds by 3.
     */
    static int headerEnd(ByteBuf buf, int from, int to) {
        // Jump from LF to LF (indexOf is vectorised) and look back for CR LF CR.
        int lf = Math.max(from, buf.readerIndex()) + 3;
        while (lf < to) {
            lf = buf.indexOf(lf, to, (byte) '\n');
            if (lf < 0) {
                return -1;
            }
            if (buf.getByte(lf - 1) == '\r' && buf.getByte(lf - 2) == '\n' && buf.getByte(lf - 3) == '\r') {
                return lf + 1;
            }
            lf++;
        }
        return -1;
    }

    /** Index just past the first CRLFCRLF in {@code bytes[0, to)}, or -1. */
    static int headerEnd(byte[] bytes, int to) {
        for (int lf = 3; lf < to; lf++) {
            if (bytes[lf] == '\n' && bytes[lf - 1] == '\r' && bytes[lf - 2] == '\n' && bytes[lf - 3] == '\r') {
                return lf + 1;
            }
        }
        return -1;
    }

    /**
     * The Content-Length of a parsed head: {@link #ABSENT}, {@link #INVALID}, or the value. Read
     * from the header index, so it is the very line the parser identified. RFC 4475 §3.3.9: two
     * different values are a framing error; a folded value is one too.
     */
    static int contentLength(SipMessage msg, byte[] head) {
        HeaderIndex index = msg.headers;
        int result = ABSENT;
        for (int line = 0; line < index.size; line++) {
            if (index.id[line] == SipHeader.CONTENT_LENGTH) {
                int value = parseLength(head, index.valueStart[line], index.valueEnd[line]);
                if (value == INVALID || result >= 0 && result != value) {
                    return INVALID;
                }
                result = value;
            }
        }
        return result;
    }

    /** First index of {@code value} in {@code bytes[from, to)}, or -1; eight bytes per step. */
    static int indexOf(byte[] bytes, int from, int to, byte value) {
        long pattern = (value & 0xFFL) * 0x0101010101010101L;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            // Classic "has zero byte": the lowest flagged byte is exactly the first match.
            long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** 1*DIGIT surrounded by optional white space; anything else is {@link #INVALID}. */
    private static int parseLength(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && isSpace(bytes[i])) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < to && HeaderText.isDigit(bytes[i])) {
            value = value * 10 + (bytes[i] - '0');
            if (++digits > 9) {
                return INVALID;
            }
            i++;
        }
        while (i < to && isSpace(bytes[i])) {
            i++;
        }
        return digits == 0 || i < to ? INVALID : (int) value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
