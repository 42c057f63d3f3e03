package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/**
 * Writes outgoing messages by copying the untouched lines of an inbound message byte for byte
 * and writing only the lines the proxy changes. Unknown headers, odd spacing and bodies travel
 * unchanged (RFC 4475 §3.1.1.1: a proxy forwards what it does not understand as it came).
 */
public final class SipMessageWriter {
    private static final byte[] CRLF = {'\r', '\n'};

    private SipMessageWriter() {
    }

    public static void startLine(ByteBuf out, SipMessage msg) {
        out.writeBytes(msg.content(), msg.content().readerIndex(), msg.startLineLength());
        out.writeBytes(CRLF);
    }

    /** Copies header line {@code line} as received, folded continuation lines included. */
    public static void copyLine(ByteBuf out, SipMessage msg, int line) {
        copyLines(out, msg, line, line + 1);
    }

    /**
     * Copies header lines {@code [from, to)} as received in one write: a well-formed message's
     * lines follow each other, and one copy of a run costs what one copy of a line does.
     */
    public static void copyLines(ByteBuf out, SipMessage msg, int from, int to) {
        if (from < to) {
            int start = msg.lineStart(from);
            out.writeBytes(msg.content(), start, msg.lineEnd(to - 1) - start);
        }
    }

    /**
     * Copies header line {@code line} without its first value: the canonical name, then the
     * bytes after the first comma outside quotes and angle brackets exactly as received (a
     * proxy removing its own Route entry must not re-encode the others, RFC 3261 §16.4). Writes
     * nothing and returns false when the line holds no other value.
     */
    public static boolean copyLineWithoutFirstValue(ByteBuf out, SipMessage msg, int line, SipHeader name) {
        int before = out.writerIndex();
        copyLineWithoutFirstValues(out, msg, line, name, 1);
        return out.writerIndex() > before;
    }

    /**
     * Copies header line {@code line} without its first {@code drop} values, the rest as
     * {@link #copyLineWithoutFirstValue} does. Returns how many values it left out: {@code drop},
     * or fewer when the line holds no more (then it writes nothing).
     */
    public static int copyLineWithoutFirstValues(ByteBuf out, SipMessage msg, int line, SipHeader name, int drop) {
        ByteBuf in = msg.content();
        int end = msg.lineEnd(line);
        int i = msg.valueStart(line);
        int dropped = 0;
        while (dropped < drop) {
            i = afterValue(in, i, end);
            dropped++;
            while (i < end && isLwsByte(in.getByte(i))) {
                i++;
            }
            if (i >= end) {
                return dropped;
            }
        }
        ByteBufUtil.writeAscii(out, name.canonicalName());
        out.writeByte(':');
        out.writeByte(' ');
        out.writeBytes(in, i, end - i);
        return dropped;
    }

    /** The index just past the comma that ends the value starting at {@code i}, or past {@code end}. */
    private static int afterValue(ByteBuf in, int i, int end) {
        boolean quoted = false;
        boolean bracketed = false;
        for (; i < end; i++) {
            byte b = in.getByte(i);
            if (quoted) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    quoted = false;
                }
            } else if (b == '"') {
                quoted = true;
            } else if (b == '<') {
                bracketed = true;
            } else if (b == '>') {
                bracketed = false;
            } else if (b == ',' && !bracketed) {
                return i + 1;
            }
        }
        return end + 1;
    }

    private static boolean isLwsByte(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** A header whose value holds one char per byte ({@link SipMessage#rawValueAt}): written back byte for byte. */
    public static void rawHeader(ByteBuf out, SipHeader name, CharSequence latin1Value) {
        ByteBufUtil.writeAscii(out, name.canonicalName());
        out.writeByte(':');
        out.writeByte(' ');
        out.writeCharSequence(latin1Value, StandardCharsets.ISO_8859_1);
        out.writeBytes(CRLF);
    }

    /** Copies header line {@code line}'s name and value as received and appends {@code suffix} to the value. */
    public static void copyLineAppending(ByteBuf out, SipMessage msg, int line, CharSequence suffix) {
        int start = msg.lineStart(line);
        out.writeBytes(msg.content(), start, msg.valueEnd(line) - start);
        ByteBufUtil.writeUtf8(out, suffix);
        out.writeBytes(CRLF);
    }

    public static void header(ByteBuf out, String name, CharSequence value) {
        ByteBufUtil.writeAscii(out, name);
        out.writeByte(':');
        out.writeByte(' ');
        ByteBufUtil.writeUtf8(out, value);
        out.writeBytes(CRLF);
    }

    public static void header(ByteBuf out, SipHeader name, CharSequence value) {
        header(out, name.canonicalName(), value);
    }

    public static void text(ByteBuf out, CharSequence text) {
        ByteBufUtil.writeUtf8(out, text);
    }

    public static void endHeaders(ByteBuf out) {
        out.writeBytes(CRLF);
    }

    public static void body(ByteBuf out, SipMessage msg) {
        if (msg.bodyLength() > 0) {
            out.writeBytes(msg.body());
        }
    }

    /** Capacity for a copy of {@code msg} plus {@code extra} bytes of new lines. */
    public static int sizeHint(SipMessage msg, int extra) {
        return msg.content().readableBytes() + extra;
    }
}
