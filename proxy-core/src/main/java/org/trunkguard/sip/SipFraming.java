package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;

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
     * The Content-Length of the header section in {@code bytes[0, end)}: {@link #ABSENT},
     * {@link #INVALID}, or the value. RFC 4475 §3.3.9: two different values are a framing error.
     */
    static int contentLength(byte[] bytes, int end) {
        int result = ABSENT;
        // The start line is not a header, whatever colons its Request-URI holds.
        int line = indexOf(bytes, 0, end, (byte) '\n') + 1;
        while (line > 0 && line < end) {
            int lineEnd = indexOf(bytes, line, end, (byte) '\n');
            if (lineEnd < 0) {
                lineEnd = end;
            }
            byte first = bytes[line];
            // Only names starting with c/C (Content-Length) or l/L (compact form) can be it.
            if ((first | 0x20) == 'c' || (first | 0x20) == 'l') {
                int colon = indexOf(bytes, line, lineEnd, (byte) ':');
                if (colon > line) {
                    int nameEnd = colon;
                    while (nameEnd > line && HeaderText.isWhitespace(bytes[nameEnd - 1])) {
                        nameEnd--;
                    }
                    if (SipHeader.identify(bytes, line, nameEnd - line) == SipHeader.CONTENT_LENGTH) {
                        int value = parseLength(bytes, colon + 1, lineEnd);
                        if (value == INVALID || result >= 0 && result != value) {
                            return INVALID;
                        }
                        result = value;
                    }
                }
            }
            line = lineEnd + 1;
        }
        return result;
    }

    static int indexOf(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
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
