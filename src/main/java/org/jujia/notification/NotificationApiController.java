package org.jujia.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * REST API of notifications: the outbound log of the caller's region (alarm-centre staff and officers, not family
 * members), and every user's own inbox with its live stream (server-sent events).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications", description = "Outbound notifications (120, SMS, family app, community workers) of the caller's region, "
        + "and the caller's own inbox with its live stream")
class NotificationApiController {

    private final Notifications notifications;
    private final Inbox inbox;
    private final LiveStreams live;

    NotificationApiController(Notifications notifications, Inbox inbox, LiveStreams live) {
        this.notifications = notifications;
        this.inbox = inbox;
        this.live = live;
    }

    /** A line of the outbound log. */
    record LogEntry(long id, Channel channel, String recipientMasked, String status, int attempts, java.time.Instant enqueuedAt,
            java.time.Instant lastAttemptAt, java.time.Instant deliveredAt, java.time.Instant nextAttemptAt, String lastError, String reference,
            boolean urgent, String channelRef, Long latencyMillis) {

        static LogEntry of(OutboxStore.Entry e) {
            boolean open = e.status() != OutboxStatus.DELIVERED && e.status() != OutboxStatus.GAVE_UP;
            return new LogEntry(e.id(), e.channel(), e.recipientMasked(), e.status().name(), e.attempts(), e.enqueuedAt(), e.lastAttemptAt(),
                    e.deliveredAt(), open ? e.nextAttemptAt() : null, e.lastError(), e.reference(), e.urgent(), e.channelRef(), e.latencyMillis());
        }
    }

    @GetMapping("/notifications")
    @Operation(summary = "The outbound notification log of my region (alarm-centre staff and officers)",
            description = "Filters: channel (EMERGENCY_120, SMS, FAMILY_APP, COMMUNITY_WORKER), status (PENDING, SENDING, DELIVERED, "
                    + "FAILED_RETRYING, FAILING, GAVE_UP), reference (e.g. alarm:42). Newest first; totals counted up to 10,001.")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    PageResult<LogEntry> log(Jurisdiction j, @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
            @RequestParam(required = false) String reference, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        staffOnly(j);
        return notifications.search(j, channelParam(channel), statusParam(status), reference, pageParam(page), sizeParam(size)).map(LogEntry::of);
    }

    @GetMapping("/notifications/{id}")
    @Operation(summary = "One notification: status, attempts, last error (404 outside my region)")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    NotificationView one(Jurisdiction j, @PathVariable long id) {
        staffOnly(j);
        return notifications.find(id, j);
    }

    @GetMapping("/me/notifications")
    @Operation(summary = "My inbox, newest first (unread=true for unread only)")
    PageResult<Inbox.Entry> myInbox(Jurisdiction j, @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return inbox.list(j.userId(), unread, pageParam(page), sizeParam(size));
    }

    @GetMapping("/me/notifications/unread-count")
    @Operation(summary = "How many inbox entries I have not read")
    Map<String, Long> unreadCount(Jurisdiction j) {
        return Map.of("unread", inbox.unread(j.userId()));
    }

    @PostMapping("/me/notifications/{id}/read")
    @Operation(summary = "Mark one of my inbox entries read (404 when it is not mine)")
    ResponseEntity<Void> read(Jurisdiction j, @PathVariable long id) {
        if (!inbox.markRead(j.userId(), id)) {
            throw new NotFoundException("notification", id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/me/notifications/read-all")
    @Operation(summary = "Mark all my inbox entries read")
    Map<String, Integer> readAll(Jurisdiction j) {
        return Map.of("updated", inbox.markAllRead(j.userId()));
    }

    /** The caller's live stream: {@code ready} (unread count), then one {@code notification} event per new inbox entry. */
    @Operation(summary = "My live stream (server-sent events)", description = "Event ready: {\"unread\": n}; then one event "
            + "notification per new inbox entry: {id, channel, title, body, link, reference, urgent, createdAt}.")
    @GetMapping(path = "/me/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Jurisdiction j) {
        return live.open(j.userId(), inbox.unread(j.userId()));
    }

    static void staffOnly(Jurisdiction j) {
        if (j.familyOnly()) {
            throw new AccessDeniedException("family members see their own inbox only");
        }
    }

    static Channel channelParam(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(v.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("channel", "notification.channel.unknown", "one of EMERGENCY_120, SMS, FAMILY_APP, COMMUNITY_WORKER");
        }
    }

    static OutboxStatus statusParam(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return OutboxStatus.valueOf(v.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("status", "notification.status.unknown",
                    "one of PENDING, SENDING, DELIVERED, FAILED_RETRYING, FAILING, GAVE_UP");
        }
    }

    static int pageParam(int page) {
        if (page < 0) {
            throw ValidationException.of("page", "page.min", "page must be 0 or more");
        }
        return page;
    }

    static int sizeParam(int size) {
        if (size < 1 || size > 200) {
            throw ValidationException.of("size", "size.range", "size must be between 1 and 200");
        }
        return size;
    }
}
