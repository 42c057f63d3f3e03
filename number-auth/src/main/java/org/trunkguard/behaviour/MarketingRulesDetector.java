package org.trunkguard.behaviour;

import java.util.Map;

/**
 * The rules for calls that carry an enterprise category: calling hours per category
 * ({@value RuleIds#CALLING_HOURS}) and the do-not-call list with its consent exemptions
 * ({@value RuleIds#DO_NOT_CALL}). Both are facts, not suspicions, so they are critical at once.
 * The lists are swapped whole on reload ({@link #replaceLists}); a judged call sees one pair.
 */
final class MarketingRulesDetector implements Detector {

    private record Lists(DoNotCallList doNotCall, ConsentList consent) {
    }

    private final Map<String, CallingHours> callingHours;
    private volatile Lists lists = new Lists(DoNotCallList.EMPTY, ConsentList.EMPTY);

    MarketingRulesDetector(Map<String, CallingHours> callingHours) {
        this.callingHours = callingHours;
    }

    void replaceLists(DoNotCallList doNotCall, ConsentList consent) {
        lists = new Lists(doNotCall, consent);
    }

    @Override
    public void onAttempt(CallAttempt call, TrackedCall tracked, Judgement judgement) {
        String category = call.category();
        if (category == null) {
            return;
        }
        CallingHours hours = callingHours.get(category);
        if (hours != null && !hours.allows(call.atMillis())) {
            judgement.report(tracked, new Detection(RuleIds.CALLING_HOURS, Severity.CRITICAL, Subject.CALL, call.callId(), 1, 1,
                    "category " + category + " may call only " + hours));
        }
        Lists current = lists;
        if (current.doNotCall().refuses(call.callee(), category) && !current.consent().agreed(call.callee(), call.enterpriseId())) {
            judgement.report(tracked, new Detection(RuleIds.DO_NOT_CALL, Severity.CRITICAL, Subject.CALL, call.callId(), 1, 1,
                    call.callee() + " refused " + category + " calls and gave enterprise " + call.enterpriseId() + " no consent"));
        }
    }
}
