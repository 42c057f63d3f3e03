package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;

/**
 * Finds the Call-ID of a raw datagram without decoding it, so that the loop that owns the call
 * can do the decoding (LoopOwners). A scan of header names at line starts, nothing more: no
 * allocation, no validation; the decoder decides later whether the message is well formed.
 */
public final class CallIdScan {
    /** What {@link #hash} returns when it finds no Call-ID line. */
    public static final long NONE = -1L;

    private CallIdScan() {
    }

    /**
     * {@link String#hashCode()} of the Call-ID value (without surrounding whitespace), computed
     * over its bytes, as an unsigned int in a long; {@link #NONE} when the header section has no
     * Call-ID line. For the ASCII a Call-ID is made of (RFC 3261 §25.1, {@code word}) this is the
     * hash of {@link SipMessage#callId()}, so the decoded message and its raw datagram agree.
     */
    public static long hash(ByteBuf buf) {
        int end = buf.writerIndex();
        int line = nextLine(buf, buf.readerIndex(), end); // the start line names no header
        while (line < end) {
            byte first = buf.getByte(line);
            if (first == '\r' || first == '\n') {
                return NONE; // the empty line: end of the header section
            }
            int value = callIdValue(buf, line, end);
            if (value >= 0) {
                return valueHash(buf, value, end);
            }
            line = nextLine(buf, line, end);
        }
        return NONE;
    }

    /** Where the value starts when the line at {@code at} is a Call-ID (or compact {@code i}) line, else -1. */
    private static int callIdValue(ByteBuf buf, int at, int end) {
        int nameEnd = at;
        while (nameEnd < end && isNameByte(buf.getByte(nameEnd))) {
            nameEnd++;
        }
        int length = nameEnd - at;
        boolean named = length == 1 ? lower(buf.getByte(at)) == 'i' : length == 7 && matches(buf, at, "call-id");
        if (!named) {
            return -1;
        }
        int i = nameEnd;
        while (i < end && isBlank(buf.getByte(i))) {
            i++;
        }
        return i < end && buf.getByte(i) == ':' ? i + 1 : -1;
    }

    private static long valueHash(ByteBuf buf, int from, int end) {
        int i = from;
        // Leading whitespace, folded line breaks included (RFC 3261 §7.3.1).
        while (i < end) {
            byte b = buf.getByte(i);
            if (isBlank(b) || (b == '\r' || b == '\n') && i + 1 < end && continues(buf, i, end)) {
                i++;
            } else {
                break;
            }
        }
        int stop = i;
        while (stop < end && buf.getByte(stop) != '\r' && buf.getByte(stop) != '\n') {
            stop++;
        }
        while (stop > i && isBlank(buf.getByte(stop - 1))) {
            stop--;
        }
        int h = 0;
        for (int k = i; k < stop; k++) {
            h = 31 * h + (buf.getByte(k) & 0xff);
        }
        return h & 0xffffffffL;
    }

    /** A line break at {@code i} that is folding: the next line starts with SP or HTAB. */
    private static boolean continues(ByteBuf buf, int i, int end) {
        int j = i;
        if (buf.getByte(j) == '\r' && j + 1 < end && buf.getByte(j + 1) == '\n') {
            j++;
        }
        return j + 1 < end && isBlank(buf.getByte(j + 1));
    }

    private static int nextLine(ByteBuf buf, int from, int end) {
        int lf = buf.indexOf(from, end, (byte) '\n');
        return lf < 0 ? end : lf + 1;
    }

    private static boolean matches(ByteBuf buf, int at, String lowerName) {
        for (int k = 0; k < lowerName.length(); k++) {
            if (lower(buf.getByte(at + k)) != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    /** Header-name bytes (RFC 3261 token); ':' and whitespace end the name. */
    private static boolean isNameByte(byte b) {
        return b > ' ' && b != ':' && b < 127;
    }
}
