package org.jujia.elder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jujia.region.Region;
import org.jujia.region.RegionLevel;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.shared.Violations;
import org.junit.jupiter.api.Test;

class ElderValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Region COMMUNITY = new Region(5, "320508001001", "平江新村社区", null, RegionLevel.COMMUNITY, 4L, "/1/2/4/5/", 31.3, 120.6, 0);
    static final Region COMPLEX = new Region(6, "32050800100101", "平江新村", null, RegionLevel.COMPLEX, 5L, "/1/2/4/5/6/", 31.3, 120.6, 0);
    static final Region OTHER_COMPLEX = new Region(9, "32050800100201", "别处", null, RegionLevel.COMPLEX, 8L, "/1/2/4/8/9/", 31.3, 120.6, 0);
    static final Jurisdiction STREET = new Jurisdiction(1, "street1", "/1/2/4/", false, Set.of("ELDER_WRITE"));

    static final ElderValidator.RegionLookup REGIONS = (code, j) -> Optional.ofNullable(switch (code) {
        case "320508001001" -> COMMUNITY;
        case "32050800100101" -> COMPLEX;
        case "32050800100201" -> OTHER_COMPLEX;
        default -> null;
    }).filter(r -> j.covers(r.path()));

    static String idBornOn(LocalDate birth, Sex sex) {
        return ResidentIdNumber.of("320508", birth, sex, 12).value();
    }

    static ElderInput input(String idNumber) {
        return new ElderInput("王秀英", idNumber, null, null, "13812345678", "平江路 1 号", null, "320508001001", null, 31.3, 120.6,
                LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, null, List.of(), null);
    }

    static List<FieldViolation> violations(ElderInput in) {
        Violations v = new Violations();
        ElderValidator.validate(in, STREET, REGIONS, TODAY, v);
        return v.list();
    }

    @Test
    void aValidElderPasses() {
        assertThat(violations(input(idBornOn(LocalDate.of(1945, 3, 12), Sex.FEMALE)))).isEmpty();
    }

    @Test
    void sixtyYearsOldTodayIsOldEnoughButOneDayShortIsNot() {
        assertThat(violations(input(idBornOn(TODAY.minusYears(60), Sex.FEMALE)))).isEmpty();
        assertThat(violations(input(idBornOn(TODAY.minusYears(60).plusDays(1), Sex.FEMALE))))
                .extracting(FieldViolation::field, FieldViolation::code).containsExactly(org.assertj.core.groups.Tuple.tuple("idNumber", "age"));
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        ElderInput empty = new ElderInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(violations(empty)).extracting(FieldViolation::field)
                .contains("name", "idNumber", "communityCode", "livingSituation", "economicCategory");
    }

    @Test
    void birthDateAndSexMustAgreeWithTheIdNumber() {
        String id = idBornOn(LocalDate.of(1945, 3, 12), Sex.FEMALE);
        ElderInput wrongDate = new ElderInput("王秀英", id, LocalDate.of(1945, 3, 13), Sex.FEMALE, null, null, null, "320508001001", null, null,
                null, LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, null, List.of(), null);
        ElderInput wrongSex = new ElderInput("王秀英", id, null, Sex.MALE, null, null, null, "320508001001", null, null,
                null, LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, null, List.of(), null);
        assertThat(violations(wrongDate)).extracting(FieldViolation::field).containsExactly("birthDate");
        assertThat(violations(wrongSex)).extracting(FieldViolation::field).containsExactly("sex");
    }

    @Test
    void aBadChecksumIsReportedOnTheIdNumber() {
        String id = idBornOn(LocalDate.of(1945, 3, 12), Sex.FEMALE);
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        assertThat(violations(input(id.substring(0, 17) + wrong))).extracting(FieldViolation::field, FieldViolation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idNumber", "idNumber.checksum"));
    }

    @Test
    void communityOutsideTheJurisdictionIsUnknown() {
        Jurisdiction otherStreet = new Jurisdiction(2, "street2", "/1/2/7/", false, Set.of("ELDER_WRITE"));
        Violations v = new Violations();
        ElderValidator.validate(input(idBornOn(LocalDate.of(1945, 3, 12), Sex.FEMALE)), otherStreet, REGIONS, TODAY, v);
        assertThat(v.list()).extracting(FieldViolation::field).containsExactly("communityCode");
    }

    @Test
    void complexMustBelongToTheCommunity() {
        String id = idBornOn(LocalDate.of(1945, 3, 12), Sex.FEMALE);
        ElderInput ok = new ElderInput("王秀英", id, null, null, null, null, null, "320508001001", "32050800100101", null, null,
                LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, null, List.of(), null);
        Jurisdiction district = new Jurisdiction(1, "admin", "/1/", false, Set.of("ELDER_WRITE"));
        Violations v = new Violations();
        ElderValidator.validate(ok, district, REGIONS, TODAY, v);
        assertThat(v.list()).isEmpty();
        ElderInput wrong = new ElderInput("王秀英", id, null, null, null, null, null, "320508001001", "32050800100201", null, null,
                LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, null, List.of(), null);
        v = new Violations();
        ElderValidator.validate(wrong, district, REGIONS, TODAY, v);
        assertThat(v.list()).extracting(FieldViolation::field).containsExactly("complexCode");
    }

    @Test
    void phoneAndContactsAreChecked() {
        String id = idBornOn(LocalDate.of(1945, 3, 12), Sex.FEMALE);
        ElderInput in = new ElderInput("王秀英", id, null, null, "1281234567", null, null, "320508001001", null, 91.0, 120.0,
                LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, null,
                List.of(new ElderInput.Contact(ContactKind.EMERGENCY, "李强", "儿子", null, null)), null);
        assertThat(violations(in)).extracting(FieldViolation::field).containsExactlyInAnyOrder("phone", "latitude", "contacts[0].phone");
    }

    @Test
    void maskedAddressKeepsOnlyTheBeginning() {
        assertThat(ElderRegistry.maskAddress("平江路 12 号 3 幢 201 室")).isEqualTo("平江路 ****");
        assertThat(ElderRegistry.maskAddress("短")).isEqualTo("短****");
        assertThat(ElderRegistry.maskAddress(null)).isNull();
    }

    @Test
    void eightyIsTheFirstYearOfTheOldestOld() {
        ElderSummary at79 = new ElderSummary(1, "x", Sex.FEMALE, TODAY.minusYears(80).plusDays(1), 79, "m", null, 1, "c",
                LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, ElderStatus.ACTIVE, null, null);
        ElderSummary at80 = new ElderSummary(2, "y", Sex.FEMALE, TODAY.minusYears(80), 80, "m", null, 1, "c",
                LivingSituation.ALONE, EconomicCategory.ORDINARY, false, false, ElderStatus.ACTIVE, null, null);
        assertThat(at79.oldestOld()).isFalse();
        assertThat(at80.oldestOld()).isTrue();
    }

    @Test
    void deceasedIsFinal() {
        assertThat(ElderStatus.ACTIVE.canChangeTo(ElderStatus.DECEASED)).isTrue();
        assertThat(ElderStatus.MOVED_AWAY.canChangeTo(ElderStatus.ACTIVE)).isTrue();
        assertThat(ElderStatus.DECEASED.canChangeTo(ElderStatus.ACTIVE)).isFalse();
        assertThat(ElderStatus.ACTIVE.canChangeTo(ElderStatus.ACTIVE)).isFalse();
    }
}
