package org.jujia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small value types of the catalogue: entitlements per month, quality checks, caregiver levels. */
class CatalogueValuesTest {

    @ParameterizedTest(name = "{0}: {1} days, {2} Mondays")
    @CsvSource({ "2026-02, 28, 4", "2028-02, 29, 4", "2027-02, 28, 4", "2026-06, 30, 5", "2026-12, 31, 4", "2029-10, 31, 5" })
    void entitlementsBecomeMonthlyQuantities(String month, int days, int mondays) {
        YearMonth m = YearMonth.parse(month);
        assertThat(Entitlement.perDay(1).monthlyQuantity(m)).isEqualTo(days);
        assertThat(Entitlement.perWeek(1).monthlyQuantity(m)).isEqualTo(mondays);
        assertThat(Entitlement.perWeek(2).monthlyQuantity(m)).isEqualTo(2 * mondays);
        assertThat(Entitlement.perMonth(4).monthlyQuantity(m)).isEqualTo(4);
    }

    @Test
    void everyWeekIsCountedInExactlyOneMonth() {
        int weeks = 0;
        for (int i = 0; i < 12; i++) {
            weeks += Entitlement.perWeek(1).monthlyQuantity(YearMonth.of(2027, 1).plusMonths(i));
        }
        assertThat(weeks).isEqualTo(52); // 2027 has 52 Mondays
    }

    @Test
    void aNegativeEntitlementIsRefused() {
        assertThatThrownBy(() -> Entitlement.perMonth(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void qualityChecksTestTheirBounds() {
        QualityCheck energy = new QualityCheck("energy_kcal", new BigDecimal("600"), null, "kcal");
        assertThat(energy.passes(new BigDecimal("600"))).isTrue();
        assertThat(energy.passes(new BigDecimal("599.9"))).isFalse();
        QualityCheck bath = new QualityCheck("water_temperature_c", new BigDecimal("37.5"), new BigDecimal("38.5"), "°C");
        assertThat(bath.passes(new BigDecimal("38"))).isTrue();
        assertThat(bath.passes(new BigDecimal("38.6"))).isFalse();
        assertThat(bath.passes(null)).isFalse();
        assertThatThrownBy(() -> new QualityCheck("x", BigDecimal.TEN, BigDecimal.ONE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QualityCheck(" ", null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void caregiverLevelsAreOrderedFromEntryToSeniorTechnician() {
        assertThat(CaregiverLevel.LEVEL_3.atLeast(CaregiverLevel.LEVEL_4)).isTrue();
        assertThat(CaregiverLevel.LEVEL_5.atLeast(CaregiverLevel.LEVEL_4)).isFalse();
        assertThat(CaregiverLevel.LEVEL_5.atLeast(null)).isTrue();
    }
}
