package org.trunkguard.demo;

import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The calling side: places INVITEs through the proxy (a Route to it), then ACKs, BYEs or CANCELs. */
public final class Caller extends SipPeer {
    private final String proxy;

    /** {@code proxy} is "host:port" of trunkguard. */
    public Caller(String host, int port, String transport, String proxy) throws Exception {
        super("caller", host, port, transport);
        this.proxy = proxy;
    }

    /** Sends an INVITE from {@code fromUser} to {@code toUser}; extra headers as "Name: value". */
    public ClientTransaction invite(String fromUser, String toUser, String... extraHeaders) throws Exception {
        SipURI requestUri = addresses.createSipURI(toUser, "core.example.net");
        Address from = addresses.createAddress(addresses.createSipURI(fromUser, uriHost(host)));
        Address to = addresses.createAddress(addresses.createSipURI(toUser, "core.example.net"));
        CallIdHeader callId = provider.getNewCallId();
        Request invite = messages.createRequest(requestUri, Request.INVITE, callId,
                headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(from, "c" + System.nanoTime()),
                headers.createToHeader(to, null), via(), headers.createMaxForwardsHeader(70));
        invite.addHeader(headers.createContactHeader(address(fromUser)));
        SipURI route = addresses.createSipURI(null, proxy);
        route.setLrParam();
        route.setTransportParam(transport);
        invite.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        for (String extra : extraHeaders) {
            int colon = extra.indexOf(':');
            invite.addHeader(headers.createHeader(extra.substring(0, colon).trim(), extra.substring(colon + 1).trim()));
        }
        String family = host.indexOf(':') >= 0 ? "IP6 " : "IP4 ";
        invite.setContent("v=0\r\no=- 1 1 IN " + family + host + "\r\ns=-\r\nc=IN " + family + host + "\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 8\r\n", headers.createContentTypeHeader("application", "sdp"));
        ClientTransaction ct = provider.getNewClientTransaction(invite);
        ct.sendRequest();
        return ct;
    }

    public void ack(ClientTransaction invite, Response ok) throws Exception {
        Dialog dialog = invite.getDialog();
        Request ack = dialog.createAck(((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber());
        dialog.sendAck(ack);
    }

    public ClientTransaction bye(ClientTransaction invite) throws Exception {
        Dialog dialog = invite.getDialog();
        Request bye = dialog.createRequest(Request.BYE);
        ClientTransaction ct = provider.getNewClientTransaction(bye);
        dialog.sendRequest(ct);
        return ct;
    }

    public void cancel(ClientTransaction invite) throws Exception {
        provider.getNewClientTransaction(invite.createCancel()).sendRequest();
    }

    /** The To tag of a response, for tests that check dialogs. */
    public static String toTag(Response r) {
        return ((ToHeader) r.getHeader(ToHeader.NAME)).getTag();
    }

    public static List<String> headerValues(Response r, String name) {
        List<String> out = new java.util.ArrayList<>();
        r.getHeaders(name).forEachRemaining(h -> out.add(h.toString().trim()));
        return out;
    }
}
