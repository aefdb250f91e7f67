package org.jujia.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jujia.catalogue.Quote;
import org.jujia.catalogue.QuoteLine;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Money;
import org.jujia.shared.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of dispatch: the order board for the coming two weeks (filters by date, status and priority, red
 * first; accept, refuse, bulk accept), the order page with its history and the caregiver picker (eligibility and
 * clashes shown), the street's refused orders with "move to provider", and the staff booking form that shows the
 * quote before booking.
 */
@Controller
@PreAuthorize("hasAnyAuthority('PERM_ORDER_READ', 'PERM_VISIT_PERFORM')")
class OrderConsoleController {

    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(OrderGeneration.ZONE);
    static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(OrderGeneration.ZONE);

    private final DispatchManagement dispatch;
    private final ServiceCatalogue catalogue;

    OrderConsoleController(DispatchManagement dispatch, ServiceCatalogue catalogue) {
        this.dispatch = dispatch;
        this.catalogue = catalogue;
    }

    /** Formatting helpers for the templates: yuan from fen, times in Asia/Shanghai. */
    public static final class Fmt {
        public String yuan(long fen) {
            return new Money(fen).toYuanString();
        }

        public String window(Order o) {
            String end = o.windowEnd().atZone(OrderGeneration.ZONE).toLocalDate().equals(o.serviceDate()) ? HM.format(o.windowEnd())
                    : DAY_HM.format(o.windowEnd());
            return HM.format(o.windowStart()) + "–" + end;
        }

        public String time(Instant i) {
            return i == null ? "—" : DAY_HM.format(i);
        }
    }

    @ModelAttribute("fmt")
    Fmt fmt() {
        return new Fmt();
    }

    // ------------------------------------------------------------------ board

    @GetMapping("/orders")
    String board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) OrderStatus status, @RequestParam(required = false) OrderPriority priority, Jurisdiction j,
            Model model) {
        LocalDate today = dispatch.today();
        LocalDate f = from == null ? today : from;
        LocalDate t = to == null ? today.plusDays(dispatch.horizonDays() - 1L) : to;
        if (t.isBefore(f)) {
            t = f;
        }
        Set<OrderStatus> statuses = status == null ? EnumSet.of(OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.ASSIGNED, OrderStatus.REFUSED)
                : EnumSet.of(status);
        OrderQuery q = new OrderQuery(f, t, statuses, priority, null, null, null);
        model.addAttribute("orders", dispatch.list(q, j));
        model.addAttribute("counts", dispatch.counts(q, j));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("status", status);
        model.addAttribute("priority", priority);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("priorities", OrderPriority.values());
        model.addAttribute("manage", j.can("ORDER_MANAGE") && dispatch.operatorProvider(j) != null);
        return "dispatch/board";
    }

    @PostMapping("/orders/accept")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    String acceptAll(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam(required = false) String back, Jurisdiction j,
            RedirectAttributes flash) {
        try {
            int n = dispatch.acceptAll(ids, j).size();
            flash.addFlashAttribute("flashOk", n);
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + safeBack(back, "/orders");
    }

    // ------------------------------------------------------------------ one order

    @GetMapping("/orders/{id}")
    String order(@PathVariable long id, Jurisdiction j, Model model) {
        Order o = dispatch.get(id, j);
        model.addAttribute("order", o);
        model.addAttribute("history", dispatch.history(id, j));
        boolean manage = j.can("ORDER_MANAGE") && dispatch.operatorProvider(j) != null && dispatch.operatorProvider(j) == o.providerId();
        model.addAttribute("manage", manage);
        model.addAttribute("options", manage && (o.status() == OrderStatus.ACCEPTED || o.status() == OrderStatus.ASSIGNED)
                ? dispatch.eligibleCaregivers(id, j) : List.of());
        boolean move = j.can("ORDER_REASSIGN") && (o.status() == OrderStatus.PENDING || o.status() == OrderStatus.REFUSED);
        model.addAttribute("move", move);
        model.addAttribute("providers", move ? dispatch.providers(j).stream().filter(p -> p.id() != o.providerId()).toList() : List.of());
        model.addAttribute("cancel", o.status().open() && (manage || (j.can("ORDER_REASSIGN") && !j.familyOnly())
                || (o.bookedByUserId() != null && o.bookedByUserId() == j.userId() && o.windowStart().isAfter(Instant.now()))));
        return "dispatch/order";
    }

    @PostMapping("/orders/{id}/accept")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    String accept(@PathVariable long id, @RequestParam(required = false) String back, Jurisdiction j, RedirectAttributes flash) {
        return act(id, back, flash, () -> dispatch.accept(id, j));
    }

    @PostMapping("/orders/{id}/refuse")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) String back, Jurisdiction j,
            RedirectAttributes flash) {
        return act(id, back, flash, () -> dispatch.refuse(id, reason, j));
    }

    @PostMapping("/orders/{id}/assign")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    String assign(@PathVariable long id, @RequestParam(required = false) Long caregiverUserId, Jurisdiction j, RedirectAttributes flash) {
        return act(id, null, flash, () -> dispatch.assign(id, caregiverUserId, j));
    }

    @PostMapping("/orders/{id}/unassign")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    String unassign(@PathVariable long id, @RequestParam(required = false) String reason, Jurisdiction j, RedirectAttributes flash) {
        return act(id, null, flash, () -> dispatch.unassign(id, reason, j));
    }

    @PostMapping("/orders/{id}/reassign")
    @PreAuthorize("hasAuthority('PERM_ORDER_REASSIGN')")
    String reassign(@PathVariable long id, @RequestParam(required = false) Long providerId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back, Jurisdiction j, RedirectAttributes flash) {
        return act(id, back, flash, () -> dispatch.reassign(id, providerId, reason, j));
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Jurisdiction j, RedirectAttributes flash) {
        return act(id, null, flash, () -> dispatch.cancel(id, reason, j));
    }

    // ------------------------------------------------------------------ street: refused orders

    @GetMapping("/orders/refused")
    @PreAuthorize("hasAuthority('PERM_ORDER_REASSIGN')")
    String refused(Jurisdiction j, Model model) {
        LocalDate today = dispatch.today();
        model.addAttribute("orders", dispatch.list(new OrderQuery(today.minusDays(1), today.plusDays(dispatch.horizonDays() + 60L),
                EnumSet.of(OrderStatus.REFUSED), null, null, null, null), j));
        model.addAttribute("providers", dispatch.providers(j));
        return "dispatch/refused";
    }

    // ------------------------------------------------------------------ staff booking

    @GetMapping("/orders/book")
    @PreAuthorize("hasAuthority('PERM_BOOKING_CREATE')")
    String bookForm(@RequestParam(required = false) Long elderId, Model model) {
        model.addAttribute("items", bookable());
        model.addAttribute("elderId", elderId);
        model.addAttribute("date", dispatch.today().plusDays(1));
        return "dispatch/book";
    }

    /** The quote of the booking as entered (htmx): the price and who pays it, before booking. */
    @PostMapping("/orders/book/quote")
    @PreAuthorize("hasAuthority('PERM_BOOKING_CREATE')")
    String quote(@RequestParam(required = false) Long elderId, @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Integer quantity, Jurisdiction j, Model model) {
        try {
            if (elderId == null || itemCode == null || itemCode.isBlank() || date == null) {
                throw ValidationException.of("itemCode", "required", "choose the elder, the item and the date");
            }
            Quote q = catalogue.quote(elderId, YearMonth.from(date), List.of(new QuoteLine(itemCode, quantity == null ? 1 : quantity)), j);
            model.addAttribute("quote", q);
        } catch (ValidationException | ConflictException | org.jujia.shared.NotFoundException e) {
            model.addAttribute("quoteError", e.getMessage());
        }
        return "dispatch/book :: quote";
    }

    @PostMapping("/orders/book")
    @PreAuthorize("hasAuthority('PERM_BOOKING_CREATE')")
    String book(@RequestParam(required = false) Long elderId, @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) LocalTime windowFrom, @RequestParam(required = false) LocalTime windowTo,
            @RequestParam(required = false) Integer quantity, @RequestParam(required = false) String note, Jurisdiction j, Model model,
            RedirectAttributes flash) {
        try {
            Order o = dispatch.book(new DispatchManagement.BookingInput(elderId, itemCode, date, windowFrom, windowTo, quantity, note), j);
            flash.addFlashAttribute("flashBooked", true);
            return "redirect:/orders/" + o.id();
        } catch (ValidationException e) {
            model.addAttribute("errors", e.violations());
        }
        model.addAttribute("items", bookable());
        model.addAttribute("elderId", elderId);
        model.addAttribute("itemCode", itemCode);
        model.addAttribute("date", date);
        model.addAttribute("windowFrom", windowFrom);
        model.addAttribute("windowTo", windowTo);
        model.addAttribute("quantity", quantity);
        model.addAttribute("note", note);
        return "dispatch/book";
    }

    // ------------------------------------------------------------------ helpers

    private List<ServiceItem> bookable() {
        return catalogue.items(dispatch.today()).stream().filter(OrderSchedule::deliveredByVisit).toList();
    }

    private String act(long id, String back, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("flashOk", 1);
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", e.violations().stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                    .orElse(e.getMessage()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + safeBack(back, "/orders/" + id);
    }

    /** Only local paths are followed back to. */
    static String safeBack(String back, String fallback) {
        return back != null && back.startsWith("/") && !back.startsWith("//") ? back : fallback;
    }
}
