package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayGradeTest {

    @Test
    void eachStepRaisesPayByFifteenPercent() {
        assertThat(PayGrade.raised(500_000)).isEqualTo(575_000);
        assertThat(PayGrade.raised(PayGrade.raised(500_000))).isEqualTo(661_250);
        assertThat(PayGrade.raised(333_333)).as("49,999.95 rounds half up").isEqualTo(383_333);
        assertThat(PayGrade.raised(0)).isZero();
    }

    @Test
    void caregiverSeniorTechnicianThenNoFurther() {
        assertThat(PayGrade.CAREGIVER.next()).contains(PayGrade.SENIOR);
        assertThat(PayGrade.SENIOR.next()).contains(PayGrade.TECHNICIAN);
        assertThat(PayGrade.TECHNICIAN.next()).isEmpty();
    }
}
