package org.jujia.monitoring;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Console pages of the device registry: list and search, register, an elder's devices, detail, spreadsheet import. */
@Controller
@PreAuthorize("hasAuthority('PERM_ALARM_READ') or hasAuthority('PERM_ELDER_READ')")
class DeviceConsoleController {

    private final Devices devices;
    private final TelemetryQueries telemetry;

    DeviceConsoleController(Devices devices, TelemetryQueries telemetry) {
        this.devices = devices;
        this.telemetry = telemetry;
    }

    @GetMapping("/devices")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) DeviceType type,
            @RequestParam(required = false) DeviceStatus status, @RequestParam(defaultValue = "0") int page, Jurisdiction j, Model model) {
        model.addAttribute("result", devices.search(q, type, status, null, page, 50, j));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("elder", null);
        return "devices/list";
    }

    @GetMapping("/elders/{elderId}/devices")
    String ofElder(@PathVariable long elderId, Jurisdiction j, Model model) {
        List<DeviceView> list = devices.ofElder(elderId, j);
        model.addAttribute("result", new org.jujia.shared.PageResult<>(list, 0, Math.max(1, list.size()), list.size()));
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("elder", elderId);
        return "devices/list";
    }

    @GetMapping("/devices/{id}")
    String detail(@PathVariable long id, Jurisdiction j, Model model) {
        model.addAttribute("device", devices.get(id, j));
        model.addAttribute("messages", telemetry.recent(id, 30));
        return "devices/detail";
    }

    @GetMapping("/devices/new")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String newForm(@RequestParam(required = false) Long elderId, Model model) {
        model.addAttribute("form", new DeviceRegistration(null, null, elderId, null, null, null, null));
        model.addAttribute("types", DeviceType.values());
        model.addAttribute("errors", List.of());
        return "devices/form";
    }

    @PostMapping("/devices/new")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String register(@RequestParam(required = false) String serial, @RequestParam(required = false) DeviceType type,
            @RequestParam(required = false) Long elderId, @RequestParam(required = false) String room,
            @RequestParam(required = false) LocalDate installedOn, @RequestParam(required = false) String firmware,
            @RequestParam(required = false) String gatewaySerial, Jurisdiction j, Model model) {
        var form = new DeviceRegistration(serial, type, elderId, room, installedOn, firmware, gatewaySerial);
        try {
            model.addAttribute("credentials", List.of(devices.register(form, j)));
            return "devices/credentials";
        } catch (ValidationException e) {
            model.addAttribute("form", form);
            model.addAttribute("types", DeviceType.values());
            model.addAttribute("errors", e.violations());
            return "devices/form";
        }
    }

    @PostMapping("/devices/{id}/secret")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String resetSecret(@PathVariable long id, Jurisdiction j, Model model) {
        model.addAttribute("credentials", List.of(devices.resetSecret(id, j)));
        return "devices/credentials";
    }

    @PostMapping("/devices/{id}/retire")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String retire(@PathVariable long id, Jurisdiction j) {
        devices.retire(id, j);
        return "redirect:/devices/" + id;
    }

    @GetMapping("/devices/import")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String importForm(Model model) {
        model.addAttribute("result", null);
        model.addAttribute("errors", List.<FieldViolation>of());
        return "devices/import";
    }

    @PostMapping("/devices/import")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    String importWorkbook(@RequestParam("file") MultipartFile file, Jurisdiction j, Model model) throws IOException {
        try {
            DeviceImport result = devices.importWorkbook(file.getBytes(), j);
            if (result.imported()) {
                model.addAttribute("credentials", result.registered());
                return "devices/credentials";
            }
            model.addAttribute("result", result);
            model.addAttribute("errors", List.<FieldViolation>of());
        } catch (ValidationException e) {
            model.addAttribute("result", null);
            model.addAttribute("errors", e.violations());
        }
        return "devices/import";
    }
}
