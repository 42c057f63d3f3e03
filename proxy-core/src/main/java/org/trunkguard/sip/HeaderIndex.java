package org.trunkguard.sip;

import java.util.Arrays;

/** Offsets of each header line, relative to the message start (a line's name starts the line); grows as needed. */
final class HeaderIndex {
    /** Enough for the header lines of a typical call's messages (10 to 14), so most messages never grow it. */
    private static final int INITIAL = 16;

    int size;
    SipHeader[] id = new SipHeader[INITIAL];
    int[] lineStart = new int[INITIAL];
    int[] nameLength = new int[INITIAL];
    int[] valueStart = new int[INITIAL];
    int[] valueEnd = new int[INITIAL];
    /** Just past the line's CRLF (after any folded continuation lines). */
    int[] lineEnd = new int[INITIAL];

    int add(SipHeader header, int start, int nameLen, int valueAt) {
        if (size == id.length) {
            int n = size * 2;
            id = Arrays.copyOf(id, n);
            lineStart = Arrays.copyOf(lineStart, n);
            nameLength = Arrays.copyOf(nameLength, n);
            valueStart = Arrays.copyOf(valueStart, n);
            valueEnd = Arrays.copyOf(valueEnd, n);
            lineEnd = Arrays.copyOf(lineEnd, n);
        }
        id[size] = header;
        lineStart[size] = start;
        nameLength[size] = nameLen;
        valueStart[size] = valueAt;
        return size++;
    }
}
