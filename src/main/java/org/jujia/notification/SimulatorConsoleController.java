package org.jujia.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PhoneNumber;
import org.jujia.shared.ValidationException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's "120 接警台": what the simulated 120 centre and SMS gateway received, refreshed every two seconds, and
 * the simulators' latency and failure injection.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_ALARM_READ')")
@ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
class SimulatorConsoleController {

    private final SimulatorState state;
    private final SimulatorStore store;
    private final JsonMapper json;

    SimulatorConsoleController(SimulatorState state, SimulatorStore store, JsonMapper json) {
        this.state = state;
        this.store = store;
        this.json = json;
    }

    /** A simulated gateway's settings as the form shows them. */
    record GatewayView(String gateway, long latencyMs, int failurePercent, int failNext) {
    }

    /** A case as the 120 centre received it. */
    record Case(String caseId, String caseRef, String type, String severity, String title, String description, String elderName, String age,
            String address, String phone, String position, String occurredAt, Instant receivedAt, Long delayMillis) {
    }

    /** A text message as the SMS gateway received it (number masked on screen). */
    record Text(String messageId, String to, String text, String reference, Instant receivedAt) {
    }

    /** Bad filter values or settings: a 400 page naming the field. */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.jujia.shared.ValidationException.class)
    String invalid(org.jujia.shared.ValidationException e, jakarta.servlet.http.HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("error", e.violations().stream().map(v -> v.field() + ": " + v.message()).collect(java.util.stream.Collectors.joining("; ")));
        return "error";
    }

    @GetMapping("/notifications/simulators")
    String page(Jurisdiction j, Model model) {
        NotificationApiController.staffOnly(j);
        received(model);
        model.addAttribute("gateways", java.util.Arrays.stream(SimulatorState.Gateway.values())
                .map(g -> new GatewayView(g.name(), state.settings(g).latency().toMillis(), (int) Math.round(state.settings(g).failureRate() * 100),
                        state.pendingFailures(g)))
                .toList());
        return "notification/simulators";
    }

    @GetMapping("/notifications/simulators/received")
    String receivedFragment(Jurisdiction j, Model model) {
        NotificationApiController.staffOnly(j);
        received(model);
        return "notification/simulators :: received";
    }

    @PostMapping("/notifications/simulators/settings")
    String settings(Jurisdiction j, @RequestParam String gateway, @RequestParam long latencyMs, @RequestParam double failurePercent,
            @RequestParam(defaultValue = "0") int failNext) {
        NotificationApiController.staffOnly(j);
        SimulatorState.Gateway g;
        try {
            g = SimulatorState.Gateway.valueOf(gateway);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("gateway", "notification.sim.gateway", "EMERGENCY_120 or SMS");
        }
        if (latencyMs < 0 || latencyMs > 30_000 || failurePercent < 0 || failurePercent > 100 || failNext < 0 || failNext > 100) {
            throw ValidationException.of("latencyMs", "notification.sim.range", "latency 0..30000 ms, failure 0..100 %, fail next 0..100");
        }
        state.configure(g, new SimulatorState.Settings(Duration.ofMillis(latencyMs), failurePercent / 100.0));
        state.failNext(g, failNext);
        return "redirect:/notifications/simulators";
    }

    private void received(Model model) {
        List<Case> cases = store.recent(SimulatorState.Gateway.EMERGENCY_120, 30).stream().map(this::toCase).toList();
        List<Text> texts = store.recent(SimulatorState.Gateway.SMS, 30).stream().map(this::toText).toList();
        model.addAttribute("cases", cases);
        model.addAttribute("texts", texts);
        model.addAttribute("pushes", store.recent(SimulatorState.Gateway.WEB_PUSH, 30).stream().map(this::toPush).toList());
        model.addAttribute("counts", store.counts());
        model.addAttribute("t", new NotificationConsoleController.Fmt());
    }

    /** A Web Push message as the simulated push service received it (encrypted: only its size is known). */
    record Push(String messageId, String pushService, String subscription, int bytes, String urgency, long ttl, java.time.Instant receivedAt) {
    }

    private Push toPush(SimulatorStore.Received r) {
        JsonNode b = json.readTree(r.payload());
        return new Push(r.externalId(), s(b, "pushService"), s(b, "subscription"), b.path("bytes").asInt(), s(b, "urgency"), b.path("ttl").asLong(),
                r.receivedAt());
    }

    private Case toCase(SimulatorStore.Received r) {
        JsonNode b = json.readTree(r.payload());
        JsonNode e = b.path("elder");
        String occurred = s(b, "occurredAt");
        Long delay = null;
        try {
            delay = occurred == null ? null : Duration.between(Instant.parse(occurred), r.receivedAt()).toMillis();
        } catch (RuntimeException notAnInstant) {
            delay = null;
        }
        String position = e.hasNonNull("lat") && e.hasNonNull("lon") ? s(e, "lat") + ", " + s(e, "lon") : null;
        return new Case(r.externalId(), s(b, "caseRef"), s(b, "type"), s(b, "severity"), s(b, "title"), s(b, "description"), s(e, "name"),
                s(e, "age"), s(e, "address"), maskPhone(s(e, "phone")), position, occurred, r.receivedAt(), delay);
    }

    private Text toText(SimulatorStore.Received r) {
        JsonNode b = json.readTree(r.payload());
        String to = s(b, "to");
        return new Text(r.externalId(), to != null && PhoneNumber.isValid(to) ? PhoneNumber.parse(to).masked() : to, s(b, "text"),
                s(b, "reference"), r.receivedAt());
    }

    private static String maskPhone(String phone) {
        return phone != null && PhoneNumber.isValid(phone) ? PhoneNumber.parse(phone).masked() : phone;
    }

    private static String s(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asString() : null;
    }
}
