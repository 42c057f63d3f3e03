package org.trunkguard.auth;

import java.util.ArrayList;
import java.util.List;
import org.trunkguard.numbers.NormalisedNumber;

/**
 * The identities of one call as the proxy extracted them (raw URIs, SIP-free), and what {@link
 * CallerIdScreen} made of them: the normalised caller number and the segment it lies in, for
 * trace records and behaviour detectors.
 *
 * <p>Mutable and reusable: an event loop may keep one and {@link #reset} it per call, so judging
 * allocates nothing; not thread-safe.
 */
public final class CallIdentity {

    private CharSequence fromUri;
    private final List<CharSequence> assertedIdentityUris = new ArrayList<>(2);
    private CharSequence remotePartyIdUri;
    private CharSequence privacy;
    private CharSequence requestUri;

    final NormalisedNumber from = new NormalisedNumber();
    final NormalisedNumber remoteParty = new NormalisedNumber();
    final NormalisedNumber callee = new NormalisedNumber();
    private final List<NormalisedNumber> asserted = new ArrayList<>(2);
    NormalisedNumber caller;
    int callerSegmentLine = -1;

    /** An empty identity, to {@link #reset} for each call. */
    public CallIdentity() {
        // fields are filled by reset
    }

    /**
     * @param fromUri              the From URI (or name-addr); null if absent
     * @param assertedIdentityUris every P-Asserted-Identity URI, in header order; may be empty
     * @param remotePartyIdUri     the Remote-Party-ID URI, null if absent
     * @param privacy              the Privacy header value, null if absent
     * @param requestUri           the Request-URI (its user part is the callee)
     */
    public static CallIdentity of(CharSequence fromUri, List<? extends CharSequence> assertedIdentityUris,
            CharSequence remotePartyIdUri, CharSequence privacy, CharSequence requestUri) {
        return new CallIdentity().reset(fromUri, assertedIdentityUris, remotePartyIdUri, privacy, requestUri);
    }

    /** Refills this identity for the next call (see {@link #of}); returns this. */
    public CallIdentity reset(CharSequence fromUri, List<? extends CharSequence> assertedIdentityUris,
            CharSequence remotePartyIdUri, CharSequence privacy, CharSequence requestUri) {
        this.fromUri = fromUri;
        this.assertedIdentityUris.clear();
        for (int i = 0; i < assertedIdentityUris.size(); i++) {
            this.assertedIdentityUris.add(assertedIdentityUris.get(i)); // addAll would copy to an array
        }
        while (asserted.size() < assertedIdentityUris.size()) {
            asserted.add(new NormalisedNumber());
        }
        this.remotePartyIdUri = remotePartyIdUri;
        this.privacy = privacy;
        this.requestUri = requestUri;
        this.caller = null;
        this.callerSegmentLine = -1;
        return this;
    }

    public CharSequence fromUri() {
        return fromUri;
    }

    public List<CharSequence> assertedIdentityUris() {
        return assertedIdentityUris;
    }

    public CharSequence remotePartyIdUri() {
        return remotePartyIdUri;
    }

    public CharSequence privacy() {
        return privacy;
    }

    public CharSequence requestUri() {
        return requestUri;
    }

    NormalisedNumber asserted(int index) {
        return asserted.get(index);
    }

    /**
     * After screening: the calling number the rules judged (first P-Asserted-Identity, else
     * Remote-Party-ID, else From), or null if the call presented none (anonymous).
     */
    public NormalisedNumber callerNumber() {
        return caller;
    }

    /** After screening: the normalised callee from the Request-URI. */
    public NormalisedNumber calleeNumber() {
        return callee;
    }

    /** After screening an ENTERPRISE call: the segments.csv line the caller matched, or -1. */
    public int callerSegmentLine() {
        return callerSegmentLine;
    }
}
