package org.trunkguard.numbers;

/** What a calling or called number is, by the number plan (shared/DESIGN.md §3). */
public enum NumberKind {
    /** 1[3-9]x, 11 digits. */
    MOBILE,
    /** 0 + area code + 7-8 digit local number. */
    FIXED_LINE,
    /** 95xxx(x) national service numbers and the 950/951/952/954/957 call-centre blocks. */
    SERVICE_95,
    /** Area code + 96 + 3-4 digits. */
    SERVICE_96,
    /** 400 / 800, 10 digits. */
    FREEPHONE_400_800,
    /** Operator and government short codes 10xxx, 12xxx. */
    SHORT_CODE,
    /** 110, 112, 119, 120, 122. */
    EMERGENCY,
    /** A foreign number: +CC or 00 + CC with a country code other than China's. */
    INTERNATIONAL,
    /** Matches no format of the plan; the normaliser says why. */
    IRREGULAR;

    /** True for numbers of China's own plan (what an international trunk may not present). */
    public boolean isDomestic() {
        return this != INTERNATIONAL && this != IRREGULAR;
    }
}
