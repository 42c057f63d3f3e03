package org.trunkguard.numbers;

import java.nio.file.Path;

/** The reference plan of conf/, which the tests check as shipped. */
public final class TestPlans {

    public static final Path CONF = Path.of("..", "conf");

    private static Normaliser china;

    private TestPlans() {
    }

    public static synchronized Normaliser chinaNormaliser() {
        if (china == null) {
            try {
                china = new Normaliser(NumberPlan.load(CONF.resolve("numberplan.yaml")));
            } catch (InvalidFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return china;
    }
}
