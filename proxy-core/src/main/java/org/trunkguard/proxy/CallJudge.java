package org.trunkguard.proxy;

import org.trunkguard.proxy.trunk.Trunk;
import org.trunkguard.sip.SipMessage;
import org.trunkguard.verdict.Verdict;

/**
 * Decides what happens to a new call. Called once per INVITE on the event loop: it must not
 * block, and should not allocate beyond what it must.
 */
public interface CallJudge {
    /** Forwards every call: the proxy without screening rules. */
    CallJudge FORWARD_ALL = (trunk, invite) -> Verdict.ALLOW;

    Verdict judge(Trunk trunk, SipMessage invite);
}
