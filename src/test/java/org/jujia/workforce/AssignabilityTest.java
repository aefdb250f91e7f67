package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.junit.jupiter.api.Test;

class AssignabilityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Caregiver caregiver(BlacklistStatus b) {
        return new Caregiver(7, "cg", "护理员", 1, "颐家", "/1/2/", CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER, Qualification.NURSE), null,
                true, null, true, b);
    }

    /** 80 h theory and 80 h practice over every required topic, the last course on {@code lastDay}. */
    static List<PreJobTraining.Credit> fullTraining(LocalDate lastDay) {
        List<PreJobTraining.Credit> c = new ArrayList<>();
        c.add(new PreJobTraining.Credit(CourseKind.THEORY, "LAW", 24 * 60, lastDay.minusDays(20)));
        c.add(new PreJobTraining.Credit(CourseKind.THEORY, "PSYCHOLOGY", 24 * 60, lastDay.minusDays(15)));
        c.add(new PreJobTraining.Credit(CourseKind.THEORY, "FIRST_AID", 32 * 60, lastDay.minusDays(10)));
        c.add(new PreJobTraining.Credit(CourseKind.PRACTICE, "TURNING", 24 * 60, lastDay.minusDays(5)));
        c.add(new PreJobTraining.Credit(CourseKind.PRACTICE, "HEIMLICH", 24 * 60, lastDay.minusDays(2)));
        c.add(new PreJobTraining.Credit(CourseKind.PRACTICE, "AED", 32 * 60, lastDay));
        return c;
    }

    private static Assignability.Cert cert(String type, CaregiverLevel level, LocalDate from, LocalDate to) {
        return new Assignability.Cert(type, level, from, to);
    }

    private static Assignability.Facts facts(List<Assignability.Cert> certs, List<PreJobTraining.Credit> training) {
        return new Assignability.Facts(caregiver(BlacklistStatus.NONE), EmploymentStatus.ACTIVE, BlacklistStatus.NONE, false, certs,
                BackgroundCheck.PASSED, TODAY.minusYears(1), training);
    }

    private static final List<Assignability.Cert> CERTS = List.of(cert("CAREGIVER", CaregiverLevel.LEVEL_3, TODAY.minusYears(2), TODAY.plusYears(1)),
            cert("NURSE", null, TODAY.minusYears(2), TODAY.plusYears(3)));

    private static Eligibility decide(Assignability.Facts f) {
        return Assignability.decide(f, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, TODAY);
    }

    @Test
    void everythingInOrderIsEligible() {
        assertThat(decide(facts(CERTS, fullTraining(TODAY.minusMonths(3))))).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(Assignability.decide(facts(CERTS, fullTraining(TODAY.minusMonths(3))), Qualification.NURSE, null, TODAY))
                .isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void certificateExpiringTodayIsValidTodayNotTomorrow() {
        var f = facts(List.of(cert("CAREGIVER", CaregiverLevel.LEVEL_3, TODAY.minusYears(3), TODAY)), fullTraining(TODAY.minusMonths(3)));
        assertThat(Assignability.decide(f, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, TODAY)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(Assignability.decide(f, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, TODAY.plusDays(1))).isEqualTo(Eligibility.CERTIFICATE_INVALID);
        var notYet = facts(List.of(cert("CAREGIVER", CaregiverLevel.LEVEL_3, TODAY.plusDays(1), TODAY.plusYears(3))), fullTraining(TODAY.minusMonths(3)));
        assertThat(decide(notYet)).as("valid from tomorrow").isEqualTo(Eligibility.CERTIFICATE_INVALID);
    }

    @Test
    void certificateMustProveTheQualificationAndTheLevel() {
        var nurseOnly = facts(List.of(cert("NURSE", null, TODAY.minusYears(1), TODAY.plusYears(1))), fullTraining(TODAY.minusMonths(3)));
        assertThat(decide(nurseOnly)).isEqualTo(Eligibility.CERTIFICATE_INVALID);
        var lowCert = facts(List.of(cert("CAREGIVER", CaregiverLevel.LEVEL_5, TODAY.minusYears(1), TODAY.plusYears(1))), fullTraining(TODAY.minusMonths(3)));
        assertThat(decide(lowCert)).as("a level-5 certificate for a level-4 item").isEqualTo(Eligibility.CERTIFICATE_INVALID);
        assertThat(Assignability.decide(lowCert, Qualification.CAREGIVER, CaregiverLevel.LEVEL_5, TODAY)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(Assignability.decide(facts(List.of(), fullTraining(TODAY.minusMonths(3))), Qualification.NONE, null, TODAY))
                .as("no qualification, no certificate needed").isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void trainingOf159AndAHalfHoursIsNotEnough160Is() {
        List<PreJobTraining.Credit> full = fullTraining(TODAY.minusMonths(3));
        assertThat(decide(facts(CERTS, full))).isEqualTo(Eligibility.ELIGIBLE);
        List<PreJobTraining.Credit> short1 = new ArrayList<>(full);
        short1.set(5, new PreJobTraining.Credit(CourseKind.PRACTICE, "AED", 32 * 60 - 30, TODAY.minusMonths(3)));
        assertThat(PreJobTraining.progress(short1, TODAY).totalMinutes()).isEqualTo(9570);
        assertThat(decide(facts(CERTS, short1))).isEqualTo(Eligibility.TRAINING_INCOMPLETE);
        short1.add(new PreJobTraining.Credit(CourseKind.PRACTICE, "AED", 30, TODAY));
        assertThat(decide(facts(CERTS, short1))).as("the last half hour today").isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void trainingCompletedTomorrowDoesNotCountToday() {
        assertThat(decide(facts(CERTS, fullTraining(TODAY.plusDays(1))))).isEqualTo(Eligibility.TRAINING_INCOMPLETE);
        assertThat(Assignability.decide(facts(CERTS, fullTraining(TODAY.plusDays(1))), Qualification.CAREGIVER, null, TODAY.plusDays(1)))
                .isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void backgroundCheckMustHavePassedByTheDate() {
        var base = facts(CERTS, fullTraining(TODAY.minusMonths(3)));
        for (BackgroundCheck r : new BackgroundCheck[] { BackgroundCheck.FAILED, BackgroundCheck.PENDING, null }) {
            var f = new Assignability.Facts(base.caregiver(), EmploymentStatus.ACTIVE, BlacklistStatus.NONE, false, base.certificates(), r, TODAY,
                    base.training());
            assertThat(decide(f)).as(String.valueOf(r)).isEqualTo(Eligibility.BACKGROUND_CHECK_MISSING);
        }
        var today = new Assignability.Facts(base.caregiver(), EmploymentStatus.ACTIVE, BlacklistStatus.NONE, false, base.certificates(),
                BackgroundCheck.PASSED, TODAY, base.training());
        assertThat(decide(today)).isEqualTo(Eligibility.ELIGIBLE);
        var tomorrow = new Assignability.Facts(base.caregiver(), EmploymentStatus.ACTIVE, BlacklistStatus.NONE, false, base.certificates(),
                BackgroundCheck.PASSED, TODAY.plusDays(1), base.training());
        assertThat(decide(tomorrow)).isEqualTo(Eligibility.BACKGROUND_CHECK_MISSING);
    }

    @Test
    void blacklistOfTheAccountOrOfThePersonWinsOverEverythingButInactivity() {
        var base = facts(CERTS, fullTraining(TODAY.minusMonths(3)));
        var account = new Assignability.Facts(caregiver(BlacklistStatus.CONFIRMED), EmploymentStatus.ACTIVE, BlacklistStatus.NONE, false,
                base.certificates(), BackgroundCheck.PASSED, TODAY.minusYears(1), base.training());
        assertThat(decide(account)).isEqualTo(Eligibility.BLACKLISTED);
        var person = new Assignability.Facts(caregiver(BlacklistStatus.NONE), EmploymentStatus.ACTIVE, BlacklistStatus.CONFIRMED, false,
                List.of(), null, null, List.of());
        assertThat(decide(person)).as("banned under another account, nothing else in order either").isEqualTo(Eligibility.BLACKLISTED);
        var pending = new Assignability.Facts(caregiver(BlacklistStatus.NONE), EmploymentStatus.ACTIVE, BlacklistStatus.PROPOSED, false,
                base.certificates(), BackgroundCheck.PASSED, TODAY.minusYears(1), base.training());
        assertThat(decide(pending)).isEqualTo(Eligibility.BLACKLIST_PENDING);
    }

    @Test
    void inactiveEmploymentOrNoRecordOrRevokedProvider() {
        var base = facts(CERTS, fullTraining(TODAY.minusMonths(3)));
        for (EmploymentStatus s : new EmploymentStatus[] { EmploymentStatus.LEFT, EmploymentStatus.SUSPENDED, EmploymentStatus.ON_LEAVE, null }) {
            var f = new Assignability.Facts(base.caregiver(), s, BlacklistStatus.NONE, false, base.certificates(), BackgroundCheck.PASSED,
                    TODAY.minusYears(1), base.training());
            assertThat(decide(f)).as(String.valueOf(s)).isEqualTo(Eligibility.INACTIVE);
        }
        var revoked = new Assignability.Facts(base.caregiver(), EmploymentStatus.ACTIVE, BlacklistStatus.NONE, true, base.certificates(),
                BackgroundCheck.PASSED, TODAY.minusYears(1), base.training());
        assertThat(decide(revoked)).isEqualTo(Eligibility.PROVIDER_REVOKED);
        assertThat(Assignability.decide(base, Qualification.REHAB_THERAPIST, null, TODAY)).isEqualTo(Eligibility.LACKS_QUALIFICATION);
        assertThat(Assignability.decide(base, Qualification.CAREGIVER, CaregiverLevel.LEVEL_2, TODAY)).isEqualTo(Eligibility.LEVEL_TOO_LOW);
    }
}
