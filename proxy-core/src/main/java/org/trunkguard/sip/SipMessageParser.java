package org.trunkguard.sip;

/**
 * Reads a message's head: the start line and an index of its header lines, nothing more, in one
 * pass that also finds the empty line ending the header section. Malformations are recorded on
 * the message ({@link SipMessage#malformed()}), never thrown, so a bad request still reaches the
 * stage that answers it with a 400.
 *
 * <p>Design notes. The head is a byte-array copy of the message's first bytes that the message
 * keeps: a few hundred bytes copied once make every scan a plain array read, where each ByteBuf
 * read checks bounds and liveness (measured: about half the decode time went there). The body is
 * never copied. Framing reads Content-Length from this index ({@link SipFraming#contentLength}),
 * so the framer and the parser cannot disagree on which line is Content-Length.
 */
final class SipMessageParser {
    static final String NO_EMPTY_LINE = "no empty line ends the header section";
    /** An unknown header's name goes into a 400's reason phrase: tokens only, but bounded. */
    private static final int MAX_NAME_IN_REASON = 32;

    private SipMessageParser() {
    }

    /**
     * Parses {@code msg}'s head in {@code head[0, limit)}; returns the index just past the CRLFCRLF
     * that ends the header section, or -1 when there is none (then every byte belongs to it).
     */
    static int parseHead(SipMessage msg, byte[] head, int limit, SipDecoderConfig config) {
        int startEnd = SipFraming.indexOf(head, 0, limit, (byte) '\n');
        if (startEnd <= 0 || head[startEnd - 1] != '\r') {
            int headerEnd = SipFraming.headerEnd(head, limit);
            if (headerEnd < 0) {
                msg.markMalformed(400, NO_EMPTY_LINE);
            }
            msg.startLineEnd = startEnd < 0 ? (headerEnd < 0 ? limit : headerEnd - 2) : startEnd;
            msg.request = true;
            msg.markMalformed(400, "start line not ended by CRLF");
            return headerEnd;
        }
        msg.startLineEnd = startEnd - 1;
        String problem = null;
        HeaderIndex index = msg.headers;
        int pos = startEnd + 1;
        boolean previousEndedByCrlf = true;
        int headerEnd = -1;
        while (pos < limit) {
            int lf = SipFraming.indexOf(head, pos, limit, (byte) '\n');
            boolean crlf = lf > pos && head[lf - 1] == '\r';
            if (previousEndedByCrlf && crlf && lf == pos + 1) {
                headerEnd = lf + 1;
                break;
            }
            previousEndedByCrlf = crlf;
            int lineEnd = lf < 0 ? limit : lf + 1;
            int contentEnd = crlf ? lf - 1 : (lf < 0 ? limit : lf);
            if (lf >= 0 && !crlf && problem == null) {
                problem = "header line ended by a bare LF";
            }
            byte first = head[pos];
            if (first == ' ' || first == '\t') {
                if (index.size == 0) {
                    problem = problem == null ? "folded line before the first header" : problem;
                } else {
                    index.valueEnd[index.size - 1] = trimEnd(head, pos, contentEnd);
                    index.lineEnd[index.size - 1] = lineEnd;
                }
            } else if (index.size == config.maxHeaderLines()) {
                // Keep looking for the empty line (framing needs it), index no more.
                problem = problem == null ? "more than " + config.maxHeaderLines() + " header lines" : problem;
            } else if (!indexLine(index, head, pos, contentEnd, lineEnd) && problem == null) {
                problem = "header line without a name and colon";
            }
            pos = lineEnd;
        }
        if (headerEnd < 0) {
            msg.markMalformed(400, NO_EMPTY_LINE);
        }
        StartLine.parse(msg, head, startEnd - 1);
        if (problem == null) {
            problem = controlByteProblem(msg, head, startEnd - 1);
        }
        if (problem != null) {
            msg.markMalformed(400, problem);
        }
        return headerEnd;
    }

    /**
     * Why the start line or a header value holds a control byte outside a quoted-pair, or null.
     * The reason names the header, never the bytes: it becomes a reason phrase.
     */
    private static String controlByteProblem(SipMessage msg, byte[] head, int startLineEnd) {
        int at = ControlBytes.firstIllegal(head, 0, startLineEnd);
        if (at >= 0) {
            return "control byte " + hex(head[at]) + " in the start line";
        }
        HeaderIndex index = msg.headers;
        for (int line = 0; line < index.size; line++) {
            at = ControlBytes.firstIllegal(head, index.valueStart[line], index.valueEnd[line]);
            if (at >= 0) {
                SipHeader id = index.id[line];
                String name = id == SipHeader.OTHER ? msg.headerNameAt(line) : id.canonicalName();
                if (name.length() > MAX_NAME_IN_REASON) {
                    name = name.substring(0, MAX_NAME_IN_REASON) + "...";
                }
                return "control byte " + hex(head[at]) + " in the " + name + " header";
            }
        }
        return null;
    }

    private static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }

    /** Adds the line [pos, contentEnd) to the index; false when it is not "name: value". */
    private static boolean indexLine(HeaderIndex index, byte[] head, int pos, int contentEnd, int lineEnd) {
        int nameEnd = pos;
        while (nameEnd < contentEnd && HeaderText.isTokenChar(head[nameEnd])) {
            nameEnd++;
        }
        int colon = nameEnd;
        while (colon < contentEnd && HeaderText.isWhitespace(head[colon])) {
            colon++;
        }
        if (nameEnd == pos || colon >= contentEnd || head[colon] != ':') {
            return false;
        }
        int valueStart = colon + 1;
        while (valueStart < contentEnd && HeaderText.isWhitespace(head[valueStart])) {
            valueStart++;
        }
        SipHeader id = SipHeader.identify(head, pos, nameEnd - pos);
        int line = index.add(id, pos, nameEnd - pos, valueStart);
        index.valueEnd[line] = trimEnd(head, valueStart, contentEnd);
        index.lineEnd[line] = lineEnd;
        return true;
    }

    private static int trimEnd(byte[] buf, int start, int end) {
        while (end > start && HeaderText.isWhitespace(buf[end - 1])) {
            end--;
        }
        return end;
    }
}
