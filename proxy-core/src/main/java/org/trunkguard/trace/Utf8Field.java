package org.trunkguard.trace;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link CharSequence} as a length-prefixed UTF-8 field straight into a buffer and reads
 * it back. Encoding by hand, char by char, is what keeps the hot path free of {@code String},
 * {@code byte[]} and {@code CharsetEncoder} garbage: the proxy hands over header slices as they
 * are, and only their bytes move.
 */
final class Utf8Field {

    private Utf8Field() {
    }

    /**
     * Appends {@code value} (null = absent) with a u16 length prefix, cut at a character boundary
     * once {@link TraceFormat#MAX_FIELD_BYTES} would be exceeded. A lone surrogate becomes '?'.
     */
    static void write(ByteBuffer out, CharSequence value) {
        if (value == null) {
            out.putShort((short) TraceFormat.ABSENT);
            return;
        }
        int lengthAt = out.position();
        out.position(lengthAt + 2);
        int start = out.position();
        int limit = start + TraceFormat.MAX_FIELD_BYTES;
        int length = value.length();
        int i = out.hasArray() ? asciiPrefix(out, value, Math.min(length, TraceFormat.MAX_FIELD_BYTES)) : 0;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (out.position() + 1 > limit) {
                    break;
                }
                out.put((byte) c);
            } else if (c < 0x800) {
                if (out.position() + 2 > limit) {
                    break;
                }
                out.put((byte) (0xC0 | c >> 6)).put((byte) (0x80 | c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (out.position() + 4 > limit) {
                    break;
                }
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out.put((byte) (0xF0 | cp >> 18)).put((byte) (0x80 | cp >> 12 & 0x3F))
                        .put((byte) (0x80 | cp >> 6 & 0x3F)).put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (out.position() + 1 > limit) {
                    break;
                }
                out.put((byte) '?');
            } else {
                if (out.position() + 3 > limit) {
                    break;
                }
                out.put((byte) (0xE0 | c >> 12)).put((byte) (0x80 | c >> 6 & 0x3F)).put((byte) (0x80 | c & 0x3F));
            }
        }
        out.putShort(lengthAt, (short) (out.position() - start));
    }

    /**
     * Copies the leading ASCII characters straight into the backing array: SIP headers are almost
     * always pure ASCII, and plain array stores beat a checked {@code put} per byte.
     *
     * @return how many characters were copied
     */
    private static int asciiPrefix(ByteBuffer out, CharSequence value, int max) {
        byte[] array = out.array();
        int base = out.arrayOffset() + out.position();
        int i = 0;
        for (; i < max; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                break;
            }
            array[base + i] = (byte) c;
        }
        out.position(out.position() + i);
        return i;
    }

    /** Reads a field written by {@link #write}; null when it was absent. */
    static String read(ByteBuffer in) {
        int length = in.getShort() & 0xFFFF;
        if (length == TraceFormat.ABSENT) {
            return null;
        }
        if (length > in.remaining()) {
            throw new IllegalArgumentException("string field of " + length + " bytes overruns the record");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
