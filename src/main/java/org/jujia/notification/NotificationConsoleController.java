package org.jujia.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Console pages: the outbound notification log of the caller's region (per channel: status, attempts, last error,
 * reference, delivery times), and every user's own inbox, updated live over server-sent events.
 */
@Controller
class NotificationConsoleController {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final Notifications notifications;
    private final OutboxStore store;
    private final Inbox inbox;
    private final LiveStreams live;
    private final java.time.Clock clock;

    NotificationConsoleController(Notifications notifications, OutboxStore store, Inbox inbox, LiveStreams live, java.time.Clock clock) {
        this.notifications = notifications;
        this.store = store;
        this.inbox = inbox;
        this.live = live;
        this.clock = clock;
    }

    /** Formatting helpers for the templates. */
    public static final class Fmt {
        public String of(Instant i) {
            return i == null ? "—" : TIME.format(i);
        }

        public String ms(Double d) {
            return d == null ? "—" : String.format("%.0f ms", d);
        }
    }

    /** Bad filter values or settings: a 400 page naming the field. */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.jujia.shared.ValidationException.class)
    String invalid(org.jujia.shared.ValidationException e, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("error", e.violations().stream().map(v -> v.field() + ": " + v.message()).collect(java.util.stream.Collectors.joining("; ")));
        return "error";
    }

    @GetMapping("/notifications")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String log(Jurisdiction j, @RequestParam(required = false) String channel, @RequestParam(required = false) String status,
            @RequestParam(required = false) String reference, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        NotificationApiController.staffOnly(j);
        Channel c = NotificationApiController.channelParam(channel);
        OutboxStatus s = NotificationApiController.statusParam(status);
        model.addAttribute("result", notifications.search(j, c, s, reference, Math.max(0, page), 50));
        model.addAttribute("summary", store.summary(j, clock.instant().minus(Duration.ofHours(24))));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("channel", c);
        model.addAttribute("status", s);
        model.addAttribute("reference", reference);
        model.addAttribute("unconfigured", Arrays.stream(Channel.values()).filter(ch -> !notifications.configured(ch)).toList());
        model.addAttribute("t", new Fmt());
        return htmx != null ? "notification/log :: results" : "notification/log";
    }

    @GetMapping("/notifications/inbox")
    String inbox(Jurisdiction j, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", inbox.list(j.userId(), false, Math.max(0, page), 30));
        model.addAttribute("unread", inbox.unread(j.userId()));
        model.addAttribute("t", new Fmt());
        return "notification/inbox";
    }

    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(Jurisdiction j, HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        return live.open(j.userId(), inbox.unread(j.userId()));
    }

    @PostMapping("/notifications/inbox/{id}/read")
    String read(Jurisdiction j, @PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (!inbox.markRead(j.userId(), id)) {
            throw new NotFoundException("notification", id);
        }
        if (htmx != null) {
            model.addAttribute("n", inbox.find(j.userId(), id).orElseThrow());
            model.addAttribute("t", new Fmt());
            return "notification/inbox :: entry";
        }
        return "redirect:/notifications/inbox";
    }

    @PostMapping("/notifications/inbox/read-all")
    String readAll(Jurisdiction j) {
        inbox.markAllRead(j.userId());
        return "redirect:/notifications/inbox";
    }

}
