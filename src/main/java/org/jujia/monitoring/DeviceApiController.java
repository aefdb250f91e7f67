package org.jujia.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@PreAuthorize("hasAuthority('PERM_ALARM_READ') or hasAuthority('PERM_ELDER_READ')")
@Tag(name = "Devices", description = "Home devices registered to elders' homes, limited to the caller's jurisdiction")
class DeviceApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Devices devices;
    private final TelemetryQueries telemetry;

    DeviceApiController(Devices devices, TelemetryQueries telemetry) {
        this.devices = devices;
        this.telemetry = telemetry;
    }

    @GetMapping("/api/v1/devices")
    @Operation(summary = "Search devices in my area", description = "q matches the start of the serial; regionPath narrows to a node below mine")
    PageResult<DeviceView> search(@RequestParam(required = false) String q, @RequestParam(required = false) DeviceType type,
            @RequestParam(required = false) DeviceStatus status, @RequestParam(required = false) String regionPath,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Jurisdiction j) {
        return devices.search(q, type, status, regionPath, page, size, j);
    }

    @PostMapping("/api/v1/devices")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    @Operation(summary = "Register a device to an elder's home; the answer carries its MQTT secret, shown this once",
            description = "Example: {\"serial\":\"SOS-0001\",\"type\":\"SOS_BUTTON\",\"elderId\":12,\"room\":\"卧室\",\"installedOn\":\"2026-11-20\",\"firmware\":\"1.0.3\",\"gatewaySerial\":\"GW-0001\"}")
    ResponseEntity<DeviceCredentials> register(@RequestBody DeviceRegistration input, Jurisdiction j) {
        DeviceCredentials c = devices.register(input, j);
        return ResponseEntity.created(URI.create("/api/v1/devices/" + c.device().id())).body(c);
    }

    @GetMapping("/api/v1/devices/{id}")
    DeviceView get(@PathVariable long id, Jurisdiction j) {
        return devices.get(id, j);
    }

    @GetMapping("/api/v1/devices/{id}/messages")
    @Operation(summary = "The device's latest raw messages (events, telemetry, status)")
    List<Map<String, Object>> messages(@PathVariable long id, @RequestParam(defaultValue = "50") int limit, Jurisdiction j) {
        DeviceView d = devices.get(id, j);
        return telemetry.recent(d.id(), Math.min(Math.max(limit, 1), 500));
    }

    @PostMapping("/api/v1/devices/{id}/secret")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    @Operation(summary = "Issue new credentials (the old secret stops working); the secret is shown this once")
    DeviceCredentials resetSecret(@PathVariable long id, Jurisdiction j) {
        return devices.resetSecret(id, j);
    }

    @PostMapping("/api/v1/devices/{id}/retire")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    @Operation(summary = "Retire a device: its credentials stop working, its history stays")
    DeviceView retire(@PathVariable long id, Jurisdiction j) {
        return devices.retire(id, j);
    }

    @GetMapping("/api/v1/elders/{elderId}/devices")
    @Operation(summary = "The devices installed in an elder's home")
    List<DeviceView> ofElder(@PathVariable long elderId, Jurisdiction j) {
        return devices.ofElder(elderId, j);
    }

    @GetMapping("/api/v1/devices/imports/template")
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    @Operation(summary = "Download the device register template (.xlsx, Chinese headers)")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("设备登记导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(devices.importTemplate());
    }

    @PostMapping(path = "/api/v1/devices/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('PERM_DEVICE_ADMIN')")
    @Operation(summary = "Register the devices of a spreadsheet, all or nothing",
            description = "201 with every device and its secret (shown this once); 400 problem listing every bad row (row, column, field, reason) and nothing stored")
    ResponseEntity<?> importWorkbook(@RequestPart("file") MultipartFile file, Jurisdiction j) throws IOException {
        DeviceImport result = devices.importWorkbook(file.getBytes(), j);
        if (result.imported()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(result);
        }
        var p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                result.errors().size() + " problem(s) in the spreadsheet; nothing was registered");
        p.setType(URI.create("https://jujia.org/problems/validation"));
        p.setTitle("Invalid spreadsheet");
        p.setProperty("field", "rows[" + result.errors().get(0).row() + "]." + result.errors().get(0).field());
        p.setProperty("errors", result.errors().stream().map(e -> Map.of("field", "rows[" + e.row() + "]." + e.field(), "row", e.row(),
                "column", e.column(), "code", e.code(), "message", e.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
