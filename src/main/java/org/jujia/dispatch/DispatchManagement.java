package org.jujia.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.catalogue.ServiceUnit;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.jujia.workforce.Caregiver;
import org.jujia.workforce.Eligibility;
import org.jujia.workforce.ShiftHours;
import org.jujia.workforce.Workforce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatch module's facade (PLATFORM.md §6): orders generated from care plans, booked by families and staff or
 * raised urgently; the provider's acceptance, refusal and assignment of caregivers; the street's moving of pending
 * and refused orders to another provider; cancellation.
 *
 * <p>Who sees which orders: provider operators (ORDER_MANAGE with an organisation) their provider's; street,
 * community and civil-affairs staff those of elders under their node; family members their linked elders'; caregivers
 * their own. An order outside that is "not found".
 */
@Service
public class DispatchManagement {

    private static final Logger log = LoggerFactory.getLogger(DispatchManagement.class);
    static final int MAX_NOTE = 500;
    static final String HOME_VISIT = "HOME_VISIT";

    private final OrderStore store;
    private final OrderGeneration generation;
    private final CarePlanManagement plans;
    private final ServiceCatalogue catalogue;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final Workforce workforce;
    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final DispatchProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    DispatchManagement(OrderStore store, OrderGeneration generation, CarePlanManagement plans, ServiceCatalogue catalogue, ElderRegistry elders,
            RegionDirectory regions, Workforce workforce, UserAccounts users, ApplicationEventPublisher events, DispatchProperties props,
            TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.generation = generation;
        this.plans = plans;
        this.catalogue = catalogue;
        this.elders = elders;
        this.regions = regions;
        this.workforce = workforce;
        this.users = users;
        this.events = events;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A booking: the elder, the catalogue item, the service date and window (local times within the day), the quantity
     * (1 for a visit; hours for an item sold by the hour) and a note for the caregiver.
     */
    public record BookingInput(Long elderId, String itemCode, LocalDate date, LocalTime windowFrom, LocalTime windowTo, Integer quantity, String note) {
    }

    /**
     * A caregiver of the order's provider as the assignment picker shows them: eligible? booked at that time? Is the visit
     * outside the hours of their shift ({@code shift}, from their staff record; overtime is the provider's call, so it
     * does not bar the assignment)?
     */
    public record CaregiverOption(long userId, String displayName, CaregiverLevel level, Set<Qualification> qualifications, Eligibility eligibility,
            boolean booked, Long clashingOrderId, boolean assignable, boolean current, ShiftHours shift, boolean offShift) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), OrderGeneration.ZONE);
    }

    public int horizonDays() {
        return props.horizonDays();
    }

    // ------------------------------------------------------------------ reads

    /** Orders the caller may see, by service date, most urgent first within a day. */
    public List<Order> list(OrderQuery q, Jurisdiction j) {
        return store.list(q, scope(j), props.maxList());
    }

    /** Orders per status the caller may see (the query's statuses are ignored). */
    public Map<OrderStatus, Long> counts(OrderQuery q, Jurisdiction j) {
        return store.counts(q, scope(j));
    }

    public Order get(long id, Jurisdiction j) {
        Order o = store.find(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!visible(o, j)) {
            throw new NotFoundException("order", id);
        }
        return o;
    }

    /** Who did what to the order, oldest first. */
    public List<OrderEvent> history(long id, Jurisdiction j) {
        get(id, j);
        return store.history(id);
    }

    /** The provider's caregivers with their eligibility for the order and whether they are booked at its time (eligible and free first). */
    public List<CaregiverOption> eligibleCaregivers(long id, Jurisdiction j) {
        Order o = get(id, j);
        requireManage(o, j);
        List<Caregiver> all = workforce.ofProvider(o.providerId());
        Map<Long, Order> clashes = store.assignedOverlapping(all.stream().map(Caregiver::userId).toList(), o.windowStart(), o.busyUntil()).stream()
                .filter(c -> c.id() != o.id()).collect(Collectors.toMap(c -> c.caregiverUserId(), c -> c, (a, b) -> a));
        List<CaregiverOption> out = new ArrayList<>();
        List<Long> userIds = all.stream().map(Caregiver::userId).toList();
        Map<Long, Eligibility> eligibility = workforce.assignability(userIds, o.requiredQualification(), o.minCaregiverLevel(),
                AssignmentPolicy.serviceDate(o));
        Map<Long, ShiftHours> shifts = workforce.shiftHours(userIds);
        java.time.LocalTime from = o.windowStart().atZone(OrderGeneration.ZONE).toLocalTime();
        long busy = java.time.Duration.between(o.windowStart(), o.busyUntil()).toSeconds();
        for (Caregiver c : all) {
            Eligibility e = eligibility.get(c.userId());
            Order clash = clashes.get(c.userId());
            boolean current = o.caregiverUserId() != null && o.caregiverUserId() == c.userId();
            ShiftHours shift = shifts.get(c.userId());
            boolean offShift = shift != null && !shift.covers(from, busy);
            out.add(new CaregiverOption(c.userId(), c.displayName(), c.level(), c.qualifications(), e, clash != null,
                    clash == null ? null : clash.id(), e.eligible() && clash == null && !current, current, shift, offShift));
        }
        out.sort(Comparator.comparing((CaregiverOption c) -> !c.assignable()).thenComparing(c -> !c.eligibility().eligible())
                .thenComparing(CaregiverOption::offShift).thenComparing(CaregiverOption::displayName));
        return out;
    }

    private Eligibility eligibility(Order o, long caregiverUserId) {
        return workforce.assignability(caregiverUserId, o.requiredQualification(), o.minCaregiverLevel(), AssignmentPolicy.serviceDate(o));
    }

    /** Active service providers the caller may move an order to (street side). */
    public List<Organisation> providers(Jurisdiction j) {
        return regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, j).stream().filter(Organisation::active).toList();
    }

    // ------------------------------------------------------------------ provider side (ORDER_MANAGE)

    @Transactional
    public Order accept(long id, Jurisdiction j) {
        Order o = loadForUpdate(id, j);
        requireManage(o, j);
        return save(o, o.accept(), j, "ACCEPTED", null);
    }

    /** Accepts every pending order of the list the caller manages; answers those accepted (others are skipped). */
    @Transactional
    public List<Order> acceptAll(List<Long> ids, Jurisdiction j) {
        if (ids == null || ids.isEmpty()) {
            throw ValidationException.of("ids", "required", "choose the orders to accept");
        }
        if (ids.size() > 500) {
            throw ValidationException.of("ids", "size", "at most 500 orders at once");
        }
        List<Order> out = new ArrayList<>();
        for (Long id : ids.stream().distinct().sorted().toList()) {
            Order o = loadForUpdate(id, j);
            requireManage(o, j);
            if (o.status() == OrderStatus.PENDING) {
                out.add(save(o, o.accept(), j, "ACCEPTED", "bulk"));
            }
        }
        return out;
    }

    @Transactional
    public Order refuse(long id, String reason, Jurisdiction j) {
        Order o = loadForUpdate(id, j);
        requireManage(o, j);
        Order after = o.refuse(reason);
        Order saved = save(o, after, j, "REFUSED", after.refusalReason());
        if (o.caregiverUserId() != null) {
            events.publishEvent(new OrderUnassigned(o.id(), o.elderId(), o.caregiverUserId(), "refused: " + after.refusalReason(), clock.instant()));
        }
        return saved;
    }

    /**
     * Assigns (or reassigns) a caregiver of the order's provider. Refused (naming {@code caregiverUserId}) when the
     * caregiver is of another provider, not eligible for the item (which reason), or already has an assigned order
     * overlapping this one's planned time.
     */
    @Transactional
    public Order assign(long id, Long caregiverUserId, Jurisdiction j) {
        if (caregiverUserId == null) {
            throw ValidationException.of("caregiverUserId", "required", "choose the caregiver");
        }
        Order o = loadForUpdate(id, j);
        requireManage(o, j);
        store.lockCaregiver(caregiverUserId);
        Optional<Caregiver> caregiver = workforce.caregiver(caregiverUserId);
        var verdict = AssignmentPolicy.check(o, caregiver, eligibility(o, caregiverUserId), store.assignedOverlapping(List.of(caregiverUserId), o.windowStart(), o.busyUntil()));
        if (!verdict.allowed()) {
            if (verdict.refusal() == AssignmentPolicy.Refusal.NOT_A_CAREGIVER || verdict.refusal() == AssignmentPolicy.Refusal.OTHER_PROVIDER) {
                throw ValidationException.of("caregiverUserId", verdict.refusal().name(), verdict.message());
            }
            throw new ConflictException("caregiverUserId", verdict.refusal() + ": " + verdict.message());
        }
        Caregiver c = caregiver.get();
        Order after = o.assign(c.userId(), c.displayName());
        Order saved = save(o, after, j, "ASSIGNED", c.displayName() + " (" + c.userId() + ")"
                + (o.caregiverUserId() == null ? "" : ", was " + o.caregiverName() + " (" + o.caregiverUserId() + ")"));
        Instant now = clock.instant();
        events.publishEvent(new OrderAssigned(o.id(), o.elderId(), o.regionPath(), o.itemCode(), o.providerId(), c.userId(), o.caregiverUserId(),
                o.priority(), o.windowStart(), o.windowEnd(), o.durationMinutes(), o.unitPriceFen(), o.quantity(), o.carePlanId(), now));
        return saved;
    }

    /**
     * The platform keeps a caregiver on the order that replaces one of a superseded plan version (same provider, item
     * and start): the order is accepted and assigned as if the provider had done it, when the caregiver is still
     * eligible and free — otherwise it stays PENDING for the provider. Answers whether the caregiver was kept.
     */
    @Transactional
    boolean carryOver(long orderId, long caregiverUserId, String cause) {
        Order o = store.findForUpdate(orderId).orElse(null);
        if (o == null || o.status() != OrderStatus.PENDING) {
            return false;
        }
        store.lockCaregiver(caregiverUserId);
        Optional<Caregiver> caregiver = workforce.caregiver(caregiverUserId);
        if (!AssignmentPolicy.check(o, caregiver, eligibility(o, caregiverUserId), store.assignedOverlapping(List.of(caregiverUserId), o.windowStart(), o.busyUntil())).allowed()) {
            return false;
        }
        Caregiver c = caregiver.get();
        Jurisdiction system = Jurisdiction.system("/");
        Instant now = clock.instant();
        store.event(o.id(), now, system.username(), "ACCEPTED", "carried over from " + cause);
        save(o, o.accept().assign(c.userId(), c.displayName()), system, "ASSIGNED", c.displayName() + " (" + c.userId() + "), kept from the "
                + "superseded plan version");
        events.publishEvent(new OrderAssigned(o.id(), o.elderId(), o.regionPath(), o.itemCode(), o.providerId(), c.userId(), null, o.priority(),
                o.windowStart(), o.windowEnd(), o.durationMinutes(), o.unitPriceFen(), o.quantity(), o.carePlanId(), now));
        return true;
    }

    @Transactional
    public Order unassign(long id, String reason, Jurisdiction j) {
        Order o = loadForUpdate(id, j);
        requireManage(o, j);
        String why = reason == null || reason.isBlank() ? "unassigned" : reason.trim();
        if (why.length() > Order.MAX_REASON) {
            throw ValidationException.of("reason", "length", "the reason is at most " + Order.MAX_REASON + " characters");
        }
        Order saved = save(o, o.unassign(), j, "UNASSIGNED", o.caregiverName() + " (" + o.caregiverUserId() + "): " + why);
        events.publishEvent(new OrderUnassigned(o.id(), o.elderId(), o.caregiverUserId(), why, clock.instant()));
        return saved;
    }

    // ------------------------------------------------------------------ street side (ORDER_REASSIGN)

    /** Moves a pending or refused order to another active service provider; it awaits that provider's acceptance. */
    @Transactional
    public Order reassign(long id, Long providerId, String reason, Jurisdiction j) {
        if (!j.can("ORDER_REASSIGN")) {
            throw new AccessDeniedException("moving orders between providers needs the ORDER_REASSIGN permission");
        }
        Order o = loadForUpdate(id, j);
        if (providerId == null) {
            throw ValidationException.of("providerId", "required", "choose the provider");
        }
        Organisation p = regions.findOrganisation(providerId)
                .filter(x -> x.type() == OrganisationType.SERVICE_PROVIDER && x.active())
                .orElseThrow(() -> ValidationException.of("providerId", "notProvider", "no active service provider " + providerId));
        if (regions.qualificationRevoked(p.id())) {
            throw ValidationException.of("providerId", "providerRevoked", "provider " + p.name() + " has lost its operating qualification");
        }
        Order after = o.moveTo(p.id(), p.name(), reason);
        Order saved = save(o, after, j, "MOVED", o.providerName() + " → " + p.name() + ": " + reason.trim());
        if (o.caregiverUserId() != null) {
            events.publishEvent(new OrderUnassigned(o.id(), o.elderId(), o.caregiverUserId(), "moved to provider " + p.id(), clock.instant()));
        }
        return saved;
    }

    // ------------------------------------------------------------------ cancellation

    /**
     * Cancels an order: provider operators (their provider's), street staff (their jurisdiction), or whoever booked it
     * (a family member their own booking) before its window opens.
     */
    @Transactional
    public Order cancel(long id, String reason, Jurisdiction j) {
        Order o = loadForUpdate(id, j);
        boolean staff = (j.can("ORDER_MANAGE") && Optional.ofNullable(operatorProvider(j)).map(p -> p == o.providerId()).orElse(false))
                || (j.can("ORDER_REASSIGN") && !j.familyOnly());
        boolean booker = o.bookedByUserId() != null && o.bookedByUserId() == j.userId();
        if (!staff) {
            if (!booker) {
                throw new AccessDeniedException("only staff, or whoever booked the order, may cancel it");
            }
            if (!o.notStartedAt(clock.instant())) {
                throw new ConflictException("status", "order " + id + " has started; it can no longer be cancelled by the family");
            }
        }
        Order after = o.cancel(reason);
        Order saved = save(o, after, j, "CANCELLED", after.cancelReason());
        events.publishEvent(new OrderCancelled(o.id(), o.elderId(), o.caregiverUserId(), after.cancelReason(), clock.instant()));
        return saved;
    }

    // ------------------------------------------------------------------ bookings

    /**
     * A booking by a family member (their linked elder, BOOKING source) or staff (an elder under their node, STAFF
     * source): an active item delivered by a visit, on a date from today to {@code booking-days-ahead} days ahead
     * (provider and street staff may also record up to {@code backdate-days} back), a window within the day; priced at
     * the catalogue price in force on the service date; for the operator's own provider (provider staff), else the
     * elder's care-plan provider, else the street's.
     * Every bad field is named in one problem.
     */
    @Transactional
    public Order book(BookingInput in, Jurisdiction j) {
        if (!j.can("BOOKING_CREATE")) {
            throw new AccessDeniedException("booking services needs the BOOKING_CREATE permission");
        }
        if (in == null) {
            throw ValidationException.of("elderId", "required", "the booking is empty");
        }
        Violations v = new Violations();
        ElderRef elder = null;
        if (in.elderId() == null) {
            v.add("elderId", "required", "choose the elder");
        } else {
            elder = elders.find(in.elderId(), j).orElse(null);
            if (elder == null || (j.familyOnly() && !elders.linkedElderIds(j).contains(in.elderId()))) {
                elder = null;
                v.add("elderId", "unknown", "no elder " + in.elderId() + " you may book for");
            } else if (elder.status() != ElderStatus.ACTIVE) {
                v.add("elderId", "inactive", "elder " + in.elderId() + " is " + elder.status());
                elder = null;
            }
        }
        LocalDate today = today();
        boolean backdate = !j.familyOnly() && (j.can("ORDER_MANAGE") || j.can("ORDER_REASSIGN"));
        LocalDate earliest = backdate ? today.minusDays(props.backdateDays()) : today;
        LocalDate latest = today.plusDays(props.bookingDaysAhead());
        if (in.date() == null) {
            v.add("date", "required", "choose the service date");
        } else if (in.date().isBefore(earliest) || in.date().isAfter(latest)) {
            v.add("date", "range", "the service date must lie between " + earliest + " and " + latest);
        }
        ServiceItem item = null;
        if (in.itemCode() == null || in.itemCode().isBlank()) {
            v.add("itemCode", "required", "choose the service item");
        } else {
            item = catalogue.find(in.itemCode().trim(), in.date() == null ? today : in.date()).orElse(null);
            if (item == null) {
                v.add("itemCode", "unknown", "no service item " + in.itemCode() + " priced on that day");
            } else if (!item.active()) {
                v.add("itemCode", "withdrawn", "service item " + item.code() + " is no longer offered");
                item = null;
            } else if (!OrderSchedule.deliveredByVisit(item)) {
                v.add("itemCode", "notBookable", "service item " + item.code() + " is not delivered by a visit");
                item = null;
            }
        }
        if (in.windowFrom() == null) {
            v.add("windowFrom", "required", "give the start of the window");
        }
        if (in.windowTo() == null) {
            v.add("windowTo", "required", "give the end of the window");
        } else if (in.windowFrom() != null && !in.windowTo().isAfter(in.windowFrom())) {
            v.add("windowTo", "order", "the window must end after it starts, within the same day");
        }
        Instant start = null;
        Instant end = null;
        if (in.date() != null && in.windowFrom() != null && in.windowTo() != null && in.windowTo().isAfter(in.windowFrom())) {
            start = in.date().atTime(in.windowFrom()).atZone(OrderGeneration.ZONE).toInstant();
            end = in.date().atTime(in.windowTo()).atZone(OrderGeneration.ZONE).toInstant();
            if (!backdate && !end.isAfter(clock.instant())) {
                v.add("windowTo", "past", "the window has already passed");
            }
        }
        int quantity = in.quantity() == null ? 1 : in.quantity();
        if (quantity < 1) {
            v.add("quantity", "min", "quantity must be at least 1");
        } else if (item != null && item.unit() != ServiceUnit.HOUR && quantity != 1) {
            v.add("quantity", "perVisit", "one visit of " + item.code() + " is one unit; book several visits for more");
        } else if (quantity > 12) {
            v.add("quantity", "max", "at most 12 hours in one visit");
        }
        if (in.note() != null && in.note().length() > MAX_NOTE) {
            v.add("note", "length", "the note is at most " + MAX_NOTE + " characters");
        }
        Organisation provider = null;
        if (elder != null) {
            // a provider operator records orders for their own provider; anyone else books with the elder's provider
            Long own = j.can("ORDER_MANAGE") ? operatorProvider(j) : null;
            provider = (own != null ? regions.findOrganisation(own).filter(Organisation::active) : providerFor(elder)).orElse(null);
            if (provider == null) {
                v.add("elderId", "noProvider", "no service provider serves the elder's street");
            } else if (regions.qualificationRevoked(provider.id())) {
                // a revoked provider gets no new orders (settlement's budget rule); the street assigns another provider
                v.add("elderId", "providerRevoked", "the elder's service provider " + provider.name()
                        + " has lost its operating qualification; the street must assign another provider");
            }
        }
        v.throwIfAny();
        int minutes = item.unit() == ServiceUnit.HOUR ? quantity * 60 : item.standardMinutes();
        OrderSource source = j.familyOnly() ? OrderSource.BOOKING : OrderSource.STAFF;
        String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
        var order = new OrderStore.NewOrder(elder.id(), elder.name(), elder.regionPath(), item.code(), item.nameZh(), in.date(), start, end, minutes,
                quantity, item.unitPriceFen(), item.requiredQualification(), item.minCaregiverLevel(), OrderPriority.of(elder.careColour()),
                provider.id(), source, null, null, null, note, null, null, j.userId());
        return created(order, j.username(), source == OrderSource.BOOKING ? "booked" : "booked by staff");
    }

    // ------------------------------------------------------------------ urgent visits and generation (the platform itself)

    /**
     * An URGENT home visit to the elder for the elder's provider, in a window from now: once per reference, and at most
     * one open urgent order per elder and reason. Empty when one already exists (or the elder cannot be served).
     */
    @Transactional
    public Optional<Order> requestUrgentVisit(UrgentVisitRequested e) {
        if (store.byUrgentReference(e.reference()).isPresent() || store.openUrgent(e.elderId(), e.reason()).isPresent()) {
            return Optional.empty();
        }
        ElderRef elder = elders.find(e.elderId(), Jurisdiction.system("/")).filter(x -> x.status() == ElderStatus.ACTIVE).orElse(null);
        ServiceItem item = catalogue.find(HOME_VISIT, today()).orElse(null);
        Organisation provider = elder == null ? null : providerFor(elder).orElse(null);
        if (elder == null || item == null || provider == null) {
            log.warn("Urgent visit for elder {} ({}) not ordered: {}", e.elderId(), e.reason(),
                    elder == null ? "no active elder" : item == null ? "no HOME_VISIT item" : "no provider");
            return Optional.empty();
        }
        Instant now = clock.instant();
        String note = e.note() == null ? e.reason() : (e.reason() + ": " + e.note());
        var order = new OrderStore.NewOrder(elder.id(), elder.name(), elder.regionPath(), item.code(), item.nameZh(), today(), now,
                now.plus(props.urgentWindow()), item.standardMinutes(), 1, item.unitPriceFen(), item.requiredQualification(), item.minCaregiverLevel(),
                OrderPriority.URGENT, provider.id(), OrderSource.URGENT, null, null, null, note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note,
                e.reason(), e.reference(), null);
        Optional<Long> id = store.insert(order, now, OrderGeneration.SYSTEM);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        store.event(id.get(), now, OrderGeneration.SYSTEM, "CREATED", "urgent: " + e.reason() + " (" + e.reference() + ")");
        Order o = store.find(id.get()).orElseThrow();
        publishCreated(o, now);
        return Optional.of(o);
    }

    /**
     * Generates the orders of a plan for service dates {@code from}..{@code to} (idempotent), skipping occurrences
     * whose window ended before {@code notEndingBefore}. For the platform itself (demo data, benchmarks, jobs).
     */
    public int generate(long planId, LocalDate from, LocalDate to, Instant notEndingBefore) {
        CarePlan plan = plans.plan(planId).orElseThrow(() -> new NotFoundException("care plan", planId));
        return generation.generate(plan, from, to, notEndingBefore);
    }

    /** Extends every active plan's orders to the horizon (today + horizon-days − 1), one transaction per plan; answers orders created. */
    public int extendHorizon() {
        LocalDate from = today();
        LocalDate to = from.plusDays(props.horizonDays() - 1L);
        Instant now = clock.instant();
        int created = 0;
        long after = 0;
        while (true) {
            List<CarePlan> page = plans.activePlans(after, 200);
            if (page.isEmpty()) {
                break;
            }
            for (CarePlan p : page) {
                try {
                    created += generation.generate(p, from, to, now);
                } catch (RuntimeException ex) {
                    log.warn("Orders of care plan {} not generated: {}", p.id(), ex.toString());
                }
                after = p.id();
            }
        }
        return created;
    }

    // ------------------------------------------------------------------ helpers

    /** The elder's provider: the provider of the plan in force, else the service provider of the elder's street (the nearest node above). */
    Optional<Organisation> providerFor(ElderRef elder) {
        Optional<Organisation> planned = plans.activePlanOf(elder.id()).flatMap(p -> regions.findOrganisation(p.providerId()))
                .filter(Organisation::active);
        if (planned.isPresent()) {
            return planned;
        }
        Organisation best = null;
        int bestDepth = -1;
        for (Organisation o : regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, Jurisdiction.system("/"))) {
            if (!o.active()) {
                continue;
            }
            String path = regions.find(o.nodeId()).map(Region::path).orElse(null);
            if (path != null && elder.regionPath().startsWith(path) && path.length() > bestDepth) {
                best = o;
                bestDepth = path.length();
            }
        }
        return Optional.ofNullable(best);
    }

    private Order created(OrderStore.NewOrder order, String by, String what) {
        Instant now = clock.instant();
        long id = store.insert(order, now, by).orElseThrow(() -> new ConflictException("order", "the order exists already"));
        store.event(id, now, by, "CREATED", what);
        Order o = store.find(id).orElseThrow();
        publishCreated(o, now);
        return o;
    }

    private void publishCreated(Order o, Instant now) {
        events.publishEvent(new OrderCreated(o.id(), o.elderId(), o.itemCode(), o.providerId(), o.source(), o.priority(), o.windowStart(),
                o.windowEnd(), o.durationMinutes(), o.carePlanId(), now));
    }

    private Order save(Order before, Order after, Jurisdiction j, String action, String detail) {
        Instant now = clock.instant();
        store.update(before, after, now);
        store.event(before.id(), now, j.username(), action, detail);
        return store.find(before.id()).orElseThrow();
    }

    private Order loadForUpdate(long id, Jurisdiction j) {
        Order o = store.findForUpdate(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!visible(o, j)) {
            throw new NotFoundException("order", id);
        }
        return o;
    }

    private void requireManage(Order o, Jurisdiction j) {
        if (!j.can("ORDER_MANAGE")) {
            throw new AccessDeniedException("managing orders needs the ORDER_MANAGE permission");
        }
        Long provider = operatorProvider(j);
        if (provider == null || provider != o.providerId()) {
            throw new AccessDeniedException("order " + o.id() + " belongs to another provider");
        }
    }

    /** The provider an operator works for (their account's organisation), or null. */
    Long operatorProvider(Jurisdiction j) {
        if (j.userId() == 0) {
            return null;
        }
        return users.findByUsername(j.username()).map(UserAccount::organisationId).orElse(null);
    }

    private boolean visible(Order o, Jurisdiction j) {
        OrderQuery.Scope s = scope(j);
        return o.regionPath().startsWith(s.regionLike().substring(0, s.regionLike().length() - 1))
                && (s.providerId() == null || s.providerId() == o.providerId())
                && (s.caregiverUserId() == null || s.caregiverUserId().equals(o.caregiverUserId()))
                && (s.elderIds() == null || s.elderIds().contains(o.elderId()));
    }

    /** What the caller may see (see the class comment). */
    OrderQuery.Scope scope(Jurisdiction j) {
        if (j.familyOnly()) {
            return new OrderQuery.Scope(j.likePattern(), null, null, elders.linkedElderIds(j));
        }
        if (j.can("ORDER_MANAGE") && !j.can("ORDER_REASSIGN")) {
            Long provider = operatorProvider(j);
            if (provider != null) {
                return new OrderQuery.Scope("/%", provider, null, null);
            }
        }
        if (j.can("ORDER_READ")) {
            return new OrderQuery.Scope(j.likePattern(), null, null, null);
        }
        if (j.can("VISIT_PERFORM")) {
            return new OrderQuery.Scope("/%", null, j.userId(), null);
        }
        throw new AccessDeniedException("reading orders needs the ORDER_READ permission");
    }
}
