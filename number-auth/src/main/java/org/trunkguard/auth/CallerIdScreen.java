package org.trunkguard.auth;

import org.trunkguard.numbers.NormalisedNumber;
import org.trunkguard.numbers.NumberKind;
import org.trunkguard.numbers.Normaliser;
import org.trunkguard.verdict.Action;
import org.trunkguard.verdict.Verdict;

/**
 * Judges the calling identity of one call: the entry point the proxy calls once per INVITE.
 * Thread-safe; allocation-free when the proxy reuses its {@link CallIdentity}.
 *
 * <p>Order, first decisive rule wins:
 * <ol>
 *   <li>callee is an emergency number: ALLOW {@code emergency-call}, whatever else holds;
 *   <li>caller on the allow list: ALLOW {@code caller-allowlist};
 *   <li>any identity on the block list: {@code caller-blocklist};
 *   <li>no identity, {@code Privacy: id} or anonymous From where the trunk forbids it:
 *       {@code anonymous-caller};
 *   <li>caller irregular: {@code irregular-number};
 *   <li>ENTERPRISE trunk: {@code segment-ownership}; INTERNATIONAL trunk: {@code overseas-cn-spoof}.
 * </ol>
 * A rule configured as REPORT does not decide: its ALLOW verdict (naming the rule) is returned
 * only if no later rule rejects or marks, so the proxy can count it.
 */
public final class CallerIdScreen {

    private final NumberAuthority authority;

    CallerIdScreen(NumberAuthority authority) {
        this.authority = authority;
    }

    /** The verdict on {@code identity} arriving on {@code trunk}; fills the identity's results. */
    public Verdict screen(TrunkProfile trunk, CallIdentity identity) {
        NumberAuthority.Snapshot data = authority.snapshot();
        RuleVerdicts verdicts = data.verdicts();
        Normaliser normaliser = data.normaliser();
        if (normaliser.normalise(identity.requestUri(), identity.callee) == NumberKind.EMERGENCY) {
            return RuleVerdicts.EMERGENCY;
        }
        boolean fromAnonymous = Anonymity.isAnonymousUri(identity.fromUri());
        NormalisedNumber caller = normaliseIdentities(identity, normaliser, fromAnonymous);
        identity.caller = caller;

        if (caller != null && data.allowlist().contains(caller.code())) {
            return RuleVerdicts.ALLOWLISTED;
        }
        Verdict reported = null;
        Verdict verdict = anyIdentityIn(identity, data.blocklist(), fromAnonymous) ? verdicts.blocklisted : null;
        if (verdict != null) {
            if (verdict.action() != Action.ALLOW) {
                return verdict;
            }
            reported = verdict;
        }
        boolean anonymous = caller == null || fromAnonymous || Anonymity.privacyHidesIdentity(identity.privacy());
        if (anonymous && !trunk.allowAnonymous()) {
            if (verdicts.anonymous.action() != Action.ALLOW) {
                return verdicts.anonymous;
            }
            reported = reported != null ? reported : verdicts.anonymous;
        }
        if (caller == null) {
            return reported != null ? reported : Verdict.ALLOW;
        }
        verdict = caller.isIrregular() ? verdicts.irregular(caller.reason()) : null;
        if (verdict != null) {
            if (verdict.action() != Action.ALLOW) {
                return verdict;
            }
            reported = reported != null ? reported : verdict;
        }
        verdict = switch (trunk.kind()) {
            case ENTERPRISE -> segmentOwnership(trunk.enterpriseId(), identity, fromAnonymous, verdicts);
            case INTERNATIONAL -> overseasSpoof(identity, data.roamingExempt(), fromAnonymous, verdicts);
            default -> null;
        };
        if (verdict != null && (verdict.action() != Action.ALLOW || reported == null)) {
            return verdict;
        }
        return reported != null ? reported : Verdict.ALLOW;
    }

    /** Normalises every identity; returns the caller: first PAI, else Remote-Party-ID, else From. */
    private static NormalisedNumber normaliseIdentities(CallIdentity identity, Normaliser normaliser,
            boolean fromAnonymous) {
        NormalisedNumber caller = null;
        for (int i = identity.assertedIdentityUris().size() - 1; i >= 0; i--) {
            normaliser.normalise(identity.assertedIdentityUris().get(i), identity.asserted(i));
            caller = identity.asserted(i);
        }
        if (identity.remotePartyIdUri() != null) {
            normaliser.normalise(identity.remotePartyIdUri(), identity.remoteParty);
            caller = caller != null ? caller : identity.remoteParty;
        }
        boolean fromPresent = identity.fromUri() != null && identity.fromUri().length() > 0;
        if (fromPresent && !fromAnonymous) {
            normaliser.normalise(identity.fromUri(), identity.from);
            caller = caller != null ? caller : identity.from;
        }
        return caller;
    }

    private static boolean anyIdentityIn(CallIdentity identity, NumberList list, boolean fromAnonymous) {
        for (int i = 0; i < identity.assertedIdentityUris().size(); i++) {
            if (list.contains(identity.asserted(i).code())) {
                return true;
            }
        }
        return identity.remotePartyIdUri() != null && list.contains(identity.remoteParty.code())
                || hasFrom(identity, fromAnonymous) && list.contains(identity.from.code());
    }

    /** Every identity in the enterprise's segments, and all the same number (no pass-through). */
    private Verdict segmentOwnership(String enterpriseId, CallIdentity identity, boolean fromAnonymous,
            RuleVerdicts verdicts) {
        long callerCode = identity.caller.code();
        boolean disagree = false;
        for (int i = 0; i < identity.assertedIdentityUris().size(); i++) {
            disagree |= identity.asserted(i).code() != callerCode;
        }
        disagree |= identity.remotePartyIdUri() != null && identity.remoteParty.code() != callerCode;
        disagree |= hasFrom(identity, fromAnonymous) && identity.from.code() != callerCode;
        if (disagree) {
            return verdicts.identitiesDisagree;
        }
        identity.callerSegmentLine = authority.segments().lineOwnedBy(enterpriseId, callerCode);
        return identity.callerSegmentLine < 0 ? verdicts.notInSegments : null;
    }

    /** International trunk: a domestic identity is a spoof unless the subscriber roams. */
    private Verdict overseasSpoof(CallIdentity identity, NumberList roamingExempt, boolean fromAnonymous,
            RuleVerdicts verdicts) {
        boolean spoof = false;
        for (int i = 0; i < identity.assertedIdentityUris().size(); i++) {
            spoof |= isDomesticNotRoaming(identity.asserted(i), roamingExempt);
        }
        spoof |= identity.remotePartyIdUri() != null && isDomesticNotRoaming(identity.remoteParty, roamingExempt);
        spoof |= hasFrom(identity, fromAnonymous) && isDomesticNotRoaming(identity.from, roamingExempt);
        return spoof ? verdicts.overseasSpoof : null;
    }

    private static boolean isDomesticNotRoaming(NormalisedNumber number, NumberList roamingExempt) {
        return number.kind().isDomestic() && !roamingExempt.contains(number.code());
    }

    private static boolean hasFrom(CallIdentity identity, boolean fromAnonymous) {
        return !fromAnonymous && identity.fromUri() != null && identity.fromUri().length() > 0;
    }
}
