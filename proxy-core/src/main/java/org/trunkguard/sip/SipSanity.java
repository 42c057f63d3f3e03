package org.trunkguard.sip;

import java.util.List;

/**
 * Checks a parsed message against what RFC 3261 requires of every message, before the proxy
 * acts on it (Kamailio's REQINIT, RFC 3261 §16.3): mandatory and single-valued headers, scalar
 * ranges, Via and name-addr grammar, CSeq matching the method, the Request-URI's scheme. The first
 * failure is recorded on the message with the status it deserves. Malformed responses are dropped
 * by the caller, never answered.
 */
public final class SipSanity {
    private static final SipHeader[] MANDATORY = {SipHeader.VIA, SipHeader.FROM, SipHeader.TO, SipHeader.CALL_ID,
        SipHeader.CSEQ};
    private static final SipHeader[] SINGLE = {SipHeader.FROM, SipHeader.TO, SipHeader.CALL_ID, SipHeader.CSEQ,
        SipHeader.MAX_FORWARDS};
    /** RFC 3261 §20.22: "Max-Forwards = 1*DIGIT", and RFC 4475 §3.1.2.4 treats above 255 as invalid. */
    private static final int MAX_FORWARDS_LIMIT = 255;

    private SipSanity() {
    }

    /** Runs the checks; returns true when the message may be processed. */
    public static boolean check(SipMessage msg) {
        if (msg.malformed() == null) {
            String problem = headersProblem(msg);
            if (problem != null) {
                msg.markMalformed(400, problem);
            } else if (msg.isRequest()) {
                checkRequest(msg);
            }
        }
        return msg.malformed() == null;
    }

    private static String headersProblem(SipMessage msg) {
        for (SipHeader h : MANDATORY) {
            if (msg.count(h) == 0) {
                return "missing " + h.canonicalName() + " header";
            }
        }
        for (SipHeader h : SINGLE) {
            if (msg.count(h) > 1) {
                return "more than one " + h.canonicalName() + " header";
            }
        }
        if (msg.callId().isEmpty()) {
            return "empty Call-ID";
        }
        if (!validCallId(msg.callId())) {
            return "Call-ID is not word or word@word (RFC 3261 callid)";
        }
        CSeq cseq = msg.cseq();
        if (!cseq.valid()) {
            return cseq.invalidReason();
        }
        if (!msg.topVia().valid()) {
            return msg.topVia().invalidReason();
        }
        if (msg.count(SipHeader.VIA) > 1 || HeaderText.nextComma(msg.header(SipHeader.VIA), 0) >= 0) {
            List<String> vias = msg.values(SipHeader.VIA);
            for (int i = 1; i < vias.size(); i++) {
                Via parsed = Via.parse(vias.get(i));
                if (!parsed.valid()) {
                    return parsed.invalidReason();
                }
            }
        }
        if (!msg.from().valid()) {
            return "From: " + msg.from().invalidReason();
        }
        if (!msg.to().valid()) {
            return "To: " + msg.to().invalidReason();
        }
        for (String contact : msg.values(SipHeader.CONTACT)) {
            NameAddress address = NameAddress.parse(contact);
            if (!address.valid()) {
                return "Contact: " + address.invalidReason();
            }
        }
        return null;
    }

    private static void checkRequest(SipMessage msg) {
        String method = msg.method();
        String cseqMethod = msg.cseq().method();
        if (!method.equals(cseqMethod)) {
            msg.markMalformed(Methods.isKnown(method) ? 400 : 501, "CSeq method " + cseqMethod + " does not match " + method);
            return;
        }
        String mf = msg.header(SipHeader.MAX_FORWARDS);
        if (mf != null && !validMaxForwards(mf)) {
            msg.markMalformed(400, "Max-Forwards must be a number 0..255");
            return;
        }
        Via top = msg.topVia();
        if (Via.MAGIC_COOKIE.equals(top.branch())) {
            msg.markMalformed(400, "Via branch is the bare magic cookie, no transaction id");
            return;
        }
        checkRequestUri(msg);
    }

    private static void checkRequestUri(SipMessage msg) {
        String uri = msg.requestUri();
        String scheme = UriSyntax.scheme(uri);
        if (scheme == null) {
            msg.markMalformed(400, "Request-URI has no scheme");
        } else if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            msg.markMalformed(416, "Request-URI scheme " + scheme + " not supported");
        } else if (UriSyntax.problem(uri) != null) {
            msg.markMalformed(400, "Request-URI: " + UriSyntax.problem(uri));
        } else if (UriSyntax.hasHeaders(uri)) {
            msg.markMalformed(400, "Request-URI must not carry escaped headers");
        }
    }

    /** Tokens of Proxy-Require: a proxy supports no extensions, so any is unsupported (RFC 3261 §16.3). */
    public static List<String> proxyRequire(SipMessage msg) {
        return msg.values(SipHeader.PROXY_REQUIRE);
    }

    /**
     * Max-Forwards as a number; 70 when absent (RFC 3261 §16.6 step 3); -1 when it is not a number
     * 0..255, which {@link #check} already rejects for requests (a response's is never checked).
     */
    public static int maxForwards(SipMessage msg) {
        String mf = msg.header(SipHeader.MAX_FORWARDS);
        if (mf == null) {
            return 70;
        }
        return validMaxForwards(mf) ? Integer.parseInt(HeaderText.trimLws(mf)) : -1;
    }

    /**
     * RFC 3261 §25.1 {@code callid = word [ "@" word ]}: ASCII only. The proxy copies the Call-ID
     * into the CANCEL and ACK it builds and the next hop matches them by it, so bytes the grammar
     * forbids are refused here rather than carried.
     */
    static boolean validCallId(String callId) {
        int at = callId.indexOf('@');
        if (at == 0 || at == callId.length() - 1 || at >= 0 && callId.indexOf('@', at + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < callId.length(); i++) {
            char c = callId.charAt(i);
            if (c != '@' && !HeaderText.isWordChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validMaxForwards(String value) {
        String v = HeaderText.trimLws(value);
        if (v.isEmpty() || v.length() > 5) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (!HeaderText.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(v) <= MAX_FORWARDS_LIMIT;
    }
}
