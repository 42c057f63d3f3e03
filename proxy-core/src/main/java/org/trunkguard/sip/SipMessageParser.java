package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;

/**
 * Builds a {@link SipMessage} from a framed buffer: the start line and a header index, nothing
 * more. Malformations are recorded on the message ({@link SipMessage#malformed()}), never
 * thrown, so a bad request still reaches the stage that answers it with a 400.
 *
 * <p>The header section is read from {@code head}, a byte-array copy of the message's first
 * bytes that the message keeps: a few hundred bytes copied once make every later scan a plain
 * array read, where each ByteBuf read checks bounds and liveness (measured: about half the decode
 * time went there). The body is never copied: {@link SipMessage#body()} is a slice.
 */
final class SipMessageParser {
    private SipMessageParser() {
    }

    /**
     * Parses a whole message. {@code head[0, headLength)} holds at least the header section, and
     * {@code head[0]} is the message's first byte. {@code headerEnd} is the index just past the
     * CRLFCRLF, or -1 when the header section never ended (the datagram's bytes all belong to it).
     * {@code bodyLength} is the body's length as framing decided.
     */
    static SipMessage parse(ByteBuf content, byte[] head, int headerEnd, int bodyLength, SipDecoderConfig config) {
        SipMessage msg = new SipMessage(content, head);
        int end = content.readableBytes();
        int sectionEnd = headerEnd < 0 ? end : headerEnd - 2;
        if (headerEnd < 0) {
            msg.markMalformed(400, "no empty line ends the header section");
        }
        int startEnd = SipFraming.indexOf(head, 0, sectionEnd, (byte) '\n');
        if (startEnd <= 0 || head[startEnd - 1] != '\r') {
            msg.startLineEnd = startEnd < 0 ? sectionEnd : startEnd;
            msg.request = true;
            msg.markMalformed(400, "start line not ended by CRLF");
            return msg;
        }
        msg.startLineEnd = startEnd - 1;
        StartLine.parse(msg, head, startEnd - 1);
        indexHeaders(msg, head, startEnd + 1, sectionEnd, config);
        msg.bodyStart = headerEnd < 0 ? end : headerEnd;
        msg.bodyLength = bodyLength;
        return msg;
    }

    private static void indexHeaders(SipMessage msg, byte[] buf, int from, int to, SipDecoderConfig config) {
        HeaderIndex index = msg.headers;
        int pos = from;
        while (pos < to) {
            int lf = SipFraming.indexOf(buf, pos, to, (byte) '\n');
            int lineEnd = lf < 0 ? to : lf + 1;
            int contentEnd = lf > pos && buf[lf - 1] == '\r' ? lf - 1 : (lf < 0 ? to : lf);
            if (lf >= 0 && buf[lf - 1] != '\r') {
                msg.markMalformed(400, "header line ended by a bare LF");
            }
            byte first = buf[pos];
            if (first == ' ' || first == '\t') {
                if (index.size == 0) {
                    msg.markMalformed(400, "folded line before the first header");
                } else {
                    index.valueEnd[index.size - 1] = trimEnd(buf, pos, contentEnd);
                    index.lineEnd[index.size - 1] = lineEnd;
                }
                pos = lineEnd;
                continue;
            }
            if (index.size == config.maxHeaderLines()) {
                msg.markMalformed(400, "more than " + config.maxHeaderLines() + " header lines");
                return;
            }
            int nameEnd = pos;
            while (nameEnd < contentEnd && HeaderText.isTokenChar(buf[nameEnd])) {
                nameEnd++;
            }
            int colon = nameEnd;
            while (colon < contentEnd && HeaderText.isWhitespace(buf[colon])) {
                colon++;
            }
            if (nameEnd == pos || colon >= contentEnd || buf[colon] != ':') {
                msg.markMalformed(400, "header line without a name and colon");
                pos = lineEnd;
                continue;
            }
            int valueStart = colon + 1;
            while (valueStart < contentEnd && HeaderText.isWhitespace(buf[valueStart])) {
                valueStart++;
            }
            SipHeader id = SipHeader.identify(buf, pos, nameEnd - pos);
            int line = index.add(id, pos, nameEnd - pos, valueStart);
            index.valueEnd[line] = trimEnd(buf, valueStart, contentEnd);
            index.lineEnd[line] = lineEnd;
            pos = lineEnd;
        }
    }

    private static int trimEnd(byte[] buf, int start, int end) {
        while (end > start && HeaderText.isWhitespace(buf[end - 1])) {
            end--;
        }
        return end;
    }
}
