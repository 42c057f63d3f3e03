package org.trunkguard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;

/**
 * A real SIP user agent on a loopback address, built on JAIN-SIP RI: an implementation
 * independent of trunkguard's codec. The demo and the integration tests use it as the enterprise
 * caller and as the core callee. Everything it receives is queued for a bounded wait.
 */
public class SipPeer implements SipListener, AutoCloseable {
    private static final SipFactory FACTORY = SipFactory.getInstance();

    static {
        FACTORY.setPathName("gov.nist");
    }

    protected final String host;
    protected final int port;
    protected final String transport;
    protected final SipStack stack;
    protected final SipProvider provider;
    protected final AddressFactory addresses;
    protected final HeaderFactory headers;
    protected final MessageFactory messages;
    /** Requests received (server transactions), in order. */
    public final BlockingQueue<RequestEvent> requests = new LinkedBlockingQueue<>();
    /** Responses received, in order. */
    public final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> timeouts = new LinkedBlockingQueue<>();

    public SipPeer(String name, String host, int port, String transport) throws Exception {
        this.host = host;
        this.port = port;
        this.transport = transport;
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name + "-" + host + "-" + port + "-" + System.nanoTime());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        this.stack = FACTORY.createSipStack(p);
        this.addresses = FACTORY.createAddressFactory();
        this.headers = FACTORY.createHeaderFactory();
        this.messages = FACTORY.createMessageFactory();
        ListeningPoint lp = stack.createListeningPoint(host, port, transport);
        this.provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
    }

    public Address address(String user) throws Exception {
        return addresses.createAddress(addresses.createSipURI(user, uriHost(host) + ":" + port));
    }

    /** A host as a SIP URI writes it: IPv6 addresses in brackets (RFC 3261 §19.1.1, RFC 5118). */
    public static String uriHost(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    protected List<ViaHeader> via() throws Exception {
        List<ViaHeader> vias = new ArrayList<>();
        vias.add(headers.createViaHeader(host, port, transport, null));
        return vias;
    }

    public Response awaitResponse(int status, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            Response r = responses.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (r == null || r.getStatusCode() == status) {
                return r;
            }
        }
    }

    public RequestEvent awaitRequest(String method, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            long left = deadline - System.nanoTime();
            RequestEvent e = requests.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null || e.getRequest().getMethod().equals(method)) {
                return e;
            }
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        requests.add(event);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        responses.add(event.getResponse());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        timeouts.add(String.valueOf(event.getTimeout()));
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        timeouts.add("io " + event.getHost() + ":" + event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /** Replies to a request received by this peer. */
    public ServerTransaction reply(RequestEvent event, int status, boolean withContact) throws Exception {
        ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
        Response response = messages.createResponse(status, event.getRequest());
        if (withContact) {
            response.addHeader(headers.createContactHeader(address("callee")));
        }
        st.sendResponse(response);
        return st;
    }

    public Dialog dialogOf(ClientTransaction ct) {
        return ct.getDialog();
    }

    @Override
    public void close() {
        stack.stop();
    }
}
