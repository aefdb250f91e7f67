package org.jujia.elder;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jujia.privacy.ConsentScope;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Sex;
import org.jujia.shared.ValidationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of the elder registry: list and search, detail with audited reveal, forms, import. */
@Controller
@PreAuthorize("hasAuthority('PERM_ELDER_READ')")
class ElderConsoleController {

    private final ElderRegistry registry;
    private final ElderImports imports;
    private final RegionDirectory regions;

    ElderConsoleController(ElderRegistry registry, ElderImports imports, RegionDirectory regions) {
        this.registry = registry;
        this.imports = imports;
        this.regions = regions;
    }

    /** The search form's fields, bound from query parameters. */
    record Filter(String q, String communityCode, Integer ageMin, Integer ageMax, LivingSituation livingSituation,
            EconomicCategory economicCategory, SpecialCategory special, ElderStatus status, org.jujia.shared.CareColour colour,
            Integer page, String sort) {

        ElderSearch toSearch() {
            return new ElderSearch(q, null, null, communityCode == null || communityCode.isBlank() ? null : communityCode, ageMin, ageMax,
                    livingSituation, economicCategory, special, status, colour, null, page == null ? 0 : page, 20, sort == null || sort.isBlank() ? "name" : sort);
        }
    }

    @GetMapping("/elders")
    String list(Filter filter, Jurisdiction j, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("filter", filter);
        model.addAttribute("result", registry.search(filter.toSearch(), j));
        model.addAttribute("communities", regions.ofLevel(RegionLevel.COMMUNITY, j));
        addEnums(model);
        return htmx != null ? "elder/list :: results" : "elder/list";
    }

    @GetMapping("/elders/{id}")
    String detail(@PathVariable long id, Jurisdiction j, Model model) {
        model.addAttribute("elder", registry.get(id, j));
        model.addAttribute("scopes", ConsentScope.values());
        model.addAttribute("statuses", ElderStatus.values());
        return "elder/detail";
    }

    @PostMapping("/elders/{id}/reveal")
    @PreAuthorize("hasAuthority('PERM_SENSITIVE_REVEAL')")
    String reveal(@PathVariable long id, @RequestParam String purpose, Jurisdiction j, Model model) {
        try {
            model.addAttribute("revealed", registry.reveal(id, Set.of(), purpose, j));
        } catch (ValidationException e) {
            model.addAttribute("revealError", e.violations().get(0).message());
        }
        return "elder/detail :: revealed";
    }

    @PostMapping("/elders/{id}/status")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    String status(@PathVariable long id, @RequestParam ElderStatus status, @RequestParam(required = false) LocalDate date, Jurisdiction j,
            RedirectAttributes flash) {
        try {
            registry.changeStatus(id, status, date, j);
            flash.addFlashAttribute("saved", true);
        } catch (ConflictException | ValidationException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/elders/" + id;
    }

    @PostMapping("/elders/{id}/consents")
    @PreAuthorize("hasAuthority('PERM_CONSENT_WRITE')")
    String consent(@PathVariable long id, @RequestParam ConsentScope scope, @RequestParam LocalDate grantedOn, @RequestParam String signerType,
            @RequestParam String signerName, Jurisdiction j, RedirectAttributes flash) {
        try {
            registry.recordConsent(id, scope, grantedOn, signerType, signerName, j);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/elders/" + id;
    }

    /** The registration/correction form's fields. Sensitive fields left blank on an edit keep their value. */
    record Form(String name, String idNumber, String phone, String address, String hukou, String communityCode, String complexCode,
            Double latitude, Double longitude, LivingSituation livingSituation, EconomicCategory economicCategory, Boolean lostOnlyChild,
            Boolean specialContribution, String conditions, String medications, String contactName, String contactRelation,
            String contactPhone, Boolean ltcInsured, String ltcNumber, Boolean commercialInsured, String commercialInsurer,
            String commercialPolicyNumber, HardshipSelfCare hardshipSelfCare, Integer version) {

        static Form empty() {
            return new Form(null, null, null, null, null, null, null, null, null, null, null, false, false, null, null, null, null, null,
                    false, null, false, null, null, null, null);
        }

        static Form of(ElderDetail d) {
            return new Form(d.name(), null, null, null, d.hukou(), d.communityCode(), null, d.latitude(), d.longitude(), d.livingSituation(),
                    d.economicCategory(), d.lostOnlyChild(), d.specialContribution(), null, null, null, null, null, d.ltcInsured(), null,
                    d.commercialInsured(), d.commercialInsurer(), null, d.hardshipSelfCare(), d.version());
        }

        ElderInput toInput() {
            List<ElderInput.Contact> contacts = contactName == null || contactName.isBlank() ? List.of()
                    : List.of(new ElderInput.Contact(ContactKind.EMERGENCY, contactName, contactRelation, contactPhone, null));
            ElderInput.Health health = (conditions == null || conditions.isBlank()) && (medications == null || medications.isBlank()) ? null
                    : new ElderInput.Health(conditions, medications, null, null);
            return new ElderInput(name, idNumber, null, null, phone, address, hukou, communityCode, complexCode, latitude, longitude,
                    livingSituation, economicCategory, lostOnlyChild, specialContribution, health, contacts, ltcInsured, blank(ltcNumber),
                    commercialInsured, blank(commercialInsurer), blank(commercialPolicyNumber), hardshipSelfCare, version);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        /** The fields an edit changes: blank sensitive fields are left out so they keep their value. */
        Map<String, Object> toPatch() {
            Map<String, Object> p = new HashMap<>();
            p.put("name", name);
            p.put("hukou", hukou);
            p.put("communityCode", communityCode);
            p.put("complexCode", complexCode == null || complexCode.isBlank() ? null : complexCode);
            p.put("latitude", latitude);
            p.put("longitude", longitude);
            p.put("livingSituation", livingSituation == null ? null : livingSituation.name());
            p.put("economicCategory", economicCategory == null ? null : economicCategory.name());
            p.put("lostOnlyChild", Boolean.TRUE.equals(lostOnlyChild));
            p.put("specialContribution", Boolean.TRUE.equals(specialContribution));
            p.put("version", version);
            // enrolment: numbers left blank keep their value while still insured; not insured clears them
            boolean ltc = Boolean.TRUE.equals(ltcInsured);
            boolean commercial = Boolean.TRUE.equals(commercialInsured);
            p.put("ltcInsured", ltc);
            if (!ltc) {
                p.put("ltcNumber", null);
            } else if (ltcNumber != null && !ltcNumber.isBlank()) {
                p.put("ltcNumber", ltcNumber);
            }
            p.put("commercialInsured", commercial);
            p.put("commercialInsurer", commercial ? blank(commercialInsurer) : null);
            if (!commercial) {
                p.put("commercialPolicyNumber", null);
            } else if (commercialPolicyNumber != null && !commercialPolicyNumber.isBlank()) {
                p.put("commercialPolicyNumber", commercialPolicyNumber);
            }
            p.put("hardshipSelfCare", hardshipSelfCare == null ? null : hardshipSelfCare.name());
            if (idNumber != null && !idNumber.isBlank()) {
                p.put("idNumber", idNumber);
                p.put("birthDate", null);
                p.put("sex", null);
            }
            if (phone != null && !phone.isBlank()) {
                p.put("phone", phone);
            }
            if (address != null && !address.isBlank()) {
                p.put("address", address);
            }
            return p;
        }
    }

    @GetMapping("/elders/new")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    String newForm(Jurisdiction j, Model model) {
        return form(model, j, Form.empty(), null, List.of());
    }

    @PostMapping("/elders/new")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    String create(Form form, Jurisdiction j, Model model) {
        try {
            return "redirect:/elders/" + registry.create(form.toInput(), j).id();
        } catch (ValidationException e) {
            return form(model, j, form, null, e.violations());
        } catch (ConflictException e) {
            return form(model, j, form, null, List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
    }

    @GetMapping("/elders/{id}/edit")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    String editForm(@PathVariable long id, Jurisdiction j, Model model) {
        return form(model, j, Form.of(registry.get(id, j)), id, List.of());
    }

    @PostMapping("/elders/{id}/edit")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    String edit(@PathVariable long id, Form form, Jurisdiction j, Model model) {
        try {
            registry.patch(id, form.toPatch(), j);
            return "redirect:/elders/" + id;
        } catch (ValidationException e) {
            return form(model, j, form, id, e.violations());
        } catch (ConflictException e) {
            return form(model, j, form, id, List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
    }

    private String form(Model model, Jurisdiction j, Form form, Long id, List<FieldViolation> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        model.addAttribute("form", form);
        model.addAttribute("elderId", id);
        model.addAttribute("errors", byField);
        model.addAttribute("errorList", errors);
        model.addAttribute("communities", regions.ofLevel(RegionLevel.COMMUNITY, j));
        addEnums(model);
        return "elder/form";
    }

    // ---------------------------------------------------------------- import

    @GetMapping("/elders/imports")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    String importPage(Jurisdiction j, Model model) {
        model.addAttribute("jobs", imports.recent(j));
        return "elder/import";
    }

    @PostMapping("/elders/imports")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode, Jurisdiction j,
            Model model) throws IOException {
        try {
            ImportJob job = imports.submit(file.getOriginalFilename(), file.getBytes(), mode, j);
            return "redirect:/elders/imports/" + job.id();
        } catch (ValidationException e) {
            model.addAttribute("uploadError", e.violations().get(0).message());
            model.addAttribute("jobs", imports.recent(j));
            return "elder/import";
        }
    }

    @GetMapping("/elders/imports/{id}")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    String job(@PathVariable UUID id, Jurisdiction j, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("job", imports.get(id, j));
        return htmx != null ? "elder/job :: progress" : "elder/job";
    }

    @GetMapping("/elders/imports/template.xlsx")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    ResponseEntity<byte[]> template() {
        return ElderImportApiController.xlsx("老人名册导入模板.xlsx", ElderWorkbook.template());
    }

    @GetMapping("/elders/imports/{id}/rejects.xlsx")
    @PreAuthorize("hasAuthority('PERM_ELDER_IMPORT')")
    ResponseEntity<byte[]> rejects(@PathVariable UUID id, Jurisdiction j) {
        return ElderImportApiController.xlsx("rejects.xlsx", imports.rejects(id, j).orElseThrow());
    }

    @GetMapping("/elders/export.xlsx")
    @PreAuthorize("hasAuthority('PERM_ELDER_EXPORT')")
    ResponseEntity<byte[]> export(Filter filter, Jurisdiction j) {
        return ElderImportApiController.xlsx("elders.xlsx", ElderWorkbook.export(registry.export(filter.toSearch(), false, null, j)));
    }

    private static void addEnums(Model model) {
        model.addAttribute("livingSituations", LivingSituation.values());
        model.addAttribute("economicCategories", EconomicCategory.values());
        model.addAttribute("hardshipSelfCares", HardshipSelfCare.values());
        model.addAttribute("specials", SpecialCategory.values());
        model.addAttribute("elderStatuses", ElderStatus.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("colours", org.jujia.shared.CareColour.values());
    }
}
