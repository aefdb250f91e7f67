package org.jujia.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jujia.shared.Jurisdiction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders", description = "Service orders from care plans, bookings, staff and urgent requests; acceptance, assignment, reassignment")
class OrderApiController {

    private final DispatchManagement dispatch;

    OrderApiController(DispatchManagement dispatch) {
        this.dispatch = dispatch;
    }

    /** A reason (refusal, cancellation, unassignment). */
    record Reason(String reason) {
    }

    /** The caregiver to assign. */
    record Assignment(Long caregiverUserId) {
    }

    /** The provider to move an order to, and why. */
    record Move(Long providerId, String reason) {
    }

    /** Orders to accept at once. */
    record Ids(List<Long> ids) {
    }

    /** An order with its history. */
    record Detail(Order order, List<OrderEvent> history) {
    }

    @GetMapping("/api/v1/orders")
    @PreAuthorize("hasAnyAuthority('PERM_ORDER_READ', 'PERM_VISIT_PERFORM')")
    @Operation(summary = "Orders I may see by service date (from/to inclusive), most urgent first within a day",
            description = "Provider operators see their provider's orders, street/community/civil-affairs staff those under their node, family "
                    + "members their elder's, caregivers their own. Example: /api/v1/orders?from=2026-12-03&to=2026-12-16&status=PENDING")
    List<Order> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Set<OrderStatus> status, @RequestParam(required = false) OrderPriority priority,
            @RequestParam(required = false) Long providerId, @RequestParam(required = false) Long elderId,
            @RequestParam(required = false) Long caregiverUserId, Jurisdiction j) {
        return dispatch.list(new OrderQuery(from, to, status, priority, providerId, elderId, caregiverUserId), j);
    }

    @GetMapping("/api/v1/orders/{id}")
    @PreAuthorize("hasAnyAuthority('PERM_ORDER_READ', 'PERM_VISIT_PERFORM')")
    @Operation(summary = "One order with its history (who did what, when)")
    Detail get(@PathVariable long id, Jurisdiction j) {
        return new Detail(dispatch.get(id, j), dispatch.history(id, j));
    }

    @GetMapping("/api/v1/orders/{id}/eligible-caregivers")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    @Operation(summary = "The provider's caregivers with their eligibility for the order and whether they are booked at its time")
    List<DispatchManagement.CaregiverOption> eligible(@PathVariable long id, Jurisdiction j) {
        return dispatch.eligibleCaregivers(id, j);
    }

    @PostMapping("/api/v1/orders/{id}/accept")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    @Operation(summary = "The provider accepts a pending order")
    Order accept(@PathVariable long id, Jurisdiction j) {
        return dispatch.accept(id, j);
    }

    @PostMapping("/api/v1/orders/accept")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    @Operation(summary = "Accept several pending orders at once", description = "Example: {\"ids\": [101, 102, 103]}; orders no longer pending are skipped")
    List<Order> acceptAll(@RequestBody Ids in, Jurisdiction j) {
        return dispatch.acceptAll(in == null ? null : in.ids(), j);
    }

    @PostMapping("/api/v1/orders/{id}/refuse")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    @Operation(summary = "The provider refuses an order with a reason; the street moves it to another provider",
            description = "Example: {\"reason\": \"该时段助浴员已排满\"}")
    Order refuse(@PathVariable long id, @RequestBody Reason in, Jurisdiction j) {
        return dispatch.refuse(id, in == null ? null : in.reason(), j);
    }

    @PostMapping("/api/v1/orders/{id}/assign")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    @Operation(summary = "Assign (or reassign) a caregiver of the provider to an accepted order",
            description = "Example: {\"caregiverUserId\": 42}. 422 naming caregiverUserId when the user is not a caregiver of this provider; 409 "
                    + "naming caregiverUserId when the caregiver is not eligible (INACTIVE, BLACKLISTED, BLACKLIST_PENDING, LACKS_QUALIFICATION, "
                    + "LEVEL_TOO_LOW) or BOOKED by an overlapping assigned order")
    Order assign(@PathVariable long id, @RequestBody Assignment in, Jurisdiction j) {
        return dispatch.assign(id, in == null ? null : in.caregiverUserId(), j);
    }

    @PostMapping("/api/v1/orders/{id}/unassign")
    @PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
    @Operation(summary = "Take the caregiver off an order (it stays accepted)")
    Order unassign(@PathVariable long id, @RequestBody(required = false) Reason in, Jurisdiction j) {
        return dispatch.unassign(id, in == null ? null : in.reason(), j);
    }

    @PostMapping("/api/v1/orders/{id}/reassign")
    @PreAuthorize("hasAuthority('PERM_ORDER_REASSIGN')")
    @Operation(summary = "The street moves a pending or refused order to another provider",
            description = "Example: {\"providerId\": 7, \"reason\": \"原机构人手不足\"}")
    Order reassign(@PathVariable long id, @RequestBody Move in, Jurisdiction j) {
        return dispatch.reassign(id, in == null ? null : in.providerId(), in == null ? null : in.reason(), j);
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @PreAuthorize("hasAnyAuthority('PERM_ORDER_MANAGE', 'PERM_ORDER_REASSIGN', 'PERM_BOOKING_CREATE')")
    @Operation(summary = "Cancel an order (staff; or whoever booked it, before its window opens)", description = "Example: {\"reason\": \"老人住院\"}")
    Order cancel(@PathVariable long id, @RequestBody Reason in, Jurisdiction j) {
        return dispatch.cancel(id, in == null ? null : in.reason(), j);
    }

    @PostMapping("/api/v1/bookings")
    @PreAuthorize("hasAuthority('PERM_BOOKING_CREATE')")
    @Operation(summary = "Book a service for an elder (family: their linked elder; staff: an elder under their node)",
            description = "Example: {\"elderId\": 1, \"itemCode\": \"HAIRCUT\", \"date\": \"2026-12-03\", \"windowFrom\": \"09:00\", \"windowTo\": "
                    + "\"11:00\", \"quantity\": 1, \"note\": \"请带电推剪\"}. Answers 201 with the order and its price; every bad field is named in one "
                    + "problem document.")
    ResponseEntity<Order> book(@RequestBody DispatchManagement.BookingInput in, Jurisdiction j) {
        Order o = dispatch.book(in, j);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + o.id())).body(o);
    }
}
