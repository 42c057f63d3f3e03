package org.trunkguard.proxy;

import java.util.List;

/**
 * What a forwarded INVITE's client transaction needs to build the requests the proxy sends on
 * its own hop (RFC 3261 §9.1, §17.1.1.3): CANCEL while it rings, ACK for a non-2xx final
 * response. Same Via, Route, From, Call-ID and CSeq number as the INVITE it forwarded. Only
 * INVITE transactions keep one, and only until a 2xx ends any need for it: a finished
 * transaction lingers 64·T1, and what it holds is copied by every young collection meanwhile.
 */
record HopRequests(String viaValue, String requestUri, String from, String to, String callId, long cseq,
                   List<String> routes) {

    /** The CANCEL or ACK, with {@code toValue} as its To (the response's, with its tag, for an ACK). */
    String build(String method, String toValue) {
        StringBuilder b = new StringBuilder(256 + requestUri.length());
        b.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
        b.append("Via: ").append(viaValue).append("\r\n");
        for (String route : routes) {
            b.append("Route: ").append(route).append("\r\n");
        }
        b.append("Max-Forwards: 70\r\n");
        b.append("From: ").append(from).append("\r\n");
        b.append("To: ").append(toValue).append("\r\n");
        b.append("Call-ID: ").append(callId).append("\r\n");
        b.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        b.append("Content-Length: 0\r\n\r\n");
        return b.toString();
    }
}
