package org.jujia.careplan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
import org.jujia.shared.ValidationException;

/**
 * One version of an elder's care plan ("one household, one plan", PLATFORM.md §5). The aggregate guards its own
 * transitions; each returns the plan as it is after the transition and never changes this instance:
 *
 * <pre>
 * DRAFT ──submit──▶ AWAITING_SIGNATURE ──activate (signed)──▶ ACTIVE ──supersede──▶ SUPERSEDED
 *   ▲                     │                                    │
 *   └──────reopen─────────┘                                    └──end──▶ ENDED   (a draft or awaiting plan can end too)
 * </pre>
 *
 * Lines change only in DRAFT. A plan whose lines go beyond the elder's entitlements needs the family's recorded
 * consent to the excess (shown as self-paid) before it can be submitted or signed; changing the lines drops it.
 * No line may put government or insurance money on quantities beyond the entitlement.
 */
public record CarePlan(long id, long elderId, String elderName, String regionPath, int version, CarePlanStatus status, long providerId,
        String providerName, YearMonth estimateMonth, CareColour colour, String note, Instant createdAt, String createdBy,
        ExcessConsent consent, Milestones milestones, List<PlanLine> lines, List<Subsidy> subsidies, int rowVersion) {

    /** When the plan moved through its states, and how it ended. */
    public record Milestones(Instant submittedAt, Instant signedAt, Instant activatedAt, Instant supersededAt, Long supersededBy,
            Instant endedAt, EndReason endReason, String endNote) {

        public static final Milestones NONE = new Milestones(null, null, null, null, null, null, null, null);
    }

    public CarePlan {
        lines = lines == null ? List.of() : List.copyOf(lines);
        subsidies = subsidies == null ? List.of() : List.copyOf(subsidies);
        milestones = milestones == null ? Milestones.NONE : milestones;
    }

    /** A new, empty draft. */
    static CarePlan draft(long elderId, String elderName, String regionPath, int version, long providerId, String providerName,
            YearMonth estimateMonth, CareColour colour, String note, Instant at, String by) {
        return new CarePlan(0, elderId, elderName, regionPath, version, CarePlanStatus.DRAFT, providerId, providerName, estimateMonth, colour,
                note, at, by, null, Milestones.NONE, List.of(), List.of(), 0);
    }

    // ------------------------------------------------------------------ figures

    /** Monthly totals per payer over all lines (before subsidies). */
    @JsonProperty
    public Payers totals() {
        return lines.stream().map(PlanLine::payers).reduce(Payers.NONE, Payers::plus);
    }

    @JsonProperty
    public long amountFen() {
        return lines.stream().mapToLong(PlanLine::amountFen).sum();
    }

    /** What the family pays because of quantities beyond the entitlement. */
    @JsonProperty
    public long excessFen() {
        return lines.stream().mapToLong(PlanLine::excessFen).sum();
    }

    @JsonProperty
    public long subsidiesFen() {
        return subsidies.stream().mapToLong(Subsidy::fen).sum();
    }

    /** The family's monthly share after the subsidies were applied (never below zero). */
    @JsonProperty
    public long selfAfterSubsidiesFen() {
        return Math.max(0, totals().self() - subsidiesFen());
    }

    /** Whether the plan goes beyond the entitlement and the family's consent to that excess is missing or stale. */
    @JsonProperty
    public boolean needsConsent() {
        long excess = excessFen();
        return excess > 0 && (consent == null || consent.excessFen() != excess);
    }

    public boolean editable() {
        return status == CarePlanStatus.DRAFT;
    }

    // ------------------------------------------------------------------ transitions

    /** The lines (re-quoted) replace the current ones; only a draft's lines change, and any consent lapses. */
    CarePlan withLines(List<PlanLine> newLines, List<Subsidy> newSubsidies) {
        require(CarePlanStatus.DRAFT, "change the lines of");
        List<PlanLine> numbered = new ArrayList<>();
        for (int i = 0; i < newLines.size(); i++) {
            numbered.add(newLines.get(i).at(i + 1));
        }
        checkFunding(numbered);
        return with(status, null, milestones, numbered, newSubsidies);
    }

    /** Records the family's consent to the excess; the amount consented to must be the plan's current excess. */
    CarePlan consent(ExcessConsent c) {
        if (status != CarePlanStatus.DRAFT && status != CarePlanStatus.AWAITING_SIGNATURE) {
            throw new ConflictException("status", "plan " + id + " is " + status + "; consent is recorded before signing");
        }
        if (excessFen() == 0) {
            throw new ConflictException("consent", "plan " + id + " stays within the entitlements; there is no excess to consent to");
        }
        if (c.consentedBy() == null || c.consentedBy().isBlank()) {
            throw ValidationException.of("consentedBy", "required", "name the family member who consents");
        }
        if (c.excessFen() != excessFen()) {
            throw new ConflictException("excessFen", "the plan's excess is " + excessFen() + " fen, not " + c.excessFen());
        }
        return with(status, c, milestones, lines, subsidies);
    }

    CarePlan submit(Instant at) {
        require(CarePlanStatus.DRAFT, "submit");
        if (lines.isEmpty()) {
            throw ValidationException.of("lines", "empty", "a plan needs at least one line");
        }
        requireConsent();
        checkFunding(lines);
        return with(CarePlanStatus.AWAITING_SIGNATURE, consent, new Milestones(at, null, null, null, null, null, null, null), lines, subsidies);
    }

    /** Back to the draft for changes (the agreement was not signed). */
    CarePlan reopen() {
        require(CarePlanStatus.AWAITING_SIGNATURE, "reopen");
        return with(CarePlanStatus.DRAFT, consent, Milestones.NONE, lines, subsidies);
    }

    /** The agreement is signed: the plan is in force from now on. */
    CarePlan activate(Instant at) {
        require(CarePlanStatus.AWAITING_SIGNATURE, "sign");
        requireConsent();
        checkFunding(lines);
        var m = milestones;
        return with(CarePlanStatus.ACTIVE, consent, new Milestones(m.submittedAt(), at, at, null, null, null, null, null), lines, subsidies);
    }

    /** The next version was activated. */
    CarePlan supersede(Instant at, long byPlanId) {
        require(CarePlanStatus.ACTIVE, "supersede");
        var m = milestones;
        return with(CarePlanStatus.SUPERSEDED, consent,
                new Milestones(m.submittedAt(), m.signedAt(), m.activatedAt(), at, byPlanId, null, null, null), lines, subsidies);
    }

    /** The elder died, moved or withdrew (an active plan), or the draft is abandoned. */
    CarePlan end(Instant at, EndReason reason, String endNote) {
        if (status == CarePlanStatus.SUPERSEDED || status == CarePlanStatus.ENDED) {
            throw new ConflictException("status", "plan " + id + " is " + status + " and cannot end");
        }
        if (reason == null) {
            throw ValidationException.of("reason", "required", "say why the plan ends (DECEASED, MOVED, WITHDRAWN, ABANDONED, OTHER)");
        }
        var m = milestones;
        return with(CarePlanStatus.ENDED, consent, new Milestones(m.submittedAt(), m.signedAt(), m.activatedAt(), null, null, at, reason,
                endNote == null || endNote.isBlank() ? null : endNote.trim()), lines, subsidies);
    }

    // ------------------------------------------------------------------ guards

    private void require(CarePlanStatus expected, String what) {
        if (status != expected) {
            throw new ConflictException("status", "cannot " + what + " plan " + id + ": it is " + status + ", not " + expected);
        }
    }

    private void requireConsent() {
        if (needsConsent()) {
            throw ValidationException.of("consent", "required", "the plan goes " + excessFen()
                    + " fen a month beyond the entitlements of the elder's level; the family's consent to pay it must be recorded first");
        }
    }

    /**
     * No line puts government or insurance money beyond the entitlement: public and insured shares stay within
     * {@code withinQuantity × unitPrice}, and the payers add up to the amount.
     */
    static void checkFunding(List<PlanLine> lines) {
        for (PlanLine l : lines) {
            if (l.payers().total() != l.amountFen()) {
                throw new IllegalStateException("line " + l.position() + " (" + l.itemCode() + "): payers " + l.payers().total()
                        + " fen do not add up to the amount " + l.amountFen());
            }
            if (l.withinQuantity() + l.beyondQuantity() != l.monthlyQuantity()) {
                throw new IllegalStateException("line " + l.position() + ": within + beyond ≠ monthly quantity");
            }
            if (l.payers().covered() > (long) l.withinQuantity() * l.unitPriceFen()) {
                throw new ConflictException("lines[" + (l.position() - 1) + "]", "line " + l.position() + " (" + l.itemCode()
                        + ") would put government or insurance money beyond the entitlement");
            }
        }
    }

    private CarePlan with(CarePlanStatus s, ExcessConsent c, Milestones m, List<PlanLine> l, List<Subsidy> sub) {
        return new CarePlan(id, elderId, elderName, regionPath, version, s, providerId, providerName, estimateMonth, colour, note, createdAt,
                createdBy, c, m, l, sub, rowVersion);
    }

    CarePlan withId(long newId) {
        return new CarePlan(newId, elderId, elderName, regionPath, version, status, providerId, providerName, estimateMonth, colour, note,
                createdAt, createdBy, consent, milestones, lines, subsidies, rowVersion);
    }
}
