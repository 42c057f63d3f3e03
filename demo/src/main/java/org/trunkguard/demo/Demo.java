package org.trunkguard.demo;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.message.Response;
import org.trunkguard.auth.TrunkKind;
import org.trunkguard.config.ProxyConfig;
import org.trunkguard.node.TrunkguardNode;
import org.trunkguard.proxy.trunk.Trunk;

/**
 * bin/trunkguard demo: the proxy on the given configuration, a JAIN-SIP caller on the first
 * enterprise trunk's address, a JAIN-SIP callee on the core's next hop, and a handful of calls
 * whose every step is printed. A newcomer sees the proxy work with no carrier at hand.
 */
public final class Demo {
    private static final long WAIT_MS = 5000;
    private static final int CALLER_PORT = 5070;

    private final ProxyConfig config;
    private final PrintStream out;

    public Demo(ProxyConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /** Runs the calls; true when every call ended as expected. Throws when the node cannot start. */
    public boolean run() throws Exception {
        Trunk enterprise = config.trunks().stream().filter(t -> t.kind() == TrunkKind.ENTERPRISE).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo needs an ENTERPRISE trunk"));
        Trunk core = config.trunks().stream().filter(Trunk::isCore).findFirst().orElseThrow();
        String callerHost = InetAddress.getByAddress(enterprise.sources().get(0).network()).getHostAddress();
        String proxy = SipPeer.uriHost(config.advertisedHost()) + ":" + config.listen().udpPort();
        out.printf("trunkguard demo: caller %s:%d on trunk %s (%s) -> proxy %s -> core %s%n", callerHost, CALLER_PORT,
                enterprise.id(), enterprise.enterpriseId(), proxy, core.nextHop());
        List<Boolean> results = new ArrayList<>();
        try (TrunkguardNode ignored = TrunkguardNode.start(config, TrunkguardNode.NodeObservers.NONE);
             Caller caller = new Caller(callerHost, CALLER_PORT, "udp", proxy);
             Callee callee = new Callee(core.nextHop().getAddress().getHostAddress(), core.nextHop().getPort(),
                     core.nextHopTransport().uriParam())) {
            results.add(answered(caller, "01055550001", "13900000001"));
            results.add(expectFinal(caller, "01055550002", "48613900000002", 486, "busy callee"));
            results.add(cancelled(caller, "01055550003", "18013900000003"));
            results.add(expectFinal(caller, "13812345678", "13900000004", 403, "spoofed: caller ID not in ent-demo's segments"));
            results.add(expectFinal(caller, "01066660001", "13900000005", 403, "another enterprise's number, passed through"));
            results.add(expectFinal(caller, "13812345678", "110", 200, "spoofed caller dialling 110: never blocked"));
        }
        boolean ok = results.stream().allMatch(Boolean::booleanValue);
        out.println(ok ? "demo: every call behaved as expected" : "demo: some calls did not behave as expected");
        return ok;
    }

    private boolean answered(Caller caller, String from, String to) throws Exception {
        out.printf("%ncall %s -> %s (the callee answers, the caller hangs up)%n", from, to);
        ClientTransaction invite = caller.invite(from, to);
        Response ok = await(caller, invite, 200, "INVITE");
        if (ok == null) {
            return false;
        }
        caller.ack(invite, ok);
        out.println("  -> ACK");
        caller.bye(invite);
        out.println("  -> BYE");
        return await(caller, invite, 200, "BYE") != null;
    }

    private boolean cancelled(Caller caller, String from, String to) throws Exception {
        out.printf("%ncall %s -> %s (rings; the caller gives up)%n", from, to);
        ClientTransaction invite = caller.invite(from, to);
        if (await(caller, invite, 180, "INVITE") == null) {
            return false;
        }
        caller.cancel(invite);
        out.println("  -> CANCEL");
        return await(caller, invite, 487, "INVITE") != null;
    }

    /** A call that must end with {@code status}. */
    private boolean expectFinal(Caller caller, String from, String to, int status, String what) throws Exception {
        out.printf("%ncall %s -> %s (%s)%n", from, to, what);
        ClientTransaction invite = caller.invite(from, to);
        Response r = await(caller, invite, -1, "INVITE");
        return r != null && r.getStatusCode() == status;
    }

    /**
     * Prints this call's responses until one to {@code method} has {@code status} (-1: any final
     * status). Responses of earlier calls (a late 200 to a CANCEL, say) are skipped: the caller's
     * queue is shared, and the order in which two responses arrive is not fixed.
     */
    private Response await(Caller caller, ClientTransaction call, int status, String method) throws InterruptedException {
        String callId = callId(call.getRequest());
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            Response r = caller.responses.poll(deadline - System.currentTimeMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r == null) {
                break;
            }
            if (!callId.equals(callId(r))) {
                continue;
            }
            print(r);
            String cseqMethod = ((javax.sip.header.CSeqHeader) r.getHeader("CSeq")).getMethod();
            if (cseqMethod.equals(method) && (status < 0 ? r.getStatusCode() >= 200 : r.getStatusCode() == status)) {
                return r;
            }
        }
        out.printf("  <- no %s to %s within %d ms%n", status < 0 ? "final response" : String.valueOf(status), method, WAIT_MS);
        return null;
    }

    private static String callId(javax.sip.message.Message m) {
        return ((javax.sip.header.CallIdHeader) m.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    private void print(Response r) {
        String method = ((javax.sip.header.CSeqHeader) r.getHeader("CSeq")).getMethod();
        var reason = r.getHeader("Reason");
        out.printf("  <- %d %s (%s)%s%n", r.getStatusCode(), r.getReasonPhrase(), method,
                reason == null ? "" : "  " + reason.toString().trim());
    }
}
