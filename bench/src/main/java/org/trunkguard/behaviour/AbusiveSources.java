package org.trunkguard.behaviour;

import java.util.Random;

/** The abuse patterns of DESIGN.md §2, each labelled for precision and recall. */
final class AbusiveSources {

    private AbusiveSources() {
    }

    /** 响一声: rings one to three seconds, hangs up, next number. */
    static final class RingOnce extends TrafficSource {
        private final String number;

        RingOnce(Random random, long start, long stop) {
            super(TrafficLabel.RING_ONCE, start, stop);
            number = "170" + (10_000_000 + random.nextInt(89_999_999));
        }

        @Override
        CallPlan next(Random random) {
            String callee = randomMobile(random);
            if (random.nextInt(10) == 0) {
                return CallPlan.failed("carrier", number, callee, label, -1, between(random, 500, 2_000));
            }
            return CallPlan.cancelled("carrier", number, callee, label, between(random, 1_000, 3_000), between(random, 500, 3_000));
        }

        @Override
        long gapMillis(Random random) {
            return between(random, 4_000, 20_000);
        }

        @Override
        boolean sequential() {
            return false;
        }
    }

    /** 呼死你: one of several numbers hammering one victim who declines or lets it ring. */
    static final class Bomber extends TrafficSource {
        private final String number;
        private final String victim;

        Bomber(Random random, String victim, long start, long stop) {
            super(TrafficLabel.BOMBING, start, stop);
            this.number = randomMobile(random);
            this.victim = victim;
        }

        @Override
        CallPlan next(Random random) {
            long ring = between(random, 1_000, 3_000);
            if (random.nextBoolean()) {
                return CallPlan.failed("carrier", number, victim, label, ring, ring + between(random, 1_000, 5_000));
            }
            return CallPlan.cancelled("carrier", number, victim, label, ring, between(random, 5_000, 30_000));
        }

        @Override
        long gapMillis(Random random) {
            return between(random, 10_000, 40_000);
        }

        @Override
        boolean sequential() {
            return false;
        }
    }

    /** 语音群呼: a robodialer on random numbers; few answer, those who do hang up within seconds. */
    static final class GroupDialer extends TrafficSource {
        private final String number;
        private final boolean sweeping;
        private long nextCallee;

        GroupDialer(Random random, boolean sweeping, long start, long stop) {
            super(sweeping ? TrafficLabel.SWEEP : TrafficLabel.GROUP_CALLING, start, stop);
            this.number = "0" + (10 + random.nextInt(80)) + (60_000_000 + random.nextInt(9_999_999));
            this.sweeping = sweeping;
            this.nextCallee = 13_000_000_000L + random.nextInt(1_000_000_000);
        }

        @Override
        CallPlan next(Random random) {
            String callee = sweeping ? String.valueOf(nextCallee++ + (random.nextInt(5) == 0 ? 1 : 0)) : randomMobile(random);
            long ring = between(random, 1_000, 3_000);
            double outcome = random.nextDouble();
            if (outcome < 0.15) {
                return CallPlan.answered("carrier", number, callee, label, ring, between(random, 2_000, 8_000),
                        between(random, 500, 6_000));
            }
            if (outcome < 0.6) {
                return CallPlan.cancelled("carrier", number, callee, label, ring, between(random, 15_000, 25_000));
            }
            return CallPlan.failed("carrier", number, callee, label, -1, between(random, 500, 3_000));
        }

        @Override
        long gapMillis(Random random) {
            return between(random, 1_000, 4_000);
        }

        @Override
        boolean sequential() {
            return false;
        }
    }
}
