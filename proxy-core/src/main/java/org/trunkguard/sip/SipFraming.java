package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;

/**
 * Framing shared by the datagram and stream decoders: where the header section ends and what
 * Content-Length says. All offsets are absolute buffer indexes.
 */
final class SipFraming {
    /** Content-Length absent. */
    static final int ABSENT = -1;
    /** Content-Length present but negative, not a number, too large or given twice differently. */
    static final int INVALID = -2;

    private SipFraming() {
    }

    /**
     * Index just past the CRLFCRLF that ends the header section, searching [from, to), or -1.
     * {@code from} may point into the middle of a previous search: the caller rewinds by 3.
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

    /**
     * The Content-Length of the header section in [start, end): {@link #ABSENT}, {@link #INVALID},
     * or the value. RFC 4475 §3.3.9: two different values are a framing error.
     */
    static int contentLength(ByteBuf buf, int start, int end) {
        int result = ABSENT;
        // The start line is not a header, whatever colons its Request-URI holds.
        int firstLf = buf.indexOf(start, end, (byte) '\n');
        int line = firstLf < 0 ? end : firstLf + 1;
        while (line < end) {
            int lineEnd = buf.indexOf(line, end, (byte) '\n');
            if (lineEnd < 0) {
                lineEnd = end;
            }
            int colon = buf.indexOf(line, lineEnd, (byte) ':');
            byte first = buf.getByte(line);
            if (colon > line && first != ' ' && first != '\t') {
                int nameEnd = colon;
                while (nameEnd > line && HeaderText.isWhitespace(buf.getByte(nameEnd - 1))) {
                    nameEnd--;
                }
                if (SipHeader.identify(buf, line, nameEnd - line) == SipHeader.CONTENT_LENGTH) {
                    int value = parseLength(buf, colon + 1, lineEnd);
                    if (value == INVALID || result >= 0 && result != value) {
                        return INVALID;
                    }
                    result = value;
                }
            }
            line = lineEnd + 1;
        }
        return result;
    }

    /** 1*DIGIT surrounded by optional white space; anything else is {@link #INVALID}. */
    private static int parseLength(ByteBuf buf, int from, int to) {
        int i = from;
        while (i < to && isSpace(buf.getByte(i))) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < to && HeaderText.isDigit(buf.getByte(i))) {
            value = value * 10 + (buf.getByte(i) - '0');
            if (++digits > 9) {
                return INVALID;
            }
            i++;
        }
        while (i < to && isSpace(buf.getByte(i))) {
            i++;
        }
        return digits == 0 || i < to ? INVALID : (int) value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
