package org.jujia.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.elder.ElderDetail;
import org.jujia.elder.ElderRegistry;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarm centre console: the live board of open alarms (SSE), an alarm's page (elder, readings chart, device
 * history, timeline, notifications, actions), statistics, vital-sign thresholds, and the family's phone page.
 */
@Controller
class AlarmConsoleController {

    private final AlarmCentre centre;
    private final AlarmFeed feed;
    private final ElderRegistry elders;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    AlarmConsoleController(AlarmCentre centre, AlarmFeed feed, ElderRegistry elders, JsonMapper json, MessageSource messages, Clock clock) {
        this.centre = centre;
        this.feed = feed;
        this.elders = elders;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** Formatting helpers for the templates (business time). */
    public static final class Fmt {
        private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
        private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
        private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZONE);
        private final Instant now;

        Fmt(Instant now) {
            this.now = now;
        }

        public String of(Instant i) {
            return i == null ? "—" : FULL.format(i);
        }

        public String shortOf(Instant i) {
            return i == null ? "—" : SHORT.format(i);
        }

        public String of(Object o) {
            if (o instanceof java.sql.Timestamp t) {
                return of(t.toInstant());
            }
            if (o instanceof java.time.OffsetDateTime t) {
                return of(t.toInstant());
            }
            return o == null ? "—" : o.toString();
        }

        /** "3 min 05 s" since the instant. */
        public String age(Instant i) {
            if (i == null) {
                return "";
            }
            long s = Math.max(0, Duration.between(i, now).toSeconds());
            if (s < 60) {
                return s + "s";
            }
            if (s < 3600) {
                return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
            }
            if (s < 86400) {
                return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
            }
            return (s / 86400) + "d";
        }

        public String seconds(Object v) {
            if (v == null) {
                return "—";
            }
            double s = ((Number) v).doubleValue();
            return s < 120 ? String.format("%.1f s", s) : String.format("%.1f min", s / 60);
        }

        public String percent(Object v) {
            return v == null ? "—" : String.format("%.1f%%", ((Number) v).doubleValue() * 100);
        }

        public String km(double km) {
            return Double.isNaN(km) ? "—" : String.format("%.2f km", km);
        }

        public long epochMillis(Instant i) {
            return i == null ? 0 : i.toEpochMilli();
        }
    }

    @ModelAttribute("fmt")
    Fmt fmt() {
        return new Fmt(clock.instant());
    }

    @ModelAttribute("outcomes")
    AlarmOutcome[] outcomes() {
        return java.util.Arrays.stream(AlarmOutcome.values()).filter(o -> o != AlarmOutcome.DEVICE_RECOVERED).toArray(AlarmOutcome[]::new);
    }

    // ================================================================== board

    @GetMapping("/alarm-centre")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String board(Jurisdiction j, Model model) {
        if (j.familyOnly()) {
            return "redirect:/family/alarms";
        }
        model.addAttribute("alarms", centre.open(j));
        model.addAttribute("recent", centre.search(null, null, null, null, 0, 20, j).stream().filter(a -> !a.open()).toList());
        return "monitoring/board";
    }

    @GetMapping("/alarm-centre/board")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String boardFragment(Jurisdiction j, Model model) {
        model.addAttribute("alarms", centre.open(j));
        return "monitoring/board :: list";
    }

    @GetMapping(path = "/alarm-centre/stream", produces = "text/event-stream")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    @ResponseBody
    SseEmitter stream(Jurisdiction j) {
        return feed.subscribe(j, j.familyOnly() ? elders.linkedElderIds(j) : List.of());
    }

    // ================================================================== one alarm

    @GetMapping("/alarm-centre/alarms/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String detail(@PathVariable long id, Jurisdiction j, Model model) {
        if (j.familyOnly()) {
            return "redirect:/family/alarms";
        }
        Alarm a = centre.get(id, j);
        model.addAttribute("alarm", a);
        ElderDetail elder = a.elderId() == null ? null : elders.get(a.elderId(), j);
        model.addAttribute("elder", elder);
        panel(a, j, model);
        model.addAttribute("history", centre.deviceHistory(id, j));
        model.addAttribute("readingsJson", json.writeValueAsString(readings(centre.readings(id, j))));
        if (a.elderId() != null) {
            model.addAttribute("thresholds", centre.thresholds(a.elderId(), j));
        }
        return "monitoring/detail";
    }

    @GetMapping("/alarm-centre/alarms/{id}/panel")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String panelFragment(@PathVariable long id, Jurisdiction j, Model model) {
        Alarm a = centre.get(id, j);
        model.addAttribute("alarm", a);
        panel(a, j, model);
        return "monitoring/detail :: panel";
    }

    private void panel(Alarm a, Jurisdiction j, Model model) {
        model.addAttribute("timeline", centre.timeline(a.id(), j));
        model.addAttribute("notifications", centre.notifications(a.id(), j));
        if (j.can("ALARM_HANDLE") && a.open()) {
            model.addAttribute("candidates", centre.candidates(a.id(), j).stream().limit(8).toList());
        }
    }

    private static Map<String, Object> readings(List<Map<String, Object>> rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> t = new ArrayList<>();
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (String k : List.of("heart_rate", "breathing_rate", "spo2", "systolic", "diastolic")) {
            series.put(k, new ArrayList<>());
        }
        for (Map<String, Object> r : rows) {
            Object at = r.get("occurred_at");
            t.add(at instanceof java.sql.Timestamp ts ? ts.toInstant().toEpochMilli() : at == null ? null : at.toString());
            for (var e : series.entrySet()) {
                Object v = r.get(e.getKey());
                e.getValue().add(v instanceof Number n ? n.doubleValue() : null);
            }
        }
        out.put("t", t);
        out.putAll(series);
        return out;
    }

    @PostMapping("/alarm-centre/alarms/{id}/acknowledge")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    String acknowledge(@PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> centre.acknowledge(id, j));
    }

    @PostMapping("/alarm-centre/alarms/{id}/dispatch")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    String dispatch(@PathVariable long id, @RequestParam(required = false) Long responderId, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> centre.dispatch(id, responderId, j));
    }

    @PostMapping("/alarm-centre/alarms/{id}/resolve")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    String resolve(@PathVariable long id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
            Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> centre.resolve(id, AlarmApiController.parse(AlarmOutcome.class, outcome, "outcome"), note, j));
    }

    @PostMapping("/alarm-centre/alarms/{id}/false-alarm")
    @PreAuthorize("hasAuthority('PERM_ALARM_HANDLE')")
    String falseAlarm(@PathVariable long id, @RequestParam(required = false) String note, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> centre.falseAlarm(id, note, j));
    }

    private String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            String field = e.violations().isEmpty() ? "" : e.violations().get(0).field();
            flash.addFlashAttribute("flashError", msg("monitoring.error." + field, e.getMessage()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", msg("monitoring.error.conflict", e.getMessage()));
        }
        return "redirect:/alarm-centre/alarms/" + id;
    }

    private String msg(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    // ================================================================== statistics

    @GetMapping("/alarm-centre/statistics")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String statistics(@RequestParam(defaultValue = "30") int days, Jurisdiction j, Model model) {
        Map<String, Object> stats = centre.statistics(days, j);
        model.addAttribute("stats", stats);
        model.addAttribute("days", days);
        model.addAttribute("statsJson", json.writeValueAsString(stats.get("per_type")));
        return "monitoring/statistics";
    }

    // ================================================================== thresholds

    @GetMapping("/elders/{elderId}/vital-thresholds")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ') or hasAuthority('PERM_DEVICE_ADMIN')")
    String thresholds(@PathVariable long elderId, Jurisdiction j, Model model) {
        model.addAttribute("elder", elders.find(elderId, j).orElseThrow(() -> new org.jujia.shared.NotFoundException("elder", elderId)));
        model.addAttribute("t", centre.thresholds(elderId, j).asMap());
        model.addAttribute("own", centre.hasOwnThresholds(elderId, j));
        model.addAttribute("defaults", centre.defaults().asMap());
        return "monitoring/thresholds";
    }

    @PostMapping("/elders/{elderId}/vital-thresholds")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String saveThresholds(@PathVariable long elderId, @RequestParam Map<String, String> form, Jurisdiction j, Model model,
            RedirectAttributes flash) {
        List<String> names = List.of("heartRateMin", "heartRateMax", "breathingRateMin", "breathingRateMax", "spo2Min", "systolicMin",
                "systolicMax", "diastolicMin", "diastolicMax");
        int[] v = new int[names.size()];
        List<org.jujia.shared.FieldViolation> bad = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                v[i] = Integer.parseInt(form.getOrDefault(names.get(i), "").trim());
            } catch (NumberFormatException e) {
                bad.add(new org.jujia.shared.FieldViolation(names.get(i), "format", "a whole number is required"));
            }
        }
        try {
            if (!bad.isEmpty()) {
                throw new ValidationException(bad);
            }
            centre.saveThresholds(elderId, new VitalThresholds(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]), j);
            flash.addFlashAttribute("flashOk", msg("monitoring.thresholds.saved", "saved"));
            return "redirect:/elders/" + elderId + "/vital-thresholds";
        } catch (ValidationException e) {
            model.addAttribute("elder", elders.find(elderId, j).orElseThrow());
            Map<String, Object> entered = new LinkedHashMap<>();
            names.forEach(n -> entered.put(n, form.get(n)));
            model.addAttribute("t", entered);
            model.addAttribute("own", centre.hasOwnThresholds(elderId, j));
            model.addAttribute("defaults", centre.defaults().asMap());
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
            model.addAttribute("errors", errors);
            return "monitoring/thresholds";
        }
    }

    // ================================================================== family

    @GetMapping("/family/alarms")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String family(Jurisdiction j, Model model) {
        familyModel(j, model);
        return "monitoring/family";
    }

    @GetMapping("/family/alarms/list")
    @PreAuthorize("hasAuthority('PERM_ALARM_READ')")
    String familyList(Jurisdiction j, Model model) {
        familyModel(j, model);
        return "monitoring/family :: list";
    }

    private void familyModel(Jurisdiction j, Model model) {
        List<Alarm> alarms = centre.search(null, null, null, null, 0, 30, j);
        model.addAttribute("alarms", alarms);
        Map<Long, List<AlarmEvent>> timelines = new LinkedHashMap<>();
        for (Alarm a : alarms.stream().limit(10).toList()) {
            timelines.put(a.id(), centre.timeline(a.id(), j).stream().filter(e -> FAMILY_STEPS.contains(e.kind())).toList());
        }
        model.addAttribute("timelines", timelines);
    }

    /** The steps a family sees (not the internal ones such as repeated triggers or escalation recipients). */
    static final List<String> FAMILY_STEPS = List.of("RAISED", "NOTIFIED", "ACKNOWLEDGED", "DISPATCHED", "RESOLVED", "FALSE_ALARM",
            "COMMAND_SENT", "DEVICE_CANCELLED", "VALVE_CLOSED");
}
