package org.trunkguard.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.sip.SipMessageWriter;

/**
 * Responses the proxy itself sends (RFC 3261 §8.2.6, §16.7): Via, From, To, Call-ID and CSeq
 * copied from the request (never invented when the request lacked them, RFC 4475 §3.3.1), a To
 * tag added to final responses, and any extra lines such as Reason or Unsupported.
 */
public final class Responses {
    private Responses() {
    }

    public static ByteBuf build(ByteBufAllocator alloc, SipMessage request, InetSocketAddress source, int status,
                                String reasonPhrase, String toTag, String... extraLines) {
        ByteBuf out = alloc.buffer(512 + request.content().readableBytes() / 2);
        SipMessageWriter.text(out, "SIP/2.0 " + status + " " + reasonPhrase + "\r\n");
        String stamped = ViaStamp.stampedFirstLine(request, source);
        int firstVia = request.firstLine(SipHeader.VIA);
        for (int i = 0; i < request.headerLineCount(); i++) {
            SipHeader h = request.headerAt(i);
            if (i == firstVia && stamped != null) {
                SipMessageWriter.rawHeader(out, SipHeader.VIA, stamped);
            } else if (h == SipHeader.TO && toTag != null && status > 100 && request.to() != null && request.to().valid()
                    && request.to().tag() == null) {
                SipMessageWriter.copyLineAppending(out, request, i, ";tag=" + toTag);
            } else if (h == SipHeader.VIA || h == SipHeader.FROM || h == SipHeader.TO || h == SipHeader.CALL_ID
                    || h == SipHeader.CSEQ) {
                SipMessageWriter.copyLine(out, request, i);
            }
        }
        for (String line : extraLines) {
            SipMessageWriter.text(out, line);
            SipMessageWriter.text(out, "\r\n");
        }
        SipMessageWriter.text(out, "Server: trunkguard\r\nContent-Length: 0\r\n\r\n");
        return out;
    }

    /** A Reason header (RFC 3326) naming the rule that decided. */
    public static String reasonLine(int cause, String text) {
        return "Reason: SIP;cause=" + cause + ";text=\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static String phrase(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 416 -> "Unsupported URI Scheme";
            case 420 -> "Bad Extension";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 482 -> "Loop Detected";
            case 483 -> "Too Many Hops";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "Version Not Supported";
            case 513 -> "Message Too Large";
            case 603 -> "Decline";
            default -> status < 300 ? "OK" : "Error";
        };
    }
}
