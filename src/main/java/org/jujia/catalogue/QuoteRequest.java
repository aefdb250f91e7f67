package org.jujia.catalogue;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.HardshipSelfCare;
import org.jujia.shared.CareColour;
import org.jujia.shared.Violations;

/**
 * The body of {@code POST /api/v1/quotes}, read field by field so that every problem names its field: either
 * {@code {"elderId": …, "month": "2026-12", "lines": [...]}} or an explicit profile {@code {"colour": "YELLOW",
 * "economicCategory": "ORDINARY", "ltcInsured": true, "commercialInsured": false, "hardshipSelfCare": null,
 * "highRiskCaregiver": false, "month": …, "lines": [...]}}.
 */
record QuoteRequest(Long elderId, FundingProfile profile, YearMonth month, List<QuoteLine> lines) {

    static final Set<String> PROFILE_FIELDS = Set.of("colour", "economicCategory", "ltcInsured", "commercialInsured", "hardshipSelfCare",
            "highRiskCaregiver");
    static final Set<String> FIELDS = Set.of("elderId", "month", "lines", "colour", "economicCategory", "ltcInsured", "commercialInsured",
            "hardshipSelfCare", "highRiskCaregiver");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    static QuoteRequest parse(Map<String, Object> body) {
        Violations v = new Violations();
        if (body == null) {
            v.add("body", "required", "a JSON object is required");
            v.throwIfAny();
        }
        for (String k : body.keySet()) {
            if (!FIELDS.contains(k)) {
                v.add(k, "unknown", "no such field");
            }
        }
        YearMonth month = month(body.get("month"), v);
        List<QuoteLine> lines = lines(body.get("lines"), v);
        Long elderId = null;
        FundingProfile profile = null;
        boolean anyProfileField = body.entrySet().stream().anyMatch(e -> PROFILE_FIELDS.contains(e.getKey()) && e.getValue() != null);
        if (body.containsKey("elderId") && body.get("elderId") != null) {
            elderId = elderId(body.get("elderId"), v);
            if (anyProfileField) {
                v.add("elderId", "exclusive", "give either elderId or an explicit profile, not both");
            }
        } else {
            profile = profile(body, v);
        }
        v.throwIfAny();
        return new QuoteRequest(elderId, profile, month, lines);
    }

    static YearMonth month(Object raw, Violations v) {
        if (raw == null) {
            v.add("month", "required", "month is required (yyyy-MM)");
            return null;
        }
        if (!(raw instanceof String s) || !s.matches("\\d{4}-\\d{2}")) {
            v.add("month", "format", "month must look like 2026-12");
            return null;
        }
        try {
            return YearMonth.parse(s, MONTH);
        } catch (DateTimeParseException e) {
            v.add("month", "format", "month must look like 2026-12");
            return null;
        }
    }

    private static Long elderId(Object raw, Violations v) {
        try {
            long id = raw instanceof Number n && !(raw instanceof Double) && !(raw instanceof Float) ? n.longValue()
                    : Long.parseLong(String.valueOf(raw).trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("elderId", "format", "elderId must be a positive whole number");
        return null;
    }

    private static List<QuoteLine> lines(Object raw, Violations v) {
        if (raw == null) {
            v.add("lines", "required", "at least one line is required");
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            v.add("lines", "type", "lines must be an array of {itemCode, quantity}");
            return List.of();
        }
        if (list.isEmpty()) {
            v.add("lines", "required", "at least one line is required");
        }
        if (list.size() > ServiceCatalogue.MAX_LINES) {
            v.add("lines", "max", "at most " + ServiceCatalogue.MAX_LINES + " lines");
            return List.of();
        }
        List<QuoteLine> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String f = "lines[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                v.add(f, "type", "a line is an object {itemCode, quantity}");
                continue;
            }
            for (Object k : m.keySet()) {
                if (!"itemCode".equals(k) && !"quantity".equals(k)) {
                    v.add(f + "." + k, "unknown", "no such field");
                }
            }
            Object code = m.get("itemCode");
            if (code != null && !(code instanceof String)) {
                v.add(f + ".itemCode", "type", "itemCode is a string");
                code = null;
            }
            Integer quantity = null;
            Object q = m.get("quantity");
            if (q instanceof Integer n) {
                quantity = n;
            } else if (q instanceof Long || q instanceof java.math.BigInteger) {
                quantity = ((Number) q).longValue() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            } else if (q instanceof Number n) {
                if (n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
                    quantity = n.intValue();
                } else {
                    v.add(f + ".quantity", "type", "quantity is a whole number");
                    quantity = 1;
                }
            } else if (q != null) {
                v.add(f + ".quantity", "type", "quantity is a whole number");
                quantity = 1;
            }
            out.add(new QuoteLine((String) code, quantity));
        }
        return out;
    }

    private static FundingProfile profile(Map<String, Object> body, Violations v) {
        CareColour colour = enumValue(body.get("colour"), CareColour.class, "colour", true, v);
        EconomicCategory economic = enumValue(body.get("economicCategory"), EconomicCategory.class, "economicCategory", true, v);
        boolean ltc = bool(body.get("ltcInsured"), "ltcInsured", v);
        boolean commercial = bool(body.get("commercialInsured"), "commercialInsured", v);
        HardshipSelfCare hardship = enumValue(body.get("hardshipSelfCare"), HardshipSelfCare.class, "hardshipSelfCare", false, v);
        boolean highRisk = bool(body.get("highRiskCaregiver"), "highRiskCaregiver", v);
        if (economic == EconomicCategory.SPECIAL_HARDSHIP && body.get("hardshipSelfCare") == null) {
            v.add("hardshipSelfCare", "required", "a special-hardship (特困) elder needs a self-care category");
        }
        if (hardship != null && economic != null && economic != EconomicCategory.SPECIAL_HARDSHIP) {
            v.add("hardshipSelfCare", "category", "a self-care category only applies to SPECIAL_HARDSHIP elders");
        }
        if (!v.isEmpty() || economic == null) {
            return null;
        }
        return new FundingProfile(colour, economic, ltc, commercial, hardship, highRisk);
    }

    private static boolean bool(Object raw, String field, Violations v) {
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        v.add(field, "type", field + " is true or false");
        return false;
    }

    private static <E extends Enum<E>> E enumValue(Object raw, Class<E> type, String field, boolean required, Violations v) {
        if (raw == null) {
            if (required) {
                v.add(field, "required", field + " is required (" + names(type) + ")");
            }
            return null;
        }
        if (raw instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s.trim())) {
                    return e;
                }
            }
        }
        v.add(field, "unknown", field + " must be one of " + names(type));
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        List<String> n = new ArrayList<>();
        for (Enum<?> e : type.getEnumConstants()) {
            n.add(e.name());
        }
        return String.join(", ", n);
    }
}
