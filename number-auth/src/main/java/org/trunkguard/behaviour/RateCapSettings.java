package org.trunkguard.behaviour;

import java.util.Map;

/**
 * Rate and concurrency caps (rules {@code rate.trunk-cps}, {@code rate.trunk-concurrent},
 * {@code rate.caller-cps}, {@code rate.caller-concurrent}).
 *
 * @param trunkContracts contracted limits per trunk id, from the customer contract, for calls
 *                       that do not carry their trunk's ({@link CallAttempt#trunkContract()}).
 * @param defaultTrunk   limits of a trunk without a contract entry. Default unlimited: a
 *                       trunk's capacity is a commercial fact, not something to guess.
 * @param perCaller      limits of one calling number on any trunk. Default 10 CPS with a
 *                       burst of 20 and 200 concurrent calls: a 95 call-centre number of a
 *                       large enterprise carries a few hundred agents, while no legitimate
 *                       single number starts more than ten calls a second for long.
 */
public record RateCapSettings(Map<String, TrunkContract> trunkContracts, TrunkContract defaultTrunk, TrunkContract perCaller) {

    /** The documented defaults. */
    public static final RateCapSettings DEFAULTS =
            new RateCapSettings(Map.of(), TrunkContract.UNLIMITED, new TrunkContract(10, 20, 200));

    public RateCapSettings {
        trunkContracts = Map.copyOf(trunkContracts);
        java.util.Objects.requireNonNull(defaultTrunk, "rate.default-trunk");
        java.util.Objects.requireNonNull(perCaller, "rate.per-caller");
    }

    /** The contract of the trunk {@code call} came in on: the one it carries, else the one named here. */
    TrunkContract contractOf(CallAttempt call) {
        return call.trunkContract() != null ? call.trunkContract()
                : trunkContracts.getOrDefault(call.trunkId(), defaultTrunk);
    }

    /** These settings with {@code trunkId} bound to {@code contract}. */
    public RateCapSettings withTrunk(String trunkId, TrunkContract contract) {
        var contracts = new java.util.HashMap<>(trunkContracts);
        contracts.put(trunkId, contract);
        return new RateCapSettings(contracts, defaultTrunk, perCaller);
    }
}
