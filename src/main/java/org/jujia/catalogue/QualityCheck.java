package org.jujia.catalogue;

import java.math.BigDecimal;

/**
 * A measurable check of a service item's quality standard, recorded at the visit: e.g. {@code energy ≥ 600 kcal},
 * {@code water temperature 38–38 °C}, {@code heart rate recorded} (no bounds: must be recorded).
 *
 * @param name the measured quantity (a stable code such as {@code energy_kcal})
 * @param min  the least acceptable value, null when unbounded below
 * @param max  the greatest acceptable value, null when unbounded above
 * @param unit the unit of measurement, e.g. {@code kcal}, {@code g}, {@code °C}, {@code min}, {@code m²}
 */
public record QualityCheck(String name, BigDecimal min, BigDecimal max, String unit) {

    public QualityCheck {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a quality check needs a name");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " > max " + max + " for " + name);
        }
    }

    /** Whether a measured value passes this check (a check without bounds only requires a value). */
    public boolean passes(BigDecimal value) {
        return value != null && (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }
}
