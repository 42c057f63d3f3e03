package org.trunkguard.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every written form of one number normalises to one canonical number; nothing throws. Seeds are
 * fixed so that a run is repeatable; change them to explore.
 */
class NormaliserPropertyTest {

    private final Normaliser normaliser = TestPlans.chinaNormaliser();

    /** A mobile number as digits after the country code, e.g. 13812345678. */
    @Provide
    Arbitrary<String> mobileNumbers() {
        return Combinators.combine(Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
                .as((second, rest) -> "1" + second + rest);
    }

    /** A fixed line as area code and local number, without the trunk prefix: 10 / 5555000. */
    @Provide
    Arbitrary<String[]> fixedLines() {
        Arbitrary<String> areas = Arbitraries.of("10", "20", "21", "25", "29", "311", "571", "755", "898", "951");
        Arbitrary<String> locals = Combinators.combine(Arbitraries.integers().between(2, 9),
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(7)).as((first, rest) -> first + rest);
        return Combinators.combine(areas, locals).as((area, local) -> new String[] {area, local});
    }

    @Property(seed = "20261123")
    void everyFormOfAMobileNumberIsOneCanonicalNumber(@ForAll("mobileNumbers") String nsn) {
        String separated = nsn.substring(0, 3) + "-" + nsn.substring(3, 7) + "." + nsn.substring(7);
        for (String form : List.of(nsn, "+86" + nsn, "0086" + nsn, "86" + nsn, "tel:+86-" + separated,
                "tel:" + separated, "sip:+86" + nsn + "@host;user=phone", "sip:" + nsn + "@10.0.0.1",
                "sip:0086" + nsn + "@x", "<sip:+86" + separated + "@gw;user=phone>", "sips:86" + nsn + "@x")) {
            assertCanonical(form, NumberKind.MOBILE, nsn);
        }
    }

    @Property(seed = "20261123")
    void everyFormOfAFixedLineIsOneCanonicalNumber(@ForAll("fixedLines") String[] areaAndLocal) {
        String area = areaAndLocal[0];
        String local = areaAndLocal[1];
        String canonical = "0" + area + local;
        for (String form : List.of(canonical, "+86" + area + local, "0086" + area + local, "86" + area + local,
                "tel:+86-" + area + "-" + local, "tel:(0" + area + ")" + local, "tel:0" + area + "." + local,
                "sip:+86" + area + local + "@host;user=phone", "sip:0" + area + local + "@10.0.0.1",
                "sip:+86-" + area + "-" + local + "@host;user=phone")) {
            assertCanonical(form, NumberKind.FIXED_LINE, canonical);
        }
    }

    private void assertCanonical(String form, NumberKind kind, String canonical) {
        NormalisedNumber result = new NormalisedNumber();
        assertEquals(kind, normaliser.normalise(form, result), () -> form + " -> " + result);
        assertEquals(canonical, result.canonical(), form);
    }

    @Property(tries = 3000, seed = "20261123")
    void garbageNeverThrowsAndResultsAreConsistent(@ForAll String anything) {
        checkConsistent(anything);
    }

    @Property(tries = 3000, seed = "20261123")
    void numberLikeGarbageNeverThrowsAndCanonicalFormsAreFixedPoints(@ForAll("numberLike") String text) {
        checkConsistent(text);
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Combinators.combine(Arbitraries.of("", "sip:", "tel:", "+", "0086", "86"),
                Arbitraries.strings().withChars("0123456789+-.()@;:<>siptel=honeu ").ofMaxLength(30))
                .as((prefix, rest) -> prefix + rest);
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
}
