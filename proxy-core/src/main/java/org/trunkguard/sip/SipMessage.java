package org.trunkguard.sip;

import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One framed SIP message: its bytes, the offsets of its start line, a header index and its body.
 * Nothing beyond the index is parsed until asked: a header value becomes a String only when the
 * pipeline reads it. A message that failed to parse is still a message: {@link #malformed()}
 * says why, and {@link #rejectStatus()} what a request deserves (400, 505, ...), so it flows
 * through the pipeline like any other and gets its answer there.
 *
 * <p>Not thread-safe; owned by one event loop at a time. Reference counted: it holds a retained
 * slice of the inbound buffer.
 */
public final class SipMessage extends AbstractReferenceCounted {
    private ByteBuf content;
    /** A copy of the message's first bytes, at least its header section (see SipMessageParser). */
    private final byte[] head;
    final HeaderIndex headers;
    boolean request;
    String method;
    String requestUri;
    int statusCode;
    int startLineEnd;
    int bodyStart;
    int bodyLength;
    String malformed;
    int rejectStatus;

    private Via topVia;
    private CSeq cseq;
    private NameAddress from;
    private String callId;
    private NameAddress to;

    /** A message whose head is parsed but whose bytes are not framed yet: {@link #attach} follows. */
    SipMessage(byte[] head) {
        this.head = head;
        this.headers = new HeaderIndex();
    }

    public boolean isRequest() {
        return request;
    }

    /** The request method, exactly as sent (case-sensitive, RFC 3261 §7.1). */
    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reasonPhrase() {
        int start = "SIP/2.0 000 ".length();
        return start >= startLineEnd ? "" : new String(head, start, startLineEnd - start, StandardCharsets.UTF_8);
    }

    /** Why the message could not be parsed or fails sanity, or null when it is well formed. */
    public String malformed() {
        return malformed;
    }

    /** The status a malformed request gets (400 unless a more precise one applies). */
    public int rejectStatus() {
        return rejectStatus;
    }

    /** Gives the message its framed bytes (a retained slice it will release) and body bounds. */
    void attach(ByteBuf framed, int bodyStartOffset, int bodyBytes) {
        this.content = framed;
        this.bodyStart = bodyStartOffset;
        this.bodyLength = bodyBytes;
    }

    void markMalformed(int status, String reason) {
        if (malformed == null) {
            malformed = reason;
            rejectStatus = status;
        }
    }

    /** The whole message as framed (for UDP, without trailing octets beyond Content-Length). */
    public ByteBuf content() {
        return content;
    }

    /** Bytes of the start line, without its CRLF. */
    public int startLineLength() {
        return startLineEnd;
    }

    public ByteBuf body() {
        return content.slice(content.readerIndex() + bodyStart, bodyLength);
    }

    public int bodyLength() {
        return bodyLength;
    }

    // ---- header access -------------------------------------------------------------------

    public int headerLineCount() {
        return headers.size;
    }

    public SipHeader headerAt(int line) {
        return headers.id[line];
    }

    /** The header line's name as sent (for OTHER headers). */
    public String headerNameAt(int line) {
        return new String(head, headers.lineStart[line], headers.nameLength[line], StandardCharsets.US_ASCII);
    }

    /** The whole value of one header line, folded lines joined by a single space. */
    public String valueAt(int line) {
        return HeaderText.unfold(head, headers.valueStart[line], headers.valueEnd[line]);
    }

    /**
     * The value of one header line as ISO-8859-1, one char per byte: for a line the proxy
     * rewrites, so that writing it back with {@link SipMessageWriter#rawHeader} repeats every
     * byte it does not change, bytes that are not UTF-8 included.
     */
    public String rawValueAt(int line) {
        return HeaderText.unfold(head, headers.valueStart[line], headers.valueEnd[line], StandardCharsets.ISO_8859_1);
    }

    /** Absolute offsets in {@link #content()} of a header line including its CRLF. */
    public int lineStart(int line) {
        return abs(headers.lineStart[line]);
    }

    public int lineEnd(int line) {
        return abs(headers.lineEnd[line]);
    }

    /** Absolute offset in {@link #content()} where the line's value starts (after the colon and LWS). */
    public int valueStart(int line) {
        return abs(headers.valueStart[line]);
    }

    /** Absolute offset in {@link #content()} just past the line's value (before trailing LWS and CRLF). */
    public int valueEnd(int line) {
        return abs(headers.valueEnd[line]);
    }

    /** First line of the header, or -1. */
    public int firstLine(SipHeader header) {
        for (int i = 0; i < headers.size; i++) {
            if (headers.id[i] == header) {
                return i;
            }
        }
        return -1;
    }

    public int count(SipHeader header) {
        int n = 0;
        for (int i = 0; i < headers.size; i++) {
            if (headers.id[i] == header) {
                n++;
            }
        }
        return n;
    }

    /** Value of the first line of the header, or null. */
    public String header(SipHeader header) {
        int line = firstLine(header);
        return line < 0 ? null : valueAt(line);
    }

    /** Every value of the header, lines in order, comma-separated values split where allowed. */
    public List<String> values(SipHeader header) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < headers.size; i++) {
            if (headers.id[i] == header) {
                String value = valueAt(i);
                if (header.commaSeparated()) {
                    HeaderText.splitCommas(value, out);
                } else {
                    out.add(value);
                }
            }
        }
        return out;
    }

    /** Splits one header value at commas outside quotes and angle brackets. */
    public static void splitValues(String value, List<String> out) {
        HeaderText.splitCommas(value, out);
    }

    // ---- parsed values, cached -----------------------------------------------------------

    public String callId() {
        if (callId == null) {
            callId = header(SipHeader.CALL_ID);
        }
        return callId;
    }

    /** The top Via value, parsed; null when absent. Throws nothing: check {@link Via#valid()}. */
    public Via topVia() {
        if (topVia == null) {
            int line = firstLine(SipHeader.VIA);
            if (line >= 0) {
                topVia = Via.parse(HeaderText.firstCommaValue(valueAt(line)));
            }
        }
        return topVia;
    }

    public CSeq cseq() {
        if (cseq == null) {
            String value = header(SipHeader.CSEQ);
            cseq = value == null ? null : CSeq.parse(value);
        }
        return cseq;
    }

    /** The From value, parsed once (the first From line; sanity rejects a second). Null when absent. */
    public NameAddress from() {
        if (from == null) {
            String value = header(SipHeader.FROM);
            from = value == null ? null : NameAddress.parse(value);
        }
        return from;
    }

    /** The To value, parsed once. Null when absent. */
    public NameAddress to() {
        if (to == null) {
            String value = header(SipHeader.TO);
            to = value == null ? null : NameAddress.parse(value);
        }
        return to;
    }

    /** The method a response answers (its CSeq method), or the request's own method. */
    public String transactionMethod() {
        if (request) {
            return method;
        }
        CSeq c = cseq();
        return c == null ? null : c.method();
    }

    private int abs(int relative) {
        return content.readerIndex() + relative;
    }

    @Override
    protected void deallocate() {
        if (content != null) {
            content.release();
        }
    }

    @Override
    public SipMessage touch(Object hint) {
        if (content != null) {
            content.touch(hint);
        }
        return this;
    }

    @Override
    public String toString() {
        return request ? method + " " + requestUri : "SIP/2.0 " + statusCode;
    }
}
