package org.trunkguard.behaviour;

import org.trunkguard.verdict.Verdict;

/**
 * A caller in the penalty box: every call of it gets {@code verdict} until {@code untilMillis}.
 *
 * @param caller      the boxed calling number (the key to {@link PenaltyBox#lift(String)})
 * @param ruleId      the rule that boxed it
 * @param verdict     what its calls get meanwhile
 * @param sinceMillis when it was (last) boxed
 * @param untilMillis when it comes out by itself
 * @param evidence    the figures that boxed it
 */
public record PenaltyEntry(String caller, String ruleId, Verdict verdict, long sinceMillis, long untilMillis, String evidence) {
}
