package org.trunkguard.behaviour;

import java.time.Duration;

/**
 * Thresholds of the group-calling rules (语音群呼). Volume alone never fires: many distinct
 * callees fire only together with a robodialer's traffic profile, and a sweep is its own
 * evidence.
 *
 * @param window           window per caller. Default 5 min: long enough for calls to finish
 *                         so the profile has data, short enough to react within minutes.
 * @param distinctWarning  distinct callees in the window for a warning (with a bad profile).
 *                         Default 30: an agent does not reach 30 people in five minutes.
 * @param distinctCritical the same for critical. Default 60.
 * @param minProfileCalls  finished calls needed before the profile is judged. Default 10: fewer
 *                         say nothing about a ratio.
 * @param minAsr           answer-seizure ratio below which the profile is bad. Default 0.1:
 *                         dialers hitting random numbers see 10–20 %, but so do call centres on
 *                         a bad afternoon (the simulator's legitimate agents dip to 21 % in a
 *                         five-minute window), so ASR alone condemns only the hopeless; short
 *                         conversations are the robodialer's real signature.
 * @param shortCall        an answered call shorter than this is very short. Default 3 s: the
 *                         callee hears a recording and hangs up.
 * @param maxShortShare    share of very short answered calls above which the profile is bad.
 *                         Default 0.5.
 * @param minAcd           average call duration below which the profile is bad. Default 4 s:
 *                         a recording heard and hung up on lasts 2–3 s, a real exchange longer.
 * @param sweepWarning     consecutive callees in a row (each within {@code sweepMaxStep} of
 *                         the previous) for a warning. Default 10: customer lists are not
 *                         sorted runs of neighbouring numbers.
 * @param sweepCritical    the same for critical. Default 20.
 * @param sweepMaxStep     the largest step between neighbouring callees of a sweep. Default 3:
 *                         scanners skip a number or two to evade exact +1 checks.
 */
public record GroupCallingSettings(
        Duration window, int distinctWarning, int distinctCritical, int minProfileCalls, double minAsr,
        Duration shortCall, double maxShortShare, Duration minAcd,
        int sweepWarning, int sweepCritical, int sweepMaxStep) {

    /** The documented defaults. */
    public static final GroupCallingSettings DEFAULTS = new GroupCallingSettings(
            Duration.ofMinutes(5), 30, 60, 10, 0.1, Duration.ofSeconds(3), 0.5, Duration.ofSeconds(4), 10, 20, 3);

    public GroupCallingSettings {
        Checks.positive("group-calling.window", window);
        Checks.ordered("group-calling.distinct-warning", distinctWarning, "group-calling.distinct-critical",
                distinctCritical);
        Checks.positive("group-calling.min-profile-calls", minProfileCalls);
        Checks.share("group-calling.min-asr", minAsr);
        Checks.positive("group-calling.short-call", shortCall);
        Checks.share("group-calling.max-short-share", maxShortShare);
        Checks.notNegative("group-calling.min-acd", minAcd);
        Checks.ordered("group-calling.sweep-warning", sweepWarning, "group-calling.sweep-critical", sweepCritical);
        Checks.positive("group-calling.sweep-max-step", sweepMaxStep);
    }
}
