package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;

/**
 * Builds a {@link SipMessage} from a framed buffer: the start line and a header index, nothing
 * more. Malformations are recorded on the message ({@link SipMessage#malformed()}), never
 * thrown, so a bad request still reaches the stage that answers it with a 400.
 */
final class SipMessageParser {
    private SipMessageParser() {
    }

    /**
     * Parses a whole message. {@code headerEnd} is the absolute index just past the CRLFCRLF, or
     * -1 when the header section never ended (the datagram's bytes all belong to it).
     * {@code bodyLength} is the body's length as framing decided.
     */
    static SipMessage parse(ByteBuf content, int headerEnd, int bodyLength, SipDecoderConfig config) {
        SipMessage msg = new SipMessage(content);
        int base = content.readerIndex();
        int end = base + content.readableBytes();
        int sectionEnd = headerEnd < 0 ? end : headerEnd - 2;
        if (headerEnd < 0) {
            msg.markMalformed(400, "no empty line ends the header section");
        }
        int startEnd = content.indexOf(base, sectionEnd, (byte) '\n');
        if (startEnd < 0 || startEnd == base || content.getByte(startEnd - 1) != '\r') {
            msg.startLineEnd = startEnd < 0 ? sectionEnd - base : startEnd - base;
            msg.request = true;
            msg.markMalformed(400, "start line not ended by CRLF");
            return msg;
        }
        msg.startLineEnd = startEnd - 1 - base;
        StartLine.parse(msg, content, base, startEnd - 1);
        indexHeaders(msg, content, base, startEnd + 1, sectionEnd, config);
        msg.bodyStart = headerEnd < 0 ? end - base : headerEnd - base;
        msg.bodyLength = bodyLength;
        return msg;
    }

    private static void indexHeaders(SipMessage msg, ByteBuf buf, int base, int from, int to, SipDecoderConfig config) {
        HeaderIndex index = msg.headers;
        int pos = from;
        while (pos < to) {
            int lf = buf.indexOf(pos, to, (byte) '\n');
            int lineEnd = lf < 0 ? to : lf + 1;
            int contentEnd = lf > pos && buf.getByte(lf - 1) == '\r' ? lf - 1 : (lf < 0 ? to : lf);
            if (lf >= 0 && buf.getByte(lf - 1) != '\r') {
                msg.markMalformed(400, "header line ended by a bare LF");
            }
            byte first = buf.getByte(pos);
            if (first == ' ' || first == '\t') {
                if (index.size == 0) {
                    msg.markMalformed(400, "folded line before the first header");
                } else {
                    index.valueEnd[index.size - 1] = trimEnd(buf, pos, contentEnd) - base;
                    index.lineEnd[index.size - 1] = lineEnd - base;
                }
                pos = lineEnd;
                continue;
            }
            if (index.size == config.maxHeaderLines()) {
                msg.markMalformed(400, "more than " + config.maxHeaderLines() + " header lines");
                return;
            }
            int nameEnd = pos;
            while (nameEnd < contentEnd && HeaderText.isTokenChar(buf.getByte(nameEnd))) {
                nameEnd++;
            }
            int colon = nameEnd;
            while (colon < contentEnd && HeaderText.isWhitespace(buf.getByte(colon))) {
                colon++;
            }
            if (nameEnd == pos || colon >= contentEnd || buf.getByte(colon) != ':') {
                msg.markMalformed(400, "header line without a name and colon");
                pos = lineEnd;
                continue;
            }
            int valueStart = colon + 1;
            while (valueStart < contentEnd && HeaderText.isWhitespace(buf.getByte(valueStart))) {
                valueStart++;
            }
            SipHeader id = SipHeader.identify(buf, pos, nameEnd - pos);
            int line = index.add(id, pos - base, pos - base, nameEnd - pos, valueStart - base);
            index.valueEnd[line] = trimEnd(buf, valueStart, contentEnd) - base;
            index.lineEnd[line] = lineEnd - base;
            pos = lineEnd;
        }
    }

    private static int trimEnd(ByteBuf buf, int start, int end) {
        while (end > start && HeaderText.isWhitespace(buf.getByte(end - 1))) {
            end--;
        }
        return end;
    }
}
