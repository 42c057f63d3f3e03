package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The method and top Via of a raw request datagram, read without decoding the message: what a
 * server transaction is matched by (RFC 3261 §17.2.3). It lets a retransmitted request be
 * absorbed before the decoder, which is where an overloaded proxy otherwise spends its time
 * (every retransmission cost a full decode and sanity check). Anything unusual (a response, ACK,
 * CANCEL, no Via line, a folded or invalid Via, a branch without the magic cookie) gives null and
 * the datagram takes the normal path.
 */
public record RawRequestHead(String method, Via topVia) {

    /** The head of {@code buf}'s request, or null (see the class comment). Does not consume it. */
    public static RawRequestHead scan(ByteBuf buf) {
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        int space = buf.indexOf(start, end, (byte) ' ');
        if (space <= start || space - start > 16 || startsWith(buf, start, end, "SIP/")) {
            return null;
        }
        String method = buf.toString(start, space - start, StandardCharsets.US_ASCII);
        if (method.equals(Methods.ACK) || method.equals(Methods.CANCEL) || !Methods.isKnown(method)) {
            return null;
        }
        int line = next(buf, start, end);
        while (line < end) {
            byte first = buf.getByte(line);
            if (first == '\r' || first == '\n') {
                return null; // end of the header section without a Via
            }
            int value = viaValue(buf, line, end);
            if (value >= 0) {
                int stop = value;
                while (stop < end && buf.getByte(stop) != '\r' && buf.getByte(stop) != '\n') {
                    stop++;
                }
                int after = next(buf, stop, end);
                if (after < end && (buf.getByte(after) == ' ' || buf.getByte(after) == '\t')) {
                    return null; // folded: the decoder unfolds it
                }
                Via top = Via.parse(HeaderText.firstCommaValue(buf.toString(value, stop - value, StandardCharsets.UTF_8)));
                return top.valid() && top.rfc3261Branch() ? new RawRequestHead(method, top) : null;
            }
            line = next(buf, line, end);
        }
        return null;
    }

    /** Where the value starts when the line at {@code at} is a Via (or compact {@code v}) line, else -1. */
    private static int viaValue(ByteBuf buf, int at, int end) {
        int nameEnd = at;
        while (nameEnd < end && isNameByte(buf.getByte(nameEnd))) {
            nameEnd++;
        }
        int length = nameEnd - at;
        boolean named = length == 1 ? (buf.getByte(at) | 0x20) == 'v'
                : length == 3 && (buf.getByte(at) | 0x20) == 'v' && (buf.getByte(at + 1) | 0x20) == 'i'
                        && (buf.getByte(at + 2) | 0x20) == 'a';
        if (!named) {
            return -1;
        }
        int i = nameEnd;
        while (i < end && (buf.getByte(i) == ' ' || buf.getByte(i) == '\t')) {
            i++;
        }
        return i < end && buf.getByte(i) == ':' ? i + 1 : -1;
    }

    private static boolean startsWith(ByteBuf buf, int at, int end, String prefix) {
        if (end - at < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (buf.getByte(at + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int next(ByteBuf buf, int from, int end) {
        int lf = buf.indexOf(from, end, (byte) '\n');
        return lf < 0 ? end : lf + 1;
    }

    private static boolean isNameByte(byte b) {
        return b > ' ' && b != ':' && b < 127;
    }
}
