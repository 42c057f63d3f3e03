package org.trunkguard.node;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trunkguard.proxy.CallEvent;
import org.trunkguard.proxy.CallRecord;
import org.trunkguard.trace.UntrustedText;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/**
 * Logs what was decided about calls that were not simply allowed, and why, at a bounded rate:
 * at most {@code perSecond} lines a second, then one line saying how many were left out. The
 * trace records hold every decision; the log is for people watching, so a flood of spoofed calls
 * cannot fill the disk through it.
 */
final class DecisionLog implements CallEvent.Listener {
    private static final Logger LOG = LoggerFactory.getLogger("org.trunkguard.decisions");

    private final int perSecond;
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    DecisionLog(int perSecond) {
        this.perSecond = perSecond;
    }

    @Override
    public void onCallEvent(CallEvent event) {
        if (event.type() != CallEvent.Type.ATTEMPT || !LOG.isInfoEnabled()) {
            return;
        }
        CallRecord call = event.call();
        Verdict verdict = call.verdict();
        if (verdict.action() == Action.ALLOW && "allow".equals(verdict.ruleId())) {
            return;
        }
        long second = event.atMillis() / 1000;
        long current = window.get();
        if (second != current && window.compareAndSet(current, second)) {
            used.set(0);
            long left = suppressed.getAndSet(0);
            if (left > 0) {
                LOG.info("{} more decisions not logged in the previous second (rate limit {}/s; all are in the trace records)",
                        left, perSecond);
            }
        }
        if (used.incrementAndGet() > perSecond) {
            suppressed.incrementAndGet();
            return;
        }
        LOG.info("{} {} call {} from {} on trunk {} to {}: {} ({})", verdict.action(),
                verdict.blocksCall() ? verdict.sipStatus() : "", escape(call.callId()), escape(caller(call)),
                escape(call.trunk().id()), escape(call.calleeNumber()), escape(verdict.ruleId()),
                escape(verdict.reason()));
    }

    /** The normalised calling number, or the raw From when no rule normalised it (an emergency call). */
    private static String caller(CallRecord call) {
        return call.callerNumber().isEmpty() ? call.fromUri() : call.callerNumber();
    }

    /**
     * Every value in the line may come from the caller (a rule's reason quotes the number it
     * judged): escaped and capped, so no control byte or 33 KB From reaches the log. The trace
     * record keeps the raw value.
     */
    private static String escape(String untrusted) {
        return UntrustedText.escape(untrusted);
    }
}
