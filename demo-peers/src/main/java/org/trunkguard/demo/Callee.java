package org.trunkguard.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The core side: answers what the proxy forwards, as a core switch would. The callee number
 * picks the behaviour, so one callee serves every scenario: a number starting with "486" is busy,
 * one starting with "180" rings until cancelled, any other rings and answers. BYE and CANCEL are
 * answered as RFC 3261 requires. Every request is also queued in {@link #requests}.
 */
public final class Callee extends SipPeer {
    private final Map<String, ServerTransaction> ringing = new ConcurrentHashMap<>();

    public Callee(String host, int port, String transport) throws Exception {
        super("callee", host, port, transport);
    }

    @Override
    public void processRequest(RequestEvent event) {
        super.processRequest(event);
        try {
            Request request = event.getRequest();
            switch (request.getMethod()) {
                case Request.INVITE -> invite(event);
                case Request.BYE, Request.OPTIONS -> reply(event, 200, false);
                case Request.CANCEL -> cancel(event);
                default -> { }
            }
        } catch (Exception e) {
            timeouts.add("callee error: " + e);
        }
    }

    private void invite(RequestEvent event) throws Exception {
        String user = ((SipURI) event.getRequest().getRequestURI()).getUser();
        ServerTransaction st = provider.getNewServerTransaction(event.getRequest());
        if (user != null && user.startsWith("486")) {
            st.sendResponse(messages.createResponse(Response.BUSY_HERE, event.getRequest()));
            return;
        }
        Response ringingResponse = messages.createResponse(Response.RINGING, event.getRequest());
        ringingResponse.addHeader(headers.createContactHeader(address("callee")));
        st.sendResponse(ringingResponse);
        if (user != null && user.startsWith("180")) {
            ringing.put(callId(event.getRequest()), st);
            return;
        }
        Response ok = messages.createResponse(Response.OK, event.getRequest());
        ok.addHeader(headers.createContactHeader(address("callee")));
        st.sendResponse(ok);
    }

    private void cancel(RequestEvent event) throws Exception {
        reply(event, 200, false);
        ServerTransaction invite = ringing.remove(callId(event.getRequest()));
        if (invite != null) {
            invite.sendResponse(messages.createResponse(Response.REQUEST_TERMINATED, invite.getRequest()));
        }
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
