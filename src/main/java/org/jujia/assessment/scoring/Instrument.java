package org.jujia.assessment.scoring;

import java.util.Arrays;
import java.util.Optional;

/** The instruments of ASSESSMENT.md §0.1, named as in the scoring API path. */
public enum Instrument {
    MMSE("mmse"),
    BARTHEL("barthel"),
    BARTHEL_BAND("barthel-band"),
    LAWTON_IADL("lawton-iadl"),
    FRAIL("frail"),
    NRS2002("nrs2002"),
    ZBI("zbi"),
    GBT42195("gbt42195"),
    GBT42195_LEVEL("gbt42195-level"),
    HARDSHIP_SELF_CARE("hardship-self-care"),
    CARE_COLOUR("care-colour");

    private final String apiName;

    Instrument(String apiName) {
        this.apiName = apiName;
    }

    /** The name used in {@code POST /api/v1/scoring/{instrument}}. */
    public String apiName() {
        return apiName;
    }

    /** The instrument with this API name (exact, case-sensitive), if any. */
    public static Optional<Instrument> byApiName(String name) {
        return Arrays.stream(values()).filter(i -> i.apiName.equals(name)).findFirst();
    }
}
