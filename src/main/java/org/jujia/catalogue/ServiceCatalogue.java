package org.jujia.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.assessment.FamilyCaregivers;
import org.jujia.elder.ElderFunding;
import org.jujia.elder.ElderRegistry;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue module's facade: the city's service items with versioned prices, the packages and their
 * entitlements, the funding profile of an elder and quotes computed with the {@link FundingRule}.
 *
 * <p>Reads of the catalogue need no jurisdiction (the catalogue is city-wide and public to every logged-in user);
 * changes need {@code CATALOGUE_ADMIN}; a quote for an elder is limited to the caller's jurisdiction (family members:
 * their own elders only).
 */
@Service
public class ServiceCatalogue {

    /** The largest quantity of one quote line: the hours of a 31-day month. */
    public static final int MAX_QUANTITY = 24 * 31;
    /** The most lines one quote may have. */
    public static final int MAX_LINES = 100;
    /** Months a quote may ask for. */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2099, 12);

    static final String ITEM_SUBJECT = "CATALOGUE_ITEM";
    static final String PRICE_SUBJECT = "CATALOGUE_PRICE";

    private final CatalogueStore store;
    private final ElderRegistry elders;
    private final FamilyCaregivers caregivers;
    private final AuditLog audit;
    private final Clock clock;
    private final FundingRule rule = FundingRule.standard();

    ServiceCatalogue(CatalogueStore store, ElderRegistry elders, FamilyCaregivers caregivers, AuditLog audit, Clock clock) {
        this.store = store;
        this.elders = elders;
        this.caregivers = caregivers;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The funding rule the catalogue applies (the same for care plans and settlement). */
    public FundingRule fundingRule() {
        return rule;
    }

    // ---------------------------------------------------------------- reads

    public List<ServiceCategory> categories() {
        return store.categories();
    }

    /** Active items with the price in force on {@code on}. */
    @Transactional(readOnly = true)
    public List<ServiceItem> items(LocalDate on) {
        return store.items(on, false);
    }

    /** Items in force on {@code on}, filtered by category and/or package (null = any); inactive ones on request. */
    @Transactional(readOnly = true)
    public List<ServiceItem> items(LocalDate on, String category, ServicePackage servicePackage, boolean includeInactive) {
        return store.items(on, includeInactive).stream()
                .filter(i -> category == null || category.isBlank() || i.category().equals(category))
                .filter(i -> servicePackage == null || i.servicePackage() == servicePackage)
                .toList();
    }

    /**
     * The item with the price in force on {@code on}.
     *
     * @throws ValidationException naming {@code itemCode} when there is no such item or it has no price on that day
     */
    @Transactional(readOnly = true)
    public ServiceItem item(String code, LocalDate on) {
        return find(code, on).orElseThrow(() -> ValidationException.of("itemCode", "unknown",
                "no service item " + code + (store.row(nz(code)).isPresent() ? " priced on " + on : "")));
    }

    /** The item with the price in force on {@code on}, if it exists and is priced that day. */
    @Transactional(readOnly = true)
    public Optional<ServiceItem> find(String code, LocalDate on) {
        return code == null ? Optional.empty() : store.item(code.trim(), on);
    }

    /** The item's edit version (for optimistic locking of the edit form). */
    public int version(String code) {
        return store.row(code).orElseThrow(() -> new NotFoundException("service item", code)).version();
    }

    /**
     * The item with today's price, or — for an item whose first price only starts later — with that first price (for
     * administration pages). Unknown code → {@link NotFoundException}.
     */
    @Transactional(readOnly = true)
    public ServiceItem current(String code) {
        LocalDate today = today();
        return find(code, today).or(() -> store.prices(nz(code)).stream().map(PriceVersion::effectiveFrom).filter(d -> d.isAfter(today))
                .min(LocalDate::compareTo).flatMap(d -> store.item(nz(code), d)))
                .orElseThrow(() -> new NotFoundException("service item", code));
    }

    /** Every price version of an item, newest effective date first. */
    @Transactional(readOnly = true)
    public List<PriceVersion> priceHistory(String code) {
        requireExists(code);
        return store.prices(code);
    }

    /** A price version by id (plans and bills keep the id of the price they were made with). */
    @Transactional(readOnly = true)
    public Optional<PriceVersion> priceVersion(long id) {
        return store.price(id);
    }

    /** The three packages with their active items and entitlements in {@code month}. */
    @Transactional(readOnly = true)
    public List<PackageView> packages(YearMonth month) {
        List<PackageView> out = new ArrayList<>();
        for (ServicePackage p : ServicePackage.values()) {
            out.add(packageView(p, month));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public PackageView packageView(ServicePackage p, YearMonth month) {
        List<PackageView.Entry> entries = items(priceDate(month)).stream().filter(i -> i.servicePackage() == p)
                .map(i -> new PackageView.Entry(i.code(), i.nameZh(), i.nameEn(), i.category(), i.unit(), i.unitPriceFen(), i.entitlement(),
                        i.monthlyEntitlement(month)))
                .toList();
        return new PackageView(p, month, p == ServicePackage.BASIC ? List.of("RED", "ORANGE") : List.of(), entries);
    }

    /**
     * The day whose prices a quote for {@code month} uses: today when today lies in the month, otherwise the month's
     * first day [D].
     */
    public LocalDate priceDate(YearMonth month) {
        LocalDate today = today();
        return YearMonth.from(today).equals(month) ? today : month.atDay(1);
    }

    // ---------------------------------------------------------------- funding profile and quotes

    /** The elder's funding facts today (see {@link #fundingProfile(long, YearMonth, Jurisdiction)}). */
    @Transactional
    public FundingProfile fundingProfile(long elderId, Jurisdiction j) {
        return profileOn(elderId, today(), j);
    }

    /**
     * The elder's funding facts for a month: colour, economic category, insurance enrolment, hardship self-care
     * category from the elder record; {@code highRiskCaregiver} when the household is on the respite list on the
     * month's price date ({@link #priceDate}). Limited to the caller's jurisdiction; audited by the elder module.
     */
    @Transactional
    public FundingProfile fundingProfile(long elderId, YearMonth month, Jurisdiction j) {
        return profileOn(elderId, priceDate(month), j);
    }

    private FundingProfile profileOn(long elderId, LocalDate day, Jurisdiction j) {
        ElderFunding f = elders.funding(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        boolean respite = caregivers.householdEntitlement(elderId, day).isPresent();
        return new FundingProfile(f.colour(), f.economicCategory(), f.ltcInsured(), f.commercialInsured(), f.hardshipSelfCare(), respite);
    }

    /** A quote for an elder in the caller's jurisdiction. */
    @Transactional
    public Quote quote(long elderId, YearMonth month, List<QuoteLine> lines, Jurisdiction j) {
        requireMonth(month);
        List<FundingRule.Priced> priced = price(month, lines);
        return rule.quote(fundingProfile(elderId, month, j), month, priceDate(month), priced);
    }

    /** A quote for an explicit funding profile (a prospective client). */
    @Transactional(readOnly = true)
    public Quote quote(FundingProfile profile, YearMonth month, List<QuoteLine> lines) {
        requireMonth(month);
        List<FundingRule.Priced> priced = price(month, lines);
        if (profile == null) {
            throw ValidationException.of("economicCategory", "required", "a funding profile is required");
        }
        return rule.quote(profile, month, priceDate(month), priced);
    }

    private static void requireMonth(YearMonth month) {
        if (month == null) {
            throw ValidationException.of("month", "required", "month is required (yyyy-MM)");
        }
        if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
            throw ValidationException.of("month", "range", "month must lie between " + FIRST_MONTH + " and " + LAST_MONTH);
        }
    }

    /** Validates the lines (every problem named as {@code lines[i].field}) and prices them for the month. */
    private List<FundingRule.Priced> price(YearMonth month, List<QuoteLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw ValidationException.of("lines", "required", "at least one line is required");
        }
        if (lines.size() > MAX_LINES) {
            throw ValidationException.of("lines", "max", "at most " + MAX_LINES + " lines");
        }
        LocalDate on = priceDate(month);
        Violations v = new Violations();
        List<FundingRule.Priced> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine l = lines.get(i);
            String f = "lines[" + i + "]";
            if (l == null) {
                v.add(f, "required", "line is empty");
                continue;
            }
            ServiceItem item = null;
            if (l.itemCode() == null || l.itemCode().isBlank()) {
                v.add(f + ".itemCode", "required", "itemCode is required");
            } else {
                item = store.item(l.itemCode().trim(), on).orElse(null);
                if (item == null) {
                    v.add(f + ".itemCode", "unknown", "no service item " + l.itemCode() + " priced on " + on);
                } else if (!item.active()) {
                    v.add(f + ".itemCode", "withdrawn", "service item " + l.itemCode() + " is no longer offered");
                }
            }
            if (l.quantity() == null) {
                v.add(f + ".quantity", "required", "quantity is required");
            } else if (l.quantity() < 1) {
                v.add(f + ".quantity", "min", "quantity must be at least 1");
            } else if (l.quantity() > MAX_QUANTITY) {
                v.add(f + ".quantity", "max", "quantity must be at most " + MAX_QUANTITY + " a month");
            }
            if (item != null && item.active() && l.quantity() != null && l.quantity() >= 1 && l.quantity() <= MAX_QUANTITY) {
                out.add(new FundingRule.Priced(item, l.quantity()));
            }
        }
        v.throwIfAny();
        return out;
    }

    // ---------------------------------------------------------------- administration (CATALOGUE_ADMIN)

    @Transactional
    public ServiceItem createItem(ItemInput in, Jurisdiction j) {
        requireAdmin(j);
        Violations v = new Violations();
        String code = in == null || in.code() == null ? null : in.code().trim();
        if (code == null || code.isEmpty()) {
            v.add("code", "required", "code is required");
        } else if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            v.add("code", "format", "code is 2–40 upper-case letters, digits and underscores, starting with a letter");
        }
        CatalogueStore.ItemRow row = validate(in, code, v, 0);
        LocalDate from = in == null || in.priceEffectiveFrom() == null ? today() : in.priceEffectiveFrom();
        if (in != null) {
            requirePrice(in.unitPriceFen(), "unitPriceFen", v);
            v.require(!from.isBefore(today()), "priceEffectiveFrom", "past", "a new item's first price cannot start in the past");
        }
        v.throwIfAny();
        if (store.row(code).isPresent()) {
            throw new ConflictException("code", "service item " + code + " already exists");
        }
        try {
            store.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("code", "service item " + code + " already exists");
        }
        store.insertPrice(code, in.unitPriceFen(), from, "initial price", j.username());
        audit.record(j, AuditAction.CREATE, ITEM_SUBJECT, code, "all", null, "price " + in.unitPriceFen() + " fen from " + from);
        return store.item(code, from).orElseThrow();
    }

    /** Changes everything but the code and the price (prices are versions: {@link #schedulePrice}). */
    @Transactional
    public ServiceItem updateItem(String code, ItemInput in, Jurisdiction j) {
        requireAdmin(j);
        CatalogueStore.ItemRow current = store.rowForUpdate(code).orElseThrow(() -> new NotFoundException("service item", code));
        Violations v = new Violations();
        if (in != null && in.code() != null && !in.code().trim().equals(code)) {
            v.add("code", "immutable", "the code of an item cannot change");
        }
        if (in != null && in.unitPriceFen() != null) {
            v.add("unitPriceFen", "versioned", "prices change by scheduling a new price version, not by editing the item");
        }
        CatalogueStore.ItemRow row = validate(in, code, v, current.version());
        v.throwIfAny();
        if (in.version() != null && in.version() != current.version()) {
            throw new ConflictException("version", "the item was changed meanwhile (version " + current.version() + ")");
        }
        if (!store.update(row, current.version())) {
            throw new ConflictException("version", "the item was changed meanwhile");
        }
        audit.record(j, AuditAction.UPDATE, ITEM_SUBJECT, code, "item", null, null);
        return current(code);
    }

    /**
     * Schedules a new price from {@code effectiveFrom}, which must lie after today: a price in force is never changed,
     * so plans and bills made with it keep it.
     */
    @Transactional
    public PriceVersion schedulePrice(String code, Long unitPriceFen, LocalDate effectiveFrom, String note, Jurisdiction j) {
        requireAdmin(j);
        store.rowForUpdate(code).orElseThrow(() -> new NotFoundException("service item", code));
        Violations v = new Violations();
        requirePrice(unitPriceFen, "unitPriceFen", v);
        if (effectiveFrom == null) {
            v.add("effectiveFrom", "required", "effectiveFrom is required");
        } else if (!effectiveFrom.isAfter(today())) {
            v.add("effectiveFrom", "past", "a price change must take effect after today (" + today() + "); prices in force never change");
        } else if (effectiveFrom.isAfter(today().plusYears(5))) {
            v.add("effectiveFrom", "range", "a price change can be scheduled at most 5 years ahead");
        }
        v.require(note == null || note.length() <= 200, "note", "length", "note is at most 200 characters");
        v.throwIfAny();
        if (store.prices(code).stream().anyMatch(p -> p.effectiveFrom().equals(effectiveFrom))) {
            throw new ConflictException("effectiveFrom", "a price of " + code + " already takes effect on " + effectiveFrom + "; cancel it first");
        }
        long id = store.insertPrice(code, unitPriceFen, effectiveFrom, note == null || note.isBlank() ? null : note.trim(), j.username());
        audit.record(j, AuditAction.CREATE, PRICE_SUBJECT, id, "price", null, code + " " + unitPriceFen + " fen from " + effectiveFrom);
        return store.price(id).orElseThrow();
    }

    /** Cancels a scheduled price version that is not yet in force. */
    @Transactional
    public void cancelPrice(String code, long priceId, Jurisdiction j) {
        requireAdmin(j);
        store.rowForUpdate(code).orElseThrow(() -> new NotFoundException("service item", code));
        PriceVersion p = store.price(priceId).filter(x -> x.itemCode().equals(code))
                .orElseThrow(() -> new NotFoundException("price version", priceId));
        if (!p.effectiveFrom().isAfter(today())) {
            throw new ConflictException("effectiveFrom", "price version " + priceId + " is in force since " + p.effectiveFrom() + " and cannot be cancelled");
        }
        store.deletePrice(priceId);
        audit.record(j, AuditAction.DELETE, PRICE_SUBJECT, priceId, "price", null, code + " from " + p.effectiveFrom());
    }

    // ---------------------------------------------------------------- internals

    private CatalogueStore.ItemRow validate(ItemInput in, String code, Violations v, int version) {
        if (in == null) {
            v.add("body", "required", "an item is required");
            return null;
        }
        String nameZh = trim(in.nameZh());
        String nameEn = trim(in.nameEn());
        v.require(nameZh != null && nameZh.length() <= 80, "nameZh", nameZh == null ? "required" : "length", "Chinese name is required (at most 80 characters)");
        v.require(nameEn != null && nameEn.length() <= 120, "nameEn", nameEn == null ? "required" : "length", "English name is required (at most 120 characters)");
        String category = trim(in.category());
        if (category == null) {
            v.add("category", "required", "category is required");
        } else if (!store.categoryExists(category)) {
            v.add("category", "unknown", "no category " + category);
        }
        v.require(in.servicePackage() != null, "servicePackage", "required", "package is required (BASIC, UPGRADE, PERSONAL)");
        v.require(in.unit() != null, "unit", "required", "unit is required (VISIT, MEAL, HOUR, MONTH, TIME)");
        if (in.standardMinutes() == null) {
            v.add("standardMinutes", "required", "standard duration in minutes is required");
        } else {
            v.require(in.standardMinutes() >= 0 && in.standardMinutes() <= 1440, "standardMinutes", "range", "standard duration is 0–1440 minutes");
        }
        Entitlement ent = null;
        if ((in.entitlementQuantity() == null) != (in.entitlementPer() == null)) {
            v.add(in.entitlementQuantity() == null ? "entitlementQuantity" : "entitlementPer", "required",
                    "entitlement quantity and period go together (both empty = unlimited)");
        } else if (in.entitlementQuantity() != null) {
            if (in.entitlementQuantity() < 0 || in.entitlementQuantity() > 1000) {
                v.add("entitlementQuantity", "range", "entitlement is 0–1000 units per period");
            } else {
                ent = new Entitlement(in.entitlementQuantity(), in.entitlementPer());
            }
        }
        boolean respite = Boolean.TRUE.equals(in.respiteCare());
        v.require(!respite || in.unit() == ServiceUnit.HOUR, "respiteCare", "unit", "respite care is counted in hours (unit HOUR)");
        v.require(in.requiredQualification() != null, "requiredQualification", "required", "required qualification is required (NONE if none)");
        v.require(in.minCaregiverLevel() == null || in.requiredQualification() == Qualification.CAREGIVER, "minCaregiverLevel", "qualification",
                "a minimum caregiver level only applies to CAREGIVER items");
        String quality = trim(in.qualityStandard());
        v.require(quality != null && quality.length() <= 2000, "qualityStandard", quality == null ? "required" : "length",
                "quality standard is required (at most 2000 characters)");
        v.require(in.checks().size() <= 20, "checks", "max", "at most 20 checks");
        for (int i = 0; i < in.checks().size(); i++) {
            v.require(in.checks().get(i) != null, "checks[" + i + "]", "required", "check is empty");
        }
        if (!v.isEmpty()) {
            return null;
        }
        return new CatalogueStore.ItemRow(code, nameZh, nameEn, category, in.servicePackage(), in.unit(), in.standardMinutes(), ent, respite,
                in.requiredQualification(), in.minCaregiverLevel(), quality, in.checks(), in.active() == null || in.active(), version);
    }

    private static void requirePrice(Long fen, String field, Violations v) {
        if (fen == null) {
            v.add(field, "required", "unit price in fen is required");
        } else if (fen <= 0 || fen > 100_000_000) {
            v.add(field, "range", "unit price is 1 fen to 1,000,000 yuan");
        }
    }

    private void requireExists(String code) {
        if (code == null || store.row(code).isEmpty()) {
            throw new NotFoundException("service item", code);
        }
    }

    private static void requireAdmin(Jurisdiction j) {
        if (!j.can("CATALOGUE_ADMIN")) {
            throw new AccessDeniedException("maintaining the catalogue needs the CATALOGUE_ADMIN permission");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
