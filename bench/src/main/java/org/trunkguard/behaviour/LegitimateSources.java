package org.trunkguard.behaviour;

import java.util.Random;

/** Legitimate traffic: subscribers calling their contacts, call-centre agents calling customers. */
final class LegitimateSources {

    private LegitimateSources() {
    }

    /** A person calling a few contacts (Zipf-like: the first contacts most), redialing when unanswered. */
    static final class Subscriber extends TrafficSource {
        private final String number;
        private final String[] contacts;
        private String redial;

        Subscriber(Random random, long start, long stop) {
            super(TrafficLabel.LEGITIMATE, start, stop);
            number = randomMobile(random);
            contacts = new String[20];
            for (int i = 0; i < contacts.length; i++) {
                contacts[i] = random.nextInt(4) == 0 ? "0" + (10 + random.nextInt(80)) + (20_000_000 + random.nextInt(70_000_000))
                        : randomMobile(random);
            }
        }

        @Override
        CallPlan next(Random random) {
            String callee = redial != null ? redial : contacts[(int) Math.min(contacts.length - 1,
                    Math.floor(Math.pow(random.nextDouble(), 2.5) * contacts.length))];
            redial = null;
            long ring = between(random, 1_000, 4_000);
            double outcome = random.nextDouble();
            if (outcome < 0.70) {
                return CallPlan.answered("carrier", number, callee, label, ring, between(random, 3_000, 20_000),
                        1_000 + exponential(random, 120_000));
            }
            if (random.nextInt(3) == 0) {
                redial = callee;
            }
            if (outcome < 0.85) {
                return CallPlan.cancelled("carrier", number, callee, label, ring, between(random, 12_000, 45_000));
            }
            if (outcome < 0.95) {
                return CallPlan.failed("carrier", number, callee, label, -1, between(random, 500, 3_000));
            }
            return CallPlan.failed("carrier", number, callee, label, ring, ring + between(random, 5_000, 25_000));
        }

        @Override
        long gapMillis(Random random) {
            return redial != null ? between(random, 60_000, 300_000) : exponential(random, 1_800_000);
        }
    }

    /** An agent of a 95 call centre: scattered customers, a real conversation when answered. */
    static final class Agent extends TrafficSource {
        private final String number;
        private final String trunk;

        Agent(String number, String trunk, long start, long stop) {
            super(TrafficLabel.LEGITIMATE, start, stop);
            this.number = number;
            this.trunk = trunk;
        }

        @Override
        CallPlan next(Random random) {
            String callee = randomMobile(random);
            long ring = between(random, 1_000, 4_000);
            double outcome = random.nextDouble();
            if (outcome < 0.45) {
                return CallPlan.answered(trunk, number, callee, label, ring, between(random, 3_000, 15_000),
                        4_000 + exponential(random, 150_000));
            }
            if (outcome < 0.80) {
                return CallPlan.cancelled(trunk, number, callee, label, ring, between(random, 20_000, 35_000));
            }
            return CallPlan.failed(trunk, number, callee, label, -1, between(random, 500, 3_000));
        }

        @Override
        long gapMillis(Random random) {
            return between(random, 10_000, 40_000);
        }
    }
}
