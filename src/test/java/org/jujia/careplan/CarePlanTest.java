package org.jujia.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
import org.jujia.shared.ValidationException;
import org.junit.jupiter.api.Test;

/** The care-plan aggregate's transitions and guards, without Spring. */
class CarePlanTest {

    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    static CarePlan draft() {
        return CarePlan.draft(7, "王秀英", "/1/2/3/4/", 1, 11, "颐家", YearMonth.of(2026, 12), CareColour.ORANGE, null, T0, "street1").withId(100);
    }

    /** A meal line: 31 a month, {@code within} of them within the entitlement (government pays those), the rest self-paid. */
    static PlanLine meal(int within) {
        int quantity = 31;
        long price = 1500;
        long gov = within * price;
        long self = (quantity - within) * price;
        return new PlanLine(1, "MEAL_LUNCH", "助餐", "BASIC", "MEAL", new Frequency(1, Frequency.Period.DAY), List.of(), LocalTime.of(11, 0),
                LocalTime.of(12, 0), 15, price, 3, quantity, within, quantity - within, quantity * price, new Payers(gov, 0, 0, self));
    }

    @Test
    void aDraftWithLinesWithinTheEntitlementGoesToSignatureAndIsActivatedBySigning() {
        CarePlan p = draft().withLines(List.of(meal(31)), List.of());
        assertThat(p.excessFen()).isZero();
        assertThat(p.needsConsent()).isFalse();
        CarePlan submitted = p.submit(T0.plusSeconds(60));
        assertThat(submitted.status()).isEqualTo(CarePlanStatus.AWAITING_SIGNATURE);
        assertThat(submitted.milestones().submittedAt()).isEqualTo(T0.plusSeconds(60));
        CarePlan active = submitted.activate(T0.plusSeconds(120));
        assertThat(active.status()).isEqualTo(CarePlanStatus.ACTIVE);
        assertThat(active.milestones().signedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(active.milestones().activatedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(p.status()).as("transitions never change the instance").isEqualTo(CarePlanStatus.DRAFT);
    }

    @Test
    void anEmptyDraftCannotBeSubmitted() {
        assertThatThrownBy(() -> draft().submit(T0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("lines"));
    }

    @Test
    void anExcessBeyondTheEntitlementNeedsTheFamilysConsentForExactlyThatAmount() {
        CarePlan p = draft().withLines(List.of(meal(30)), List.of());
        assertThat(p.excessFen()).isEqualTo(1500);
        assertThat(p.needsConsent()).isTrue();
        assertThatThrownBy(() -> p.submit(T0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("consent"));
        assertThatThrownBy(() -> p.consent(new ExcessConsent("李强", "儿子", 1499, T0, "street1"))).isInstanceOf(ConflictException.class);
        CarePlan consented = p.consent(new ExcessConsent("李强", "儿子", 1500, T0, "street1"));
        assertThat(consented.needsConsent()).isFalse();
        assertThat(consented.submit(T0).status()).isEqualTo(CarePlanStatus.AWAITING_SIGNATURE);
    }

    @Test
    void changingTheLinesDropsTheConsent() {
        CarePlan consented = draft().withLines(List.of(meal(30)), List.of()).consent(new ExcessConsent("李强", "儿子", 1500, T0, "street1"));
        CarePlan changed = consented.withLines(List.of(meal(29)), List.of());
        assertThat(changed.consent()).isNull();
        assertThat(changed.needsConsent()).isTrue();
    }

    @Test
    void noExcessNoConsent() {
        CarePlan p = draft().withLines(List.of(meal(31)), List.of());
        assertThatThrownBy(() -> p.consent(new ExcessConsent("李强", "儿子", 0, T0, "street1"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void governmentMoneyBeyondTheEntitlementIsRefused() {
        PlanLine ok = meal(30);
        PlanLine cheating = new PlanLine(1, ok.itemCode(), ok.itemName(), ok.packageCode(), ok.unit(), ok.frequency(), ok.weekdays(), ok.windowFrom(),
                ok.windowTo(), ok.durationMinutes(), ok.unitPriceFen(), ok.priceVersionId(), 31, 30, 1, ok.amountFen(), new Payers(ok.amountFen(), 0, 0, 0));
        assertThatThrownBy(() -> draft().withLines(List.of(cheating), List.of())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("beyond the entitlement");
        // exactly at the entitlement is fine
        assertThat(draft().withLines(List.of(ok), List.of()).lines()).hasSize(1);
    }

    @Test
    void onlyADraftsLinesChange() {
        CarePlan awaiting = draft().withLines(List.of(meal(31)), List.of()).submit(T0);
        assertThatThrownBy(() -> awaiting.withLines(List.of(), List.of())).isInstanceOf(ConflictException.class);
        CarePlan reopened = awaiting.reopen();
        assertThat(reopened.status()).isEqualTo(CarePlanStatus.DRAFT);
        assertThat(reopened.milestones().submittedAt()).isNull();
        assertThat(reopened.withLines(List.of(), List.of()).lines()).isEmpty();
    }

    @Test
    void illegalTransitionsAreRefused() {
        CarePlan d = draft().withLines(List.of(meal(31)), List.of());
        assertThatThrownBy(() -> d.activate(T0)).as("a draft is not signed").isInstanceOf(ConflictException.class);
        assertThatThrownBy(d::reopen).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> d.supersede(T0, 5)).isInstanceOf(ConflictException.class);
        CarePlan active = d.submit(T0).activate(T0);
        assertThatThrownBy(() -> active.submit(T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> active.activate(T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> active.withLines(List.of(), List.of())).isInstanceOf(ConflictException.class);
        CarePlan superseded = active.supersede(T0.plusSeconds(5), 101);
        assertThat(superseded.status()).isEqualTo(CarePlanStatus.SUPERSEDED);
        assertThat(superseded.milestones().supersededBy()).isEqualTo(101L);
        assertThatThrownBy(() -> superseded.end(T0, EndReason.MOVED, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> superseded.supersede(T0, 102)).isInstanceOf(ConflictException.class);
    }

    @Test
    void endingNeedsAReasonAndIsFinal() {
        CarePlan active = draft().withLines(List.of(meal(31)), List.of()).submit(T0).activate(T0);
        assertThatThrownBy(() -> active.end(T0, null, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("reason"));
        CarePlan ended = active.end(T0.plusSeconds(9), EndReason.DECEASED, " 家属告知 ");
        assertThat(ended.status()).isEqualTo(CarePlanStatus.ENDED);
        assertThat(ended.milestones().endReason()).isEqualTo(EndReason.DECEASED);
        assertThat(ended.milestones().endNote()).isEqualTo("家属告知");
        assertThat(ended.milestones().activatedAt()).isEqualTo(T0);
        assertThatThrownBy(() -> ended.end(T0, EndReason.OTHER, null)).isInstanceOf(ConflictException.class);
        assertThat(draft().end(T0, EndReason.ABANDONED, null).status()).as("a draft can be abandoned").isEqualTo(CarePlanStatus.ENDED);
    }

    @Test
    void linesAreNumberedAndTotalsAddUp() {
        PlanLine a = meal(31);
        PlanLine b = meal(28);
        CarePlan p = draft().withLines(List.of(a, b), List.of(new Subsidy("MINIMUM_LIVING_RED", 2000)));
        assertThat(p.lines()).extracting(PlanLine::position).containsExactly(1, 2);
        assertThat(p.amountFen()).isEqualTo(2 * 31 * 1500);
        assertThat(p.totals().government()).isEqualTo((31 + 28) * 1500);
        assertThat(p.totals().self()).isEqualTo(3 * 1500);
        assertThat(p.selfAfterSubsidiesFen()).isEqualTo(4500 - 2000);
        assertThat(draft().withLines(List.of(b), List.of(new Subsidy("X", 9000))).selfAfterSubsidiesFen()).as("never below zero").isZero();
    }

    @Test
    void frequenciesCountTheMonthLikeTheEntitlements() {
        YearMonth dec = YearMonth.of(2026, 12); // 31 days, Mondays 7, 14, 21, 28
        YearMonth jun = YearMonth.of(2026, 6); // 30 days, Mondays 1, 8, 15, 22, 29
        assertThat(new Frequency(1, Frequency.Period.DAY).monthlyQuantity(dec)).isEqualTo(31);
        assertThat(new Frequency(1, Frequency.Period.WEEK).monthlyQuantity(dec)).isEqualTo(4);
        assertThat(new Frequency(1, Frequency.Period.WEEK).monthlyQuantity(jun)).isEqualTo(5);
        assertThat(new Frequency(2, Frequency.Period.WEEK).monthlyQuantity(jun)).isEqualTo(10);
        assertThat(new Frequency(2, Frequency.Period.MONTH).monthlyQuantity(jun)).isEqualTo(2);
        assertThat(new Frequency(2, Frequency.Period.MONTH).monthlyHours(jun, 60)).isEqualTo(2);
        assertThat(new Frequency(2, Frequency.Period.MONTH).monthlyHours(jun, 61)).as("a part hour counts whole").isEqualTo(4);
        assertThat(PlanLine.windowMinutes(LocalTime.of(22, 0), LocalTime.of(6, 0))).as("across midnight").isEqualTo(480);
        assertThat(PlanLine.windowMinutes(LocalTime.of(9, 0), LocalTime.of(10, 30))).isEqualTo(90);
    }

    @Test
    void theDiffNamesAddedRemovedAndChangedLinesWithTheMoney() {
        PlanLine mealLine = meal(31);
        PlanLine clean = new PlanLine(2, "CLEANING_HOME", "助洁", "BASIC", "VISIT", new Frequency(1, Frequency.Period.WEEK), List.of(3),
                LocalTime.of(9, 0), LocalTime.of(11, 0), 90, 8000, 4, 4, 4, 0, 32000, new Payers(32000, 0, 0, 0));
        CarePlan v1 = draft().withLines(List.of(mealLine, clean), List.of());
        PlanLine mealLater = new PlanLine(1, "MEAL_LUNCH", "助餐", "BASIC", "MEAL", mealLine.frequency(), List.of(), LocalTime.of(11, 30),
                LocalTime.of(12, 30), 15, 1500, 3, 31, 31, 0, 46500, new Payers(46500, 0, 0, 0));
        PlanLine bath = new PlanLine(2, "BATHING_HOME", "助浴", "BASIC", "VISIT", new Frequency(2, Frequency.Period.MONTH), List.of(),
                LocalTime.of(14, 0), LocalTime.of(16, 0), 60, 13500, 5, 2, 2, 0, 27000, new Payers(27000, 0, 0, 0));
        CarePlan v2 = new CarePlan(101, 7, "王秀英", "/1/2/3/4/", 2, CarePlanStatus.DRAFT, 11, "颐家", YearMonth.of(2026, 12), CareColour.RED, null,
                T0, "street1", null, null, List.of(), List.of(), 0).withLines(List.of(mealLater, bath), List.of());
        PlanDiff d = PlanDiff.between(v1, v2);
        assertThat(d.changes()).extracting(PlanDiff.Change::kind).containsExactly(PlanDiff.Kind.CHANGED, PlanDiff.Kind.ADDED, PlanDiff.Kind.REMOVED);
        assertThat(d.changes().get(0).fields()).containsExactly("window");
        assertThat(d.delta().government()).isEqualTo(27000 - 32000);
        assertThat(d.amountAfter() - d.amountBefore()).isEqualTo(-5000);
        assertThat(PlanDiff.between(null, v2).changes()).allMatch(c -> c.kind() == PlanDiff.Kind.ADDED);
        assertThat(PlanDiff.between(v2, v2).changed()).isFalse();
    }
}
