package org.trunkguard.proxy;

import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.verdict.Verdict;

/**
 * Decides what happens to a new call. Called once per INVITE on the event loop: it must not
 * block. It may fill in what it learnt on {@code call} (normalised numbers, its own state), so
 * later stages (trace records, detectors) need not work it out again.
 */
public interface CallJudge {
    /** Forwards every call: the proxy without screening rules. */
    CallJudge FORWARD_ALL = (trunk, invite, call) -> Verdict.ALLOW;

    Verdict judge(Trunk trunk, SipMessage invite, CallRecord call);

    /**
     * Decides what happens to an out-of-dialog request other than INVITE that a trunk sends
     * toward a subscriber (MESSAGE, SUBSCRIBE, OPTIONS to a user, REFER, ...): it presents a
     * calling identity as a call does. {@code record} holds it as a call record would, but the
     * request is no call: it has no life cycle and is not traced. Allows all by default.
     */
    default Verdict judgeRequest(Trunk trunk, SipMessage request, CallRecord record) {
        return Verdict.ALLOW;
    }

    /** Runs {@code first}, then, unless it blocked the call or request, {@code second}; the stronger verdict wins. */
    static CallJudge chain(CallJudge first, CallJudge second) {
        return new CallJudge() {
            @Override
            public Verdict judge(Trunk trunk, SipMessage invite, CallRecord call) {
                Verdict a = first.judge(trunk, invite, call);
                return a.blocksCall() ? a : stronger(a, second.judge(trunk, invite, call));
            }

            @Override
            public Verdict judgeRequest(Trunk trunk, SipMessage request, CallRecord record) {
                Verdict a = first.judgeRequest(trunk, request, record);
                return a.blocksCall() ? a : stronger(a, second.judgeRequest(trunk, request, record));
            }
        };
    }

    private static Verdict stronger(Verdict a, Verdict b) {
        return b.action().ordinal() > a.action().ordinal() ? b : a;
    }
}
