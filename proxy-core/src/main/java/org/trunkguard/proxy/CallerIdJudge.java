package org.trunkguard.proxy;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.List;
import org.trunkguard.auth.CallIdentity;
import org.trunkguard.auth.CallerIdScreen;
import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.NameAddress;
import org.trunkguard.sip.SipHeader;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/**
 * Stage "caller identity → verdict": hands the identities of an INVITE (From, every
 * P-Asserted-Identity, Remote-Party-ID, Privacy, Request-URI) to number-auth's caller-ID rules.
 * The trunk's caller-ID profile is the one the call was classified with ({@link Trunk#profile()}),
 * never looked up again: a reload that replaces the trunk table meanwhile cannot leave a call
 * without one. Each event loop reuses one {@link CallIdentity}, so judging allocates little beyond
 * the header strings the codec makes on first access.
 */
public final class CallerIdJudge implements CallJudge {
    private final CallerIdScreen screen;
    private final FastThreadLocal<CallIdentity> identities = new FastThreadLocal<>() {
        @Override
        protected CallIdentity initialValue() {
            return CallIdentity.of(null, List.of(), null, null, "");
        }
    };

    public CallerIdJudge(CallerIdScreen screen) {
        this.screen = screen;
    }

    @Override
    public Verdict judge(Trunk trunk, SipMessage invite, CallRecord call) {
        CallIdentity identity = identities.get();
        NameAddress from = invite.from();
        identity.reset(from != null && from.valid() ? from.uri() : null, uris(invite.values(SipHeader.P_ASSERTED_IDENTITY)),
                uriOf(first(invite.values(SipHeader.REMOTE_PARTY_ID))), invite.header(SipHeader.PRIVACY),
                invite.requestUri());
        Verdict verdict = screen.screen(trunk.profile(), identity);
        call.numbers(identity.callerNumber() == null ? null : identity.callerNumber().canonical(),
                identity.calleeNumber() == null ? null : identity.calleeNumber().canonical());
        return verdict;
    }

    /** What REGISTER gets where the address-of-record is no number the trunk holds. */
    static final Verdict NOT_OWN_NUMBER = new Verdict(Action.REJECT, "register-policy",
            "the address-of-record is not a number this trunk's segments hold", 403, 0);

    /**
     * The same rules as for a call: a MESSAGE or SUBSCRIBE with a spoofed caller is refused as its
     * INVITE would be. A REGISTER claims its address-of-record (the To URI, RFC 3261 §10.2), so
     * that is the identity judged; it must also be a number (policy {@code own-numbers}).
     */
    @Override
    public Verdict judgeRequest(Trunk trunk, SipMessage request, CallRecord record) {
        if (!org.trunkguard.sip.Methods.REGISTER.equals(request.method())) {
            return judge(trunk, request, record);
        }
        CallIdentity identity = identities.get();
        NameAddress to = request.to();
        identity.reset(to != null && to.valid() ? to.uri() : null, List.of(), null, null, request.requestUri());
        Verdict verdict = screen.screen(trunk.profile(), identity);
        if (verdict.blocksCall()) {
            return verdict;
        }
        boolean ownNumber = trunk.kind() == org.trunkguard.auth.TrunkKind.ENTERPRISE && identity.callerNumber() != null
                && !identity.callerNumber().isIrregular();
        return ownNumber ? verdict : NOT_OWN_NUMBER;
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> uris(List<String> nameAddresses) {
        nameAddresses.replaceAll(CallerIdJudge::uriOf);
        nameAddresses.removeIf(java.util.Objects::isNull);
        return nameAddresses;
    }

    /** The URI of a name-addr, or null when absent or unparseable (an unreadable identity is no identity). */
    private static String uriOf(String nameAddress) {
        if (nameAddress == null) {
            return null;
        }
        NameAddress parsed = NameAddress.parse(nameAddress);
        return parsed.valid() ? parsed.uri() : null;
    }
}
