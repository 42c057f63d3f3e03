package org.trunkguard.behaviour;

import java.time.Duration;
import java.util.List;

/**
 * Thresholds of the call-bombing rules (呼死你). Only unanswered attempts count: an attempt that
 * turns into a conversation of at least {@code conversation} is taken back, so a busy line that
 * people talk to is never a victim nor its regular callers bombers.
 *
 * @param calleeWindow   window per callee. Default 5 min: bombing runs are minutes long.
 * @param calleeWarning  unanswered attempts at one callee, from any callers, for a warning.
 *                       Default 10: a person gets two or three missed calls in five minutes in
 *                       an emergency, not ten.
 * @param calleeCritical the same for critical (callee protected). Default 15: the regulator's
 *                       examples of bombing are dozens of calls a minute; 15 in five minutes is
 *                       already well past any personal use.
 * @param pairShortWindow the short window per caller→callee pair. Default 5 min.
 * @param pairShortWarning attempts of one caller at one callee in a run above which a warning
 *                       fires: a run is attempts inside the short window, each within
 *                       window / (warning + 1) of the one before (75 s by default). Default 3
 *                       ("more than 3 in 5 minutes", at that pace): redialing a busy person
 *                       twice is normal, a fourth quick try is insistence; a person retrying
 *                       every few minutes is not a bomber.
 * @param pairShortCritical the same for critical. Default 6: twice the warning.
 * @param pairLongWindow the long window per pair. Default 24 h.
 * @param pairLongWarning separate tries in the long window above which a warning fires; an
 *                       attempt within the short window of the pair's previous one is a redial
 *                       of the same try, not a new one. Default 5 ("more than 5 in 24 hours"),
 *                       the regulator's guidance for repeated calls to one person.
 * @param pairLongCritical the same for critical. Default 10.
 * @param conversation   an answered call lasting this long is a conversation, not harassment.
 *                       Default 10 s: bombers hang up on answer or play seconds of silence.
 * @param exemptCalleePrefixes callees starting with one of these are never counted as victims:
 *                       service numbers (95, 96 after an area code is not covered, 400, 800)
 *                       receive crowds of calls by design. Default 95, 400, 800, 10, 12.
 */
public record BombingSettings(
        Duration calleeWindow, int calleeWarning, int calleeCritical,
        Duration pairShortWindow, int pairShortWarning, int pairShortCritical,
        Duration pairLongWindow, int pairLongWarning, int pairLongCritical,
        Duration conversation, List<String> exemptCalleePrefixes) {

    /** The documented defaults. */
    public static final BombingSettings DEFAULTS = new BombingSettings(
            Duration.ofMinutes(5), 10, 15,
            Duration.ofMinutes(5), 3, 6,
            Duration.ofHours(24), 5, 10,
            Duration.ofSeconds(10), List.of("95", "400", "800", "10", "12"));

    public BombingSettings {
        Checks.positive("bombing.callee-window", calleeWindow);
        Checks.ordered("bombing.callee-warning", calleeWarning, "bombing.callee-critical", calleeCritical);
        Checks.positive("bombing.pair-short-window", pairShortWindow);
        Checks.ordered("bombing.pair-short-warning", pairShortWarning, "bombing.pair-short-critical", pairShortCritical);
        Checks.positive("bombing.pair-long-window", pairLongWindow);
        Checks.ordered("bombing.pair-long-warning", pairLongWarning, "bombing.pair-long-critical", pairLongCritical);
        Checks.positive("bombing.conversation", conversation);
        exemptCalleePrefixes = List.copyOf(exemptCalleePrefixes);
    }

    /** True if calls to {@code callee} never make it a bombing victim. */
    boolean exempt(String callee) {
        for (int i = 0; i < exemptCalleePrefixes.size(); i++) {
            if (callee.startsWith(exemptCalleePrefixes.get(i))) {
                return true;
            }
        }
        return false;
    }
}
