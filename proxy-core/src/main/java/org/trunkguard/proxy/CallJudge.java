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

    /** Runs {@code first}, then, unless it blocked the call, {@code second}; the stronger verdict wins. */
    static CallJudge chain(CallJudge first, CallJudge second) {
        return (trunk, invite, call) -> {
            Verdict a = first.judge(trunk, invite, call);
            if (a.blocksCall()) {
                return a;
            }
            Verdict b = second.judge(trunk, invite, call);
            return b.action().ordinal() > a.action().ordinal() ? b : a;
        };
    }
}
