package org.trunkguard.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTest {

    private final Normaliser normaliser = TestPlans.chinaNormaliser();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "sip:+8601055550000@host;user=phone  | IRREGULAR         | ",
        "sip:+861055550000@host;user=phone   | FIXED_LINE        | 01055550000",
        "sip:01055550000@10.0.0.1            | FIXED_LINE        | 01055550000",
        "tel:+86-10-5555-0000;phone-context=example.com | FIXED_LINE | 01055550000",
        "tel:13812345678                     | MOBILE            | 13812345678",
        "sip:008613812345678@x               | MOBILE            | 13812345678",
        "sip:8613812345678@x                 | MOBILE            | 13812345678",
        "<sip:+8613812345678@x>              | MOBILE            | 13812345678",
        "SIP:13812345678@x;transport=udp     | MOBILE            | 13812345678",
        "tel:(0571)8765-4321                 | FIXED_LINE        | 057187654321",
        "+86 571 87654321                    | IRREGULAR         | ",
        "+8657187654321                      | FIXED_LINE        | 057187654321",
        "+869512345678                       | FIXED_LINE        | 09512345678",
        "+869511234567                       | SERVICE_95        | 9511234567",
        "95588                               | SERVICE_95        | 95588",
        "+8695588                            | SERVICE_95        | 95588",
        "9501234567                          | SERVICE_95        | 9501234567",
        "01096123                            | SERVICE_96        | 01096123",
        "4008001234                          | FREEPHONE_400_800 | 4008001234",
        "tel:800-810-8888                    | FREEPHONE_400_800 | 8008108888",
        "10086                               | SHORT_CODE        | 10086",
        "+8610086                            | SHORT_CODE        | 10086",
        "12321                               | SHORT_CODE        | 12321",
        "sip:110@10.0.0.1                    | EMERGENCY         | 110",
        "120                                 | EMERGENCY         | 120",
        "sip:+14155550123@us.example         | INTERNATIONAL     | +14155550123",
        "sip:00442071234567@uk.example       | INTERNATIONAL     | +442071234567",
    })
    void normalisesEveryForm(String uri, NumberKind kind, String canonical) {
        NormalisedNumber result = new NormalisedNumber();
        assertEquals(kind, normaliser.normalise(uri, result), result::toString);
        assertEquals(canonical == null ? "" : canonical, result.canonical());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "1381234567                   | mobile number has 10 digits, needs 11",
        "138123456789                 | mobile number has 12 digits, needs 11",
        "04001234567                  | unknown area code 0400",
        "sip:alice@example.com        | non-digit characters in user part",
        "sip:010-5555-0000@host       | non-digit characters in user part",
        "sip:example.com              | no user part in SIP URI",
        "http://example.com/13812345678 | not a sip:, sips: or tel: URI",
        "'   '                        | no calling number",
        "tel:---                      | no digits in user part",
        "0101234567                   | local number starts with 1",
        "010555500                    | local number has 6 digits, needs 7 or 8",
        "9558                         | '95 number has 4 digits, needs 5 or 6 (10 or 11 for the call-centre blocks)'",
        "9531234567                   | '95 number has 10 digits, needs 5 or 6 (10 or 11 for the call-centre blocks)'",
        "96123                        | 96 number needs an area code in front",
        "400123456                    | 400/800 number has 9 digits, needs 10",
        "1008                         | short code has 4 digits, needs 5",
        "114                          | no number format starts with 11",
        "+8601055550000               | trunk prefix 0 after country code 86",
        "+86                          | nothing after the country code",
        "+1415                        | international number has 4 digits, needs 7 to 15",
        "123456789012345678901        | more than 20 digits",
    })
    void explainsIrregularNumbers(String uri, String reason) {
        NormalisedNumber result = new NormalisedNumber();
        assertEquals(NumberKind.IRREGULAR, normaliser.normalise(uri, result), result::toString);
        assertEquals(reason, result.reason());
    }

    @org.junit.jupiter.api.Test
    void nullIsIrregularNotAnException() {
        NormalisedNumber result = new NormalisedNumber();
        assertEquals(NumberKind.IRREGULAR, normaliser.normalise(null, result));
        assertEquals("no calling number", result.reason());
    }
}
