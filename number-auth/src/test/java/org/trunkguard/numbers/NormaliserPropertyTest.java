package org.trunkguard.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every written form of one number normalises to one canonical number; nothing throws. Each
 * property draws its inputs from a {@link SplittableRandom} with a fixed seed, so a run is
 * repeatable; change the seed to explore. A failure names the seed, the try and the input.
 */
class NormaliserPropertyTest {
    private static final long SEED = 20261123L;
    private static final int DEFAULT_TRIES = 1000;
    private static final int GARBAGE_TRIES = 3000;
    private static final int MAX_GARBAGE_LENGTH = 255;
    private static final List<String> AREAS = List.of("10", "20", "21", "25", "29", "311", "571", "755", "898", "951");
    private static final List<String> NUMBER_PREFIXES = List.of("", "sip:", "tel:", "+", "0086", "86");
    private static final String NUMBER_CHARS = "0123456789+-.()@;:<>siptel=honeu ";
    /** Characters a generator of any text should hit more often than 1 in 65,536. */
    private static final char[] EDGE_CHARS = {'\u0000', ' ', '0', '9', '+', '\u007F', '\u00A0', '\uD800', '\uDFFF',
        '\uFEFF', '\uFFFD', '\uFFFF'};

    private final Normaliser normaliser = TestPlans.chinaNormaliser();

    @Test
    void everyFormOfAMobileNumberIsOneCanonicalNumber() {
        forAll(DEFAULT_TRIES, NormaliserPropertyTest::mobileNumber, nsn -> {
            String separated = nsn.substring(0, 3) + "-" + nsn.substring(3, 7) + "." + nsn.substring(7);
            for (String form : List.of(nsn, "+86" + nsn, "0086" + nsn, "86" + nsn, "tel:+86-" + separated,
                    "tel:" + separated, "sip:+86" + nsn + "@host;user=phone", "sip:" + nsn + "@10.0.0.1",
                    "sip:0086" + nsn + "@x", "<sip:+86" + separated + "@gw;user=phone>", "sips:86" + nsn + "@x")) {
                assertCanonical(form, NumberKind.MOBILE, nsn);
            }
        });
    }

    @Test
    void everyFormOfAFixedLineIsOneCanonicalNumber() {
        forAll(DEFAULT_TRIES, NormaliserPropertyTest::fixedLine, areaAndLocal -> {
            String area = areaAndLocal.get(0);
            String local = areaAndLocal.get(1);
            String canonical = "0" + area + local;
            for (String form : List.of(canonical, "+86" + area + local, "0086" + area + local, "86" + area + local,
                    "tel:+86-" + area + "-" + local, "tel:(0" + area + ")" + local, "tel:0" + area + "." + local,
                    "sip:+86" + area + local + "@host;user=phone", "sip:0" + area + local + "@10.0.0.1",
                    "sip:+86-" + area + "-" + local + "@host;user=phone")) {
                assertCanonical(form, NumberKind.FIXED_LINE, canonical);
            }
        });
    }

    private void assertCanonical(String form, NumberKind kind, String canonical) {
        NormalisedNumber result = new NormalisedNumber();
        assertEquals(kind, normaliser.normalise(form, result), () -> form + " -> " + result);
        assertEquals(canonical, result.canonical(), form);
    }

    @Test
    void garbageNeverThrowsAndResultsAreConsistent() {
        forAll(GARBAGE_TRIES, NormaliserPropertyTest::anyText, this::checkConsistent);
    }

    @Test
    void numberLikeGarbageNeverThrowsAndCanonicalFormsAreFixedPoints() {
        forAll(GARBAGE_TRIES, NormaliserPropertyTest::numberLike, this::checkConsistent);
    }

    private void checkConsistent(String text) {
        NormalisedNumber result = new NormalisedNumber();
        NumberKind kind = normaliser.normalise(text, result);
        if (kind == NumberKind.IRREGULAR) {
            assertNotNull(result.reason(), text);
            assertEquals(NumberDigits.NO_CODE, result.code());
        } else {
            assertNull(result.reason());
            assertNotEquals(NumberDigits.NO_CODE, result.code());
            NormalisedNumber again = new NormalisedNumber();
            assertEquals(kind, normaliser.normalise(result.canonical(), again), text);
            assertEquals(result.code(), again.code(), text);
        }
    }

    /**
     * Runs the check on {@code tries} inputs drawn from one seeded generator. Any failure, an
     * exception included, is rethrown naming the seed, the try and the input in Java notation.
     */
    private static <T> void forAll(int tries, Function<SplittableRandom, T> generator, Consumer<T> check) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int attempt = 1; attempt <= tries; attempt++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (Throwable failure) {
                fail("seed " + SEED + ", try " + attempt + " of " + tries + ", input " + javaLiteral(input), failure);
            }
        }
    }

    /** A mobile number as digits after the country code, e.g. 13812345678. */
    static String mobileNumber(SplittableRandom random) {
        return "1" + random.nextInt(3, 10) + digits(random, 9);
    }

    /** A fixed line as area code and local number, without the trunk prefix: [10, 5555000]. */
    static List<String> fixedLine(SplittableRandom random) {
        String area = AREAS.get(random.nextInt(AREAS.size()));
        String local = random.nextInt(2, 10) + digits(random, random.nextInt(6, 8));
        return List.of(area, local);
    }

    static String numberLike(SplittableRandom random) {
        String prefix = NUMBER_PREFIXES.get(random.nextInt(NUMBER_PREFIXES.size()));
        int length = length(random, 30);
        StringBuilder rest = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            rest.append(NUMBER_CHARS.charAt(random.nextInt(NUMBER_CHARS.length())));
        }
        return prefix + rest;
    }

    /** Any UTF-16 text up to 255 chars: the whole BMP, lone surrogates and non-characters included. */
    static String anyText(SplittableRandom random) {
        int length = length(random, MAX_GARBAGE_LENGTH);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? EDGE_CHARS[random.nextInt(EDGE_CHARS.length)]
                    : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Digits with the edge digits 0 and 9 over-represented, so runs of zeros and nines occur. */
    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(20);
            digits.append(roll == 0 ? '0' : roll == 1 ? '9' : (char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /**
     * A length in [0, max] biased as property-testing libraries bias it: the edges 0 and max
     * often, short lengths mostly (where parsers' corners are), the whole range still reached.
     */
    private static int length(SplittableRandom random, int max) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return 0;
        }
        if (roll == 1) {
            return max;
        }
        return roll < 11 ? random.nextInt(Math.min(max, 32) + 1) : random.nextInt(max + 1);
    }

    private static String javaLiteral(Object input) {
        if (input instanceof List<?> list) {
            return list.stream().map(NormaliserPropertyTest::javaLiteral).toList().toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : input.toString().toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
