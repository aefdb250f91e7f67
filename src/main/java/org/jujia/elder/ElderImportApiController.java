package org.jujia.elder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/elders")
@Tag(name = "Elder import and export", description = "Spreadsheet registers: template, all-or-nothing import jobs, export")
class ElderImportApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ElderImports imports;
    private final ElderRegistry registry;

    ElderImportApiController(ElderImports imports, ElderRegistry registry) {
        this.imports = imports;
        this.registry = registry;
    }

    @GetMapping("/imports/template")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    @Operation(summary = "Download the import template (.xlsx, Chinese headers)")
    ResponseEntity<byte[]> template() {
        return xlsx("老人名册导入模板.xlsx", ElderWorkbook.template());
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    @Operation(summary = "Upload a register; answers 202 with the job to poll",
            description = "mode=ALL_OR_NOTHING (default: nothing is committed unless every row is valid) or COMMIT_VALID (valid rows committed, rejects returned as a spreadsheet)")
    ResponseEntity<ImportJob> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, Jurisdiction j) throws IOException {
        ImportJob job = imports.submit(file.getOriginalFilename(), file.getBytes(), mode, j);
        return ResponseEntity.accepted().location(URI.create("/api/v1/elders/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    @Operation(summary = "Poll an import job: status, progress, every bad row with row number, column and reason")
    ImportJob job(@PathVariable UUID id, Jurisdiction j) {
        return imports.get(id, j);
    }

    @GetMapping("/imports/{id}/rejects")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    @Operation(summary = "The rejected rows with their reasons (.xlsx), for COMMIT_VALID imports")
    ResponseEntity<byte[]> rejects(@PathVariable UUID id, Jurisdiction j) {
        byte[] file = imports.rejects(id, j).orElseThrow(() -> new NotFoundException("rejects of import", id));
        return xlsx("rejects-" + id + ".xlsx", file);
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('PERM_ELDER_EXPORT')")
    @Operation(summary = "Export a filtered list (.xlsx); masked unless reveal=true with a purpose (permission needed; audited)")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String communityCode,
            @RequestParam(required = false) Integer ageMin, @RequestParam(required = false) Integer ageMax,
            @RequestParam(required = false) LivingSituation livingSituation,
            @RequestParam(required = false) EconomicCategory economicCategory,
            @RequestParam(required = false) SpecialCategory special, @RequestParam(required = false) ElderStatus status,
            @RequestParam(defaultValue = "false") boolean reveal, @RequestParam(required = false) String purpose, Jurisdiction j) {
        var search = new ElderSearch(q, null, null, communityCode, ageMin, ageMax, livingSituation, economicCategory, special, status, null, null, 0, 20, null);
        return xlsx("elders-" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + ".xlsx",
                ElderWorkbook.export(registry.export(search, reveal, purpose, j)));
    }

    static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(body);
    }
}
