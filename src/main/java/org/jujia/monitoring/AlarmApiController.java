package org.jujia.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.elder.ElderRegistry;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The alarm centre's REST API: alarms within the caller's jurisdiction, their timeline, and the operator actions. */
@RestController
@Tag(name = "Alarms", description = "Device alarms: live list, detail with timeline and notifications, acknowledge, dispatch, resolve")
class AlarmApiController {

    private final AlarmCentre centre;
    private final AlarmFeed feed;
    private final ElderRegistry elders;

    AlarmApiController(AlarmCentre centre, AlarmFeed feed, ElderRegistry elders) {
        this.centre = centre;
        this.feed = feed;
        this.elders = elders;
    }

    /** An operator's note (resolve, false alarm) and the outcome of a resolved alarm. */
    record Closing(String outcome, String note) {
    }

    record Dispatch(Long responderId) {
    }

    record Detail(Alarm alarm, List<AlarmEvent> timeline, List<org.jujia.notification.NotificationView> notifications) {
    }

    @GetMapping("/api/v1/alarms")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    @Operation(summary = "Alarms: open ones by severity then age (open=true, the default), or all newest first, filtered by status, type, elder, from")
    List<Alarm> list(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) String status,
            @RequestParam(required = false) String type, @RequestParam(required = false) Long elderId, @RequestParam(required = false) String from,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Jurisdiction j) {
        AlarmStatus s = parse(AlarmStatus.class, status, "status");
        AlarmType t = parse(AlarmType.class, type, "type");
        Instant f = null;
        if (from != null && !from.isBlank()) {
            try {
                f = Instant.parse(from);
            } catch (DateTimeParseException e) {
                throw ValidationException.of("from", "format", "from must be an ISO-8601 instant, e.g. 2026-11-20T00:00:00Z");
            }
        }
        if (open && s == null && t == null && elderId == null && f == null) {
            return centre.open(j);
        }
        return centre.search(elderId, s, t, f, page, size, j);
    }

    @GetMapping("/api/v1/alarms/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    @Operation(summary = "An alarm with its timeline and the status of every notification sent about it")
    Detail get(@PathVariable long id, Jurisdiction j) {
        return new Detail(centre.get(id, j), centre.timeline(id, j), centre.notifications(id, j));
    }

    @GetMapping("/api/v1/alarms/{id}/timeline")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    List<AlarmEvent> timeline(@PathVariable long id, Jurisdiction j) {
        return centre.timeline(id, j);
    }

    @GetMapping("/api/v1/alarms/{id}/responders")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    @Operation(summary = "Who could be dispatched, nearest first (km from the elder's home), with availability")
    List<AlarmCentre.Candidate> responders(@PathVariable long id, Jurisdiction j) {
        return centre.candidates(id, j);
    }

    @PostMapping("/api/v1/alarms/{id}/acknowledge")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    Alarm acknowledge(@PathVariable long id, Jurisdiction j) {
        return centre.acknowledge(id, j);
    }

    @PostMapping("/api/v1/alarms/{id}/dispatch")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    @Operation(summary = "Dispatch help: {\"responderId\": 12}, or {} for the nearest available responder")
    Alarm dispatch(@PathVariable long id, @RequestBody(required = false) Dispatch body, Jurisdiction j) {
        return centre.dispatch(id, body == null ? null : body.responderId(), j);
    }

    @PostMapping("/api/v1/alarms/{id}/resolve")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    @Operation(summary = "Resolve: {\"outcome\":\"SAFE_AT_HOME|FALL|HOSPITAL|HAZARD_CLEARED|DEVICE_SERVICED|OTHER\",\"note\":\"…\"}; "
            + "FALL and HOSPITAL open a reassessment")
    Alarm resolve(@PathVariable long id, @RequestBody(required = false) Closing body, Jurisdiction j) {
        AlarmOutcome outcome = parse(AlarmOutcome.class, body == null ? null : body.outcome(), "outcome");
        return centre.resolve(id, outcome, body == null ? null : body.note(), j);
    }

    @PostMapping("/api/v1/alarms/{id}/false-alarm")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    @Operation(summary = "Close as a false alarm: {\"note\":\"…\"}")
    Alarm falseAlarm(@PathVariable long id, @RequestBody(required = false) Closing body, Jurisdiction j) {
        return centre.falseAlarm(id, body == null ? null : body.note(), j);
    }

    @GetMapping("/api/v1/alarms/statistics")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    @Operation(summary = "Alarms per type, response times (seconds, p50/p90: acknowledgement, dispatch, first notification), false-alarm rate")
    Map<String, Object> statistics(@RequestParam(defaultValue = "30") int days, Jurisdiction j) {
        return centre.statistics(days, j);
    }

    @GetMapping(path = "/api/v1/alarms/stream", produces = "text/event-stream")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    @Operation(summary = "Server-sent events: 'alarm' {id, status, severity, version, elderId} whenever an alarm in your jurisdiction changes")
    SseEmitter stream(Jurisdiction j) {
        return feed.subscribe(j, j.familyOnly() ? elders.linkedElderIds(j) : List.of());
    }

    @GetMapping("/api/v1/elders/{elderId}/vital-thresholds")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ') or hasAuthority('PERM_DEVICE_ADMIN')")
    Map<String, Object> thresholds(@PathVariable long elderId, Jurisdiction j) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("elderId", elderId);
        out.put("own", centre.hasOwnThresholds(elderId, j));
        out.put("thresholds", centre.thresholds(elderId, j));
        return out;
    }

    @PutMapping("/api/v1/elders/{elderId}/vital-thresholds")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    @Operation(summary = "Set an elder's vital-sign thresholds (all nine values; a minimum must be below its maximum)")
    VitalThresholds saveThresholds(@PathVariable long elderId, @RequestBody(required = false) VitalThresholds body, Jurisdiction j) {
        return centre.saveThresholds(elderId, body, j);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "unknown", field + " must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
