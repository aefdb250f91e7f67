package org.jujia.settlement;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.Payer;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settlement and funds (PLATFORM.md §7): settlement runs per month and region, statements, the special pool ledger
 * and provider budgets. Runs are persisted jobs executed one at a time on this node ({@code settlement-run} thread);
 * their progress is in the run ({@code processed / totalVisits}). Who sees what: SETTLEMENT_ADMIN (civil affairs)
 * runs and closes; staff with SETTLEMENT_READ see the runs and statements of their jurisdiction; a provider operator
 * only its own provider's statement; a family member only the bill of an elder linked to them.
 */
@Service
public class Settlement {

    static final int MAX_LINES = 50_000;

    private final SettlementStore store;
    private final SettlementEngine engine;
    private final PoolLedger ledger;
    private final ProviderBudgets budgets;
    private final RegionDirectory regions;
    private final ElderRegistry elders;
    private final UserAccounts users;
    private final AuditLog audit;
    private final org.jujia.visit.Visits visits;
    private final Clock clock;
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "settlement-run");
        t.setDaemon(true);
        return t;
    });

    Settlement(SettlementStore store, SettlementEngine engine, PoolLedger ledger, ProviderBudgets budgets, RegionDirectory regions,
            ElderRegistry elders, UserAccounts users, AuditLog audit, org.jujia.visit.Visits visits, Clock clock) {
        this.visits = visits;
        this.store = store;
        this.engine = engine;
        this.ledger = ledger;
        this.budgets = budgets;
        this.regions = regions;
        this.elders = elders;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        store.failInterrupted(clock.instant());
    }

    @PreDestroy
    void stop() {
        jobs.shutdownNow();
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(SettlementStore.ZONE));
    }

    // ---------------------------------------------------------------- intake

    /**
     * A billable visit (from {@link org.jujia.visit.VisitVerified}): kept once per visit, with the EVV elements of its
     * check-in and check-out read through the visit facade (blank when the visit module has no readings for it).
     * Answers false when the visit was already received.
     */
    public boolean recordVerified(org.jujia.visit.VisitVerified e) {
        org.jujia.visit.Visit v = null;
        try {
            v = visits.get(e.visitId(), Jurisdiction.system("/")).visit();
        } catch (NotFoundException ex) {
            // a visit recorded before this platform (imported history): billable without EVV readings
        }
        org.jujia.visit.Visit.Evv in = v == null ? null : v.checkIn();
        org.jujia.visit.Visit.Evv out = v == null ? null : v.checkOut();
        return store.insertVisit(new BillableVisit(e.visitId(), e.orderId(), e.elderId(), e.regionPath(), e.providerId(), e.caregiverUserId(),
                e.itemCode(), e.quantity(), e.amountFen(), e.serviceDate(), e.verifiedAt(), e.cleared(), in == null ? null : in.capturedAt(),
                in == null ? null : in.latitude(), in == null ? null : in.longitude(), in == null ? null : in.accuracyMeters(),
                in == null ? null : in.faceScore(), out == null ? null : out.capturedAt(), out == null ? null : out.latitude(),
                out == null ? null : out.longitude(), out == null ? null : out.accuracyMeters(), out == null ? null : out.faceScore()));
    }

    /** A confirmed fraud (from {@link org.jujia.visit.VisitFraudConfirmed}): the visit is not billable, its fine is recorded once. */
    @Transactional
    public void recordFraud(org.jujia.visit.VisitFraudConfirmed e) {
        store.voidVisit(e.visitId(), "fraud confirmed: " + (e.note() == null ? "" : e.note()), e.confirmedAt());
        store.insertPenalty(e.visitId(), e.providerId(), e.regionPath(), e.elderId(), e.itemCode(), e.amountFen(), e.penaltyFen(), e.note(),
                e.confirmedBy(), e.confirmedAt());
    }

    // ---------------------------------------------------------------- runs

    /**
     * Starts (or restarts) the preview of a month for a region: a job; poll {@link #run(long, Jurisdiction)} for its
     * progress. Refused for a future month (naming {@code month}), a region outside the caller's jurisdiction
     * ({@code regionId}) and a closed or busy run (409).
     */
    public SettlementRun preview(YearMonth month, Long regionId, Jurisdiction j) {
        requireAdmin(j);
        Region region = validRun(month, regionId, j);
        long id = queue(month, region, false, j.username());
        jobs.submit(() -> engine.execute(id));
        return store.run(id).orElseThrow();
    }

    /** Closes a previewed run: re-prices it, bills its visits, deducts the fines, posts the ledger. Only a past month. */
    public SettlementRun close(long runId, Jurisdiction j) {
        requireAdmin(j);
        SettlementRun run = run(runId, j);
        if (!run.month().isBefore(currentMonth())) {
            throw new ConflictException("month", "month " + run.month() + " is not over yet: it can be previewed, not closed");
        }
        if (run.status() == RunStatus.CLOSED) {
            throw new ConflictException("runId", "run " + runId + " is closed: a closed month is immutable");
        }
        if (!store.queue(runId, true, j.username())) {
            throw new ConflictException("runId", "run " + runId + " is " + run.status() + ": preview it first");
        }
        jobs.submit(() -> engine.execute(runId));
        return store.run(runId).orElseThrow();
    }

    /** For the platform itself (demo, bench): runs a month synchronously on the calling thread; closes it when asked. */
    public SettlementRun runNow(YearMonth month, String regionPath, boolean close, String actor) {
        Region region = regions.tree(Jurisdiction.system("/")).stream().filter(r -> r.path().equals(regionPath)).findFirst()
                .orElseThrow(() -> new NotFoundException("region", regionPath));
        long id = queue(month, region, close, actor);
        engine.execute(id);
        return store.run(id).orElseThrow();
    }

    private long queue(YearMonth month, Region region, boolean closing, String by) {
        Optional<SettlementRun> existing = store.run(month, region.path());
        if (existing.isEmpty()) {
            long id = store.createRun(month, region.path(), region.name(), by);
            if (closing) {
                store.jdbc().sql("update settlement_run set closing = true where id = ?").param(id).update();
            }
            return id;
        }
        SettlementRun r = existing.get();
        if (r.status() == RunStatus.CLOSED) {
            throw new ConflictException("month", "settlement of " + month + " for " + region.name() + " is closed: late visits go into a later month");
        }
        if (!store.queue(r.id(), closing, by)) {
            throw new ConflictException("month", "settlement of " + month + " for " + region.name() + " is running");
        }
        return r.id();
    }

    private Region validRun(YearMonth month, Long regionId, Jurisdiction j) {
        Violations v = new Violations();
        if (month == null) {
            v.add("month", "required", "give the month, like 2026-10");
        } else if (month.isAfter(currentMonth())) {
            v.add("month", "future", "month " + month + " has not begun");
        } else if (month.isBefore(YearMonth.of(2000, 1))) {
            v.add("month", "range", "month " + month + " is too early");
        }
        Region region = null;
        if (regionId == null) {
            v.add("regionId", "required", "choose the region");
        } else {
            region = regions.find(regionId).filter(r -> j.covers(r.path())).orElse(null);
            if (region == null) {
                v.add("regionId", "unknown", "no region " + regionId + " in your jurisdiction");
            }
        }
        v.throwIfAny();
        return region;
    }

    public SettlementRun run(long id, Jurisdiction j) {
        requireRead(j);
        return store.run(id).filter(r -> visible(r, j)).orElseThrow(() -> new NotFoundException("settlement run", id));
    }

    public List<SettlementRun> runs(Jurisdiction j) {
        requireRead(j);
        return store.runs(j.familyOnly() ? "/" : j.scopePath(), 200).stream().filter(r -> visible(r, j)).toList();
    }

    private boolean visible(SettlementRun r, Jurisdiction j) {
        return j.familyOnly() || providerOf(j).isPresent() || j.covers(r.regionPath()) || r.regionPath().length() < j.scopePath().length()
                && j.scopePath().startsWith(r.regionPath());
    }

    /** Like pattern limiting the lines a staff member sees: the caller's jurisdiction (a provider operator: every region). */
    private static String lineScope(Jurisdiction j) {
        return j.likePattern();
    }

    // ---------------------------------------------------------------- statements

    /** Provider statements of a run: all of the caller's jurisdiction for staff, only its own for a provider operator. */
    public List<Statements.ProviderStatement> providerStatements(long runId, Jurisdiction j) {
        SettlementRun run = run(runId, j);
        if (j.familyOnly()) {
            throw new AccessDeniedException("families see their elder's bill only");
        }
        Optional<Long> own = providerOf(j);
        List<Statements.ProviderStatement> all = store.providerStatements(run.id(), own.orElse(null));
        if (own.isPresent() || j.covers(run.regionPath())) {
            return all;
        }
        // a street officer looking at the city's run: only providers based in the street
        return all.stream().filter(s -> regions.findOrganisation(s.providerId()).flatMap(o -> regions.find(o.nodeId())).map(r -> j.covers(r.path()))
                .orElse(false)).toList();
    }

    public Statements.ProviderDetail providerStatement(long runId, long providerId, Jurisdiction j) {
        SettlementRun run = run(runId, j);
        Statements.ProviderStatement st = providerStatements(runId, j).stream().filter(s -> s.providerId() == providerId).findFirst()
                .orElseThrow(() -> new NotFoundException("provider statement", providerId));
        String like = providerOf(j).isPresent() ? "/%" : lineScope(j);
        return new Statements.ProviderDetail(run, st, store.lines(run.id(), providerId, null, null, like, MAX_LINES));
    }

    /** What settlement did with each visit of a provider in a month — why any visit was not paid. */
    public List<Statements.VisitStatus> providerVisits(long providerId, YearMonth month, Jurisdiction j) {
        requireRead(j);
        if (j.familyOnly()) {
            throw new AccessDeniedException("families see their elder's bill only");
        }
        Optional<Long> own = providerOf(j);
        if (own.isPresent() && own.get() != providerId) {
            throw new NotFoundException("provider", providerId);
        }
        if (own.isEmpty()) {
            Organisation o = regions.findOrganisation(providerId).filter(x -> x.type() == OrganisationType.SERVICE_PROVIDER)
                    .orElseThrow(() -> new NotFoundException("provider", providerId));
            regions.find(o.nodeId()).filter(r -> j.covers(r.path()) || r.path().startsWith(j.scopePath()) || j.scopePath().startsWith(r.path()))
                    .orElseThrow(() -> new NotFoundException("provider", providerId));
        }
        return store.providerVisits(providerId, month, 5000);
    }

    /** An elder's bill in a run: staff of the jurisdiction, or a family member linked to the elder. Audited. */
    @Transactional
    public Statements.ElderBill elderBill(long runId, long elderId, Jurisdiction j) {
        SettlementRun run = run(runId, j);
        if (providerOf(j).isPresent()) {
            throw new AccessDeniedException("provider operators see their provider's statement");
        }
        ElderRef elder = elders.find(elderId, j).filter(e -> !j.familyOnly() || elders.linkedElderIds(j).contains(elderId))
                .orElseThrow(() -> new NotFoundException("elder", elderId));
        String like = j.familyOnly() ? "/%" : lineScope(j);
        List<Statements.ElderMonthRow> months = store.elderMonths(run.id(), elderId, like, 100);
        List<Statements.Line> lines = store.lines(run.id(), null, elderId, null, like, 5000);
        audit.record(j, AuditAction.VIEW, "elder", elderId, "settlement_bill", null, "run " + run.id() + " " + run.month());
        return new Statements.ElderBill(run, elderId, elder.name(), months, lines);
    }

    /** The bills of a run's elders (staff): elder months with names, for the console. */
    @Transactional
    public List<Map<String, Object>> elderMonths(long runId, Jurisdiction j) {
        SettlementRun run = run(runId, j);
        if (providerOf(j).isPresent() || j.familyOnly()) {
            throw new AccessDeniedException("staff only");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Statements.ElderMonthRow m : store.elderMonths(run.id(), null, lineScope(j), 500)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("elderId", m.elderId());
            row.put("elderName", elders.find(m.elderId(), j).map(ElderRef::name).orElse("#" + m.elderId()));
            row.put("month", m.month().toString());
            row.put("selfFen", m.selfFen());
            row.put("subsidyKind", m.subsidyKind());
            row.put("appliedFen", m.appliedFen());
            row.put("unusedFen", m.unusedFen());
            row.put("familyOwesFen", m.familyOwesFen());
            out.add(row);
        }
        audit.record(j, AuditAction.VIEW, "settlement_run", runId, "elder_bills", null, out.size() + " elders");
        return out;
    }

    /** An insurer's claim file: every line with an LTC_INSURANCE or COMMERCIAL_INSURANCE share, with the EVV elements. Audited. */
    @Transactional
    public List<Statements.ClaimLine> claim(long runId, Payer payer, Jurisdiction j) {
        SettlementRun run = run(runId, j);
        if (providerOf(j).isPresent() || j.familyOnly()) {
            throw new AccessDeniedException("claim files are for civil affairs and the insurers");
        }
        if (payer != Payer.LTC_INSURANCE && payer != Payer.COMMERCIAL_INSURANCE) {
            throw ValidationException.of("payer", "insurer", "LTC_INSURANCE or COMMERCIAL_INSURANCE");
        }
        String column = payer == Payer.LTC_INSURANCE ? "ltc_fen" : "commercial_fen";
        List<Statements.Line> lines = store.lines(run.id(), null, null, column, lineScope(j), MAX_LINES);
        Map<Long, Statements.Evv> evv = store.evv(lines.stream().map(Statements.Line::visitId).distinct().toList());
        Map<Long, String> names = new HashMap<>();
        List<Statements.ClaimLine> out = new ArrayList<>();
        for (Statements.Line l : lines) {
            String name = names.computeIfAbsent(l.elderId(), id -> elders.find(id, Jurisdiction.system("/")).map(ElderRef::name).orElse("#" + id));
            out.add(new Statements.ClaimLine(l, name, evv.get(l.visitId()), payer == Payer.LTC_INSURANCE ? l.ltcFen() : l.commercialFen()));
        }
        audit.record(j, AuditAction.EXPORT, "settlement_run", runId, "claim_" + payer.name(), null, out.size() + " lines");
        return out;
    }

    /** A bill an elder has in a run (for the family's list of bills). */
    public record BillRef(long runId, YearMonth month, RunStatus status, long elderId, String elderName, long familyOwesFen) {
    }

    /** The bills of the elders linked to a family member (or one elder, for staff), newest month first. */
    public List<BillRef> billsOf(List<Long> elderIds, Jurisdiction j) {
        requireRead(j);
        List<Long> ids = j.familyOnly() ? elders.linkedElderIds(j).stream().filter(id -> elderIds == null || elderIds.contains(id)).toList()
                : elderIds == null ? List.of() : elderIds;
        List<BillRef> out = new ArrayList<>();
        for (long id : ids) {
            Optional<ElderRef> e = elders.find(id, j);
            if (e.isEmpty()) {
                continue;
            }
            store.jdbc().sql("""
                    select r.id, r.month, r.status, sum(m.family_owes_fen) from settlement_elder_month m join settlement_run r on r.id = m.run_id
                     where m.elder_id = ? group by r.id, r.month, r.status order by r.month desc, r.id desc limit 24""").param(id)
                    .query(rs -> {
                        out.add(new BillRef(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), RunStatus.valueOf(rs.getString(3)), id,
                                e.get().name(), rs.getLong(4)));
                    });
        }
        return out;
    }

    /** The caller's own provider, when the caller is a service provider's operator. */
    Optional<Long> providerOf(Jurisdiction j) {
        if (j.userId() == 0 || j.familyOnly()) {
            return Optional.empty();
        }
        Long org = users.get(j.userId(), Jurisdiction.system("/")).organisationId();
        return org == null ? Optional.empty()
                : regions.findOrganisation(org).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).map(Organisation::id);
    }

    // ---------------------------------------------------------------- the special pool

    /** A contribution to the pool on a day, attributed 55/30/15 to the sources. */
    public EntryView contribute(Long amountFen, LocalDate on, String memo, Jurisdiction j) {
        requireAdmin(j);
        Violations v = new Violations();
        v.require(amountFen != null && amountFen > 0, "amountFen", "positive", "a positive amount in fen");
        v.require(amountFen == null || amountFen <= 1_000_000_000_000L, "amountFen", "max", "at most 10 billion yuan");
        v.require(on != null, "postedOn", "required", "the date of the contribution");
        v.require(on == null || !on.isAfter(LocalDate.now(clock.withZone(SettlementStore.ZONE))), "postedOn", "future", "not in the future");
        v.require(memo == null || memo.length() <= 200, "memo", "length", "at most 200 characters");
        v.throwIfAny();
        long id = ledger.post(LedgerEntry.contribution(on, amountFen, memo == null || memo.isBlank() ? "contribution" : memo.strip()), j.username());
        return ledger.entries(50).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** Balance per account at the end of a day (debit positive; sources and income are negative). */
    public Map<LedgerAccount, Long> balances(LocalDate on, Jurisdiction j) {
        requireRead(j);
        if (j.familyOnly() || providerOf(j).isPresent()) {
            throw new AccessDeniedException("the ledger is for civil affairs and staff");
        }
        return ledger.balances(on);
    }

    public List<EntryView> entries(int limit, Jurisdiction j) {
        balances(LocalDate.now(clock), j);
        return ledger.entries(Math.max(1, Math.min(limit, 500)));
    }

    /** The ledger holds together: every entry sums to zero, and so do all postings. */
    public boolean ledgerBalanced() {
        return ledger.unbalancedEntries() == 0 && ledger.grandTotal() == 0;
    }

    /** A ledger entry with its postings (debit positive). */
    public record EntryView(long id, LocalDate postedOn, String kind, String memo, Long runId, Long providerId, String createdBy,
            EnumMap<LedgerAccount, Long> postings) {
    }

    /**
     * The published usage summary of a year (no personal data, no login): income by source, spending by kind, balance
     * at the year's end (or today).
     */
    public PoolSummary publicSummary(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate today = LocalDate.now(clock.withZone(SettlementStore.ZONE));
        LocalDate to = from.plusYears(1).minusDays(1).isAfter(today) ? today : from.plusYears(1).minusDays(1);
        EnumMap<LedgerAccount, Long> flows = new EnumMap<>(LedgerAccount.class);
        for (LedgerAccount a : LedgerAccount.values()) {
            flows.put(a, 0L);
        }
        for (PoolLedger.Movement m : ledger.movements(from, to)) {
            flows.merge(m.account(), m.fen(), Long::sum);
        }
        return new PoolSummary(year, to, -flows.get(LedgerAccount.SOURCE_WELFARE_LOTTERY), -flows.get(LedgerAccount.SOURCE_GENERAL_BUDGET),
                -flows.get(LedgerAccount.SOURCE_SOCIAL_CAPITAL), flows.get(LedgerAccount.SERVICE_PAYMENTS), flows.get(LedgerAccount.SUBSIDIES),
                -flows.get(LedgerAccount.PENALTIES), ledger.balances(to).get(LedgerAccount.POOL_BANK));
    }

    /** The public usage summary (fen). */
    public record PoolSummary(int year, LocalDate asOf, long welfareLotteryFen, long generalBudgetFen, long socialCapitalFen, long servicePaymentsFen,
            long subsidiesFen, long penaltiesFen, long balanceFen) {
        public long contributionsFen() {
            return welfareLotteryFen + generalBudgetFen + socialCapitalFen;
        }
    }

    // ---------------------------------------------------------------- budgets

    /** A provider's year: budget, score, consumption per month (government share less fines, closed runs). */
    public record BudgetView(long providerId, String providerName, int year, long budgetFen, String basis, BigDecimal score, String scoreSource,
            boolean qualificationRevoked, List<Long> monthlyConsumptionFen, long consumedFen) {
    }

    public List<BudgetView> budgets(int year, Jurisdiction j) {
        requireRead(j);
        if (j.familyOnly()) {
            throw new AccessDeniedException("families see their elder's bill only");
        }
        Optional<Long> own = providerOf(j);
        List<BudgetView> out = new ArrayList<>();
        for (Organisation o : regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, own.isPresent() ? Jurisdiction.system("/") : j)) {
            if (own.isPresent() && own.get() != o.id()) {
                continue;
            }
            out.add(budget(o, year));
        }
        return out;
    }

    private BudgetView budget(Organisation o, int year) {
        Optional<ProviderBudgets.Row> row = budgets.find(o.id(), year);
        long[] months = budgets.consumption(o.id(), year);
        List<Long> list = new ArrayList<>();
        long sum = 0;
        for (long m : months) {
            list.add(m);
            sum += m;
        }
        return new BudgetView(o.id(), o.name(), year, row.map(ProviderBudgets.Row::budgetFen).orElse(0L), row.map(ProviderBudgets.Row::basis).orElse("NOT_SET"),
                row.map(ProviderBudgets.Row::score).orElse(null), row.map(ProviderBudgets.Row::scoreSource).orElse(null),
                regions.qualificationRevoked(o.id()), list, sum);
    }

    /** Sets a provider's annual budget (civil affairs). */
    public BudgetView setBudget(long providerId, Integer year, Long budgetFen, Jurisdiction j) {
        requireAdmin(j);
        Violations v = new Violations();
        v.require(year != null && year >= 2000 && year <= 2100, "year", "range", "a year 2000–2100");
        v.require(budgetFen != null && budgetFen >= 0 && budgetFen <= 1_000_000_000_000L, "budgetFen", "range", "0 – 10 billion yuan in fen");
        v.throwIfAny();
        Organisation o = provider(providerId, j);
        budgets.setBudget(providerId, year, budgetFen, "MANUAL");
        return budget(o, year);
    }

    /**
     * Enters a provider's annual score by hand (civil affairs), until oversight computes it: refused (409) once the
     * oversight module has computed that year's score. Sets next year's budget; two consecutive years below 80
     * revoke the provider's qualification.
     */
    public BudgetView recordScore(long providerId, Integer year, BigDecimal score, Jurisdiction j) {
        requireAdmin(j);
        Violations v = new Violations();
        v.require(year != null && year >= 2000 && year <= 2100, "year", "range", "a year 2000–2100");
        v.require(BudgetPolicy.valid(score), "score", "range", "a score 0–100 with at most one decimal");
        v.throwIfAny();
        Organisation o = provider(providerId, j);
        if (budgets.find(providerId, year).map(r -> "OVERSIGHT".equals(r.scoreSource())).orElse(false)) {
            throw new ConflictException("score", "the " + year + " score was computed by oversight and replaces manual input");
        }
        budgets.recordScore(providerId, year, score, "MANUAL", j.username());
        return budget(o, year);
    }

    /** Oversight computed the score: it replaces a manual one. */
    void scoreComputed(long providerId, int year, BigDecimal score, String actor) {
        budgets.recordScore(providerId, year, score.setScale(1, java.math.RoundingMode.HALF_UP), "OVERSIGHT", actor);
    }

    private Organisation provider(long providerId, Jurisdiction j) {
        return regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, j).stream().filter(o -> o.id() == providerId).findFirst()
                .orElseThrow(() -> new NotFoundException("provider", providerId));
    }

    // ---------------------------------------------------------------- permissions

    private static void requireAdmin(Jurisdiction j) {
        if (!j.can("SETTLEMENT_ADMIN")) {
            throw new AccessDeniedException("SETTLEMENT_ADMIN required");
        }
    }

    private static void requireRead(Jurisdiction j) {
        if (!j.can("SETTLEMENT_READ") && !j.can("SETTLEMENT_ADMIN")) {
            throw new AccessDeniedException("SETTLEMENT_READ required");
        }
    }
}
