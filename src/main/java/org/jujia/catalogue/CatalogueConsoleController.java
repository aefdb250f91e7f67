package org.jujia.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderSummary;
import org.jujia.elder.HardshipSelfCare;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the catalogue: the item list (filter by category and package), item detail with price history,
 * item editing and price scheduling (CATALOGUE_ADMIN), the packages with their entitlements, and the quote calculator
 * ("how much will this cost us?") for families and workers.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_CATALOGUE_READ')")
class CatalogueConsoleController {

    private final ServiceCatalogue catalogue;
    private final ElderRegistry elders;

    CatalogueConsoleController(ServiceCatalogue catalogue, ElderRegistry elders) {
        this.catalogue = catalogue;
        this.elders = elders;
    }

    // ---------------------------------------------------------------- items

    @GetMapping("/catalogue")
    String items(@RequestParam(required = false) String category, @RequestParam(name = "package", required = false) ServicePackage pkg,
            @RequestParam(defaultValue = "false") boolean inactive, Model model) {
        LocalDate today = catalogue.today();
        model.addAttribute("items", catalogue.items(today, category, pkg, inactive));
        model.addAttribute("category", category);
        model.addAttribute("pkg", pkg);
        model.addAttribute("inactive", inactive);
        model.addAttribute("month", YearMonth.from(today));
        addEnums(model);
        return "catalogue/items";
    }

    @GetMapping("/catalogue/items/{code}")
    String item(@PathVariable String code, Model model) {
        LocalDate today = catalogue.today();
        List<PriceVersion> prices = catalogue.priceHistory(code);
        ServiceItem item = catalogue.current(code);
        model.addAttribute("item", item);
        model.addAttribute("prices", prices);
        model.addAttribute("today", today);
        model.addAttribute("month", YearMonth.from(today));
        model.addAttribute("tomorrow", today.plusDays(1));
        addEnums(model);
        return "catalogue/item";
    }

    @PostMapping("/catalogue/items/{code}/prices")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    String schedulePrice(@PathVariable String code, @RequestParam(required = false) String yuan,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            @RequestParam(required = false) String note, Jurisdiction j, RedirectAttributes flash) {
        try {
            Long fen = parseYuan(yuan, "unitPriceFen");
            catalogue.schedulePrice(code, fen, effectiveFrom, note, j);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errorList", e.violations());
        } catch (ConflictException e) {
            flash.addFlashAttribute("errorList", List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
        return "redirect:/catalogue/items/" + code;
    }

    @PostMapping("/catalogue/items/{code}/prices/{id}/cancel")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    String cancelPrice(@PathVariable String code, @PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        try {
            catalogue.cancelPrice(code, id, j);
            flash.addFlashAttribute("saved", true);
        } catch (ConflictException e) {
            flash.addFlashAttribute("errorList", List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
        return "redirect:/catalogue/items/" + code;
    }

    /** The item form: prices in yuan, checks one per line as {@code name; min; max; unit}. */
    record ItemForm(String code, String nameZh, String nameEn, String category, ServicePackage servicePackage, ServiceUnit unit,
            Integer standardMinutes, Integer entitlementQuantity, Entitlement.Per entitlementPer, boolean respiteCare,
            Qualification requiredQualification, CaregiverLevel minCaregiverLevel, String qualityStandard, String checks, String yuan,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate priceEffectiveFrom, boolean active, Integer version) {

        static ItemForm empty() {
            return new ItemForm(null, null, null, null, null, null, null, null, null, false, Qualification.NONE, null, null, "", null, null,
                    true, null);
        }

        static ItemForm of(ServiceItem i, int version) {
            StringBuilder checks = new StringBuilder();
            for (QualityCheck c : i.checks()) {
                checks.append(c.name()).append("; ").append(c.min() == null ? "" : c.min().toPlainString()).append("; ")
                        .append(c.max() == null ? "" : c.max().toPlainString()).append("; ").append(c.unit() == null ? "" : c.unit()).append('\n');
            }
            return new ItemForm(i.code(), i.nameZh(), i.nameEn(), i.category(), i.servicePackage(), i.unit(), i.standardMinutes(),
                    i.entitlement() == null ? null : i.entitlement().quantity(), i.entitlement() == null ? null : i.entitlement().per(),
                    i.respiteCare(), i.requiredQualification(), i.minCaregiverLevel(), i.qualityStandard(), checks.toString().strip(), null, null,
                    i.active(), version);
        }

        ItemInput toInput(boolean create) {
            Violations v = new Violations();
            List<QualityCheck> parsed = parseChecks(checks, v);
            Long fen = null;
            if (create) {
                try {
                    fen = parseYuan(yuan, "unitPriceFen");
                } catch (ValidationException e) {
                    e.violations().forEach(f -> v.add(f.field(), f.code(), f.message()));
                }
            }
            v.throwIfAny();
            return new ItemInput(code, nameZh, nameEn, category, servicePackage, unit, standardMinutes, entitlementQuantity, entitlementPer,
                    respiteCare, requiredQualification, minCaregiverLevel, qualityStandard, parsed, fen, priceEffectiveFrom, active, version);
        }
    }

    static List<QualityCheck> parseChecks(String text, Violations v) {
        List<QualityCheck> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] p = line.split("[;；]", -1);
            try {
                out.add(new QualityCheck(p[0].strip(), decimal(p, 1), decimal(p, 2), p.length > 3 && !p[3].isBlank() ? p[3].strip() : null));
            } catch (RuntimeException e) {
                v.add("checks[" + out.size() + "]", "format", "write a check as: name; min; max; unit (" + line + ")");
            }
        }
        return out;
    }

    private static BigDecimal decimal(String[] p, int i) {
        return p.length > i && !p[i].isBlank() ? new BigDecimal(p[i].strip()) : null;
    }

    /** Yuan with at most two decimals → fen; the violation names {@code field}. */
    static Long parseYuan(String yuan, String field) {
        if (yuan == null || yuan.isBlank()) {
            throw ValidationException.of(field, "required", "the price is required");
        }
        try {
            return org.jujia.shared.Money.ofYuan(yuan).fen();
        } catch (org.jujia.shared.InvalidValueException e) {
            throw ValidationException.of(field, e.code(), e.getMessage());
        }
    }

    @GetMapping("/catalogue/items/new")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    String newItem(Model model) {
        return itemForm(model, ItemForm.empty(), null, List.of());
    }

    @PostMapping("/catalogue/items/new")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    String create(ItemForm form, Jurisdiction j, Model model) {
        try {
            return "redirect:/catalogue/items/" + catalogue.createItem(form.toInput(true), j).code();
        } catch (ValidationException e) {
            return itemForm(model, form, null, e.violations());
        } catch (ConflictException e) {
            return itemForm(model, form, null, List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
    }

    @GetMapping("/catalogue/items/{code}/edit")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    String editItem(@PathVariable String code, Model model) {
        return itemForm(model, ItemForm.of(catalogue.current(code), catalogue.version(code)), code, List.of());
    }

    @PostMapping("/catalogue/items/{code}/edit")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    String update(@PathVariable String code, ItemForm form, Jurisdiction j, Model model) {
        try {
            catalogue.updateItem(code, form.toInput(false), j);
            return "redirect:/catalogue/items/" + code;
        } catch (ValidationException e) {
            return itemForm(model, form, code, e.violations());
        } catch (ConflictException e) {
            return itemForm(model, form, code, List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
    }

    private String itemForm(Model model, ItemForm form, String code, List<FieldViolation> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        model.addAttribute("form", form);
        model.addAttribute("code", code);
        model.addAttribute("errors", byField);
        model.addAttribute("errorList", errors);
        addEnums(model);
        return "catalogue/item-form";
    }

    // ---------------------------------------------------------------- packages

    @GetMapping("/catalogue/packages")
    String packages(@RequestParam(required = false) String month, Model model) {
        YearMonth m = YearMonth.from(catalogue.today());
        if (month != null && !month.isBlank()) {
            Violations v = new Violations();
            YearMonth parsed = QuoteRequest.month(month, v);
            if (parsed != null) {
                m = parsed;
            } else {
                model.addAttribute("errorList", v.list());
            }
        }
        model.addAttribute("month", m);
        model.addAttribute("packages", catalogue.packages(m));
        addEnums(model);
        return "catalogue/packages";
    }

    // ---------------------------------------------------------------- quote calculator

    /** The calculator's state: who (an elder, or an explicit profile), the month and a quantity per item code. */
    record QuoteForm(String mode, Long elderId, CareColour colour, EconomicCategory economicCategory, boolean ltcInsured,
            boolean commercialInsured, HardshipSelfCare hardshipSelfCare, boolean highRiskCaregiver, String month,
            Map<String, String> quantities) {
    }

    @GetMapping("/quotes")
    String quotePage(@RequestParam(required = false) Long elderId, Jurisdiction j, Model model) {
        String month = YearMonth.from(catalogue.today()).plusMonths(1).toString();
        QuoteForm form = new QuoteForm(elderId != null || j.familyOnly() ? "elder" : "profile", elderId, CareColour.YELLOW,
                EconomicCategory.ORDINARY, true, false, null, false, month, Map.of());
        return quote(model, form, null, List.of(), j);
    }

    @PostMapping("/quotes")
    String calculate(@RequestParam Map<String, String> params, Jurisdiction j, Model model) {
        Map<String, String> quantities = new LinkedHashMap<>();
        params.forEach((k, val) -> {
            if (k.startsWith("qty_") && val != null && !val.isBlank()) {
                quantities.put(k.substring(4), val.strip());
            }
        });
        String mode = "elder".equals(params.get("mode")) ? "elder" : "profile";
        List<FieldViolation> errors = new ArrayList<>();
        Long elderId = null;
        if ("elder".equals(mode)) {
            try {
                elderId = params.get("elderId") == null || params.get("elderId").isBlank() ? null : Long.parseLong(params.get("elderId").strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldViolation("elderId", "format", "elderId must be a positive whole number"));
            }
            if (elderId == null && errors.isEmpty()) {
                errors.add(new FieldViolation("elderId", "required", "choose an elder"));
            }
        }
        QuoteForm form = new QuoteForm(mode, elderId, enumOrNull(CareColour.class, params.get("colour")),
                enumOrNull(EconomicCategory.class, params.get("economicCategory")), "true".equals(params.get("ltcInsured")),
                "true".equals(params.get("commercialInsured")), enumOrNull(HardshipSelfCare.class, params.get("hardshipSelfCare")),
                "true".equals(params.get("highRiskCaregiver")), params.get("month"), quantities);
        if (!errors.isEmpty()) {
            return quote(model, form, null, errors, j);
        }
        // the same request the API takes, so the console and the API give the same answer
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("month", form.month());
        List<Map<String, Object>> lines = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (var e : quantities.entrySet()) {
            Object q;
            try {
                q = Integer.parseInt(e.getValue());
            } catch (NumberFormatException ex) {
                q = e.getValue();
            }
            if (q instanceof Integer n && n == 0) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("itemCode", e.getKey());
            line.put("quantity", q);
            lines.add(line);
            codes.add(e.getKey());
        }
        body.put("lines", lines);
        if ("elder".equals(mode)) {
            body.put("elderId", elderId);
        } else {
            body.put("colour", form.colour() == null ? null : form.colour().name());
            body.put("economicCategory", form.economicCategory() == null ? null : form.economicCategory().name());
            body.put("ltcInsured", form.ltcInsured());
            body.put("commercialInsured", form.commercialInsured());
            body.put("hardshipSelfCare", form.hardshipSelfCare() == null ? null : form.hardshipSelfCare().name());
            body.put("highRiskCaregiver", form.highRiskCaregiver());
        }
        try {
            QuoteRequest r = QuoteRequest.parse(body);
            Quote q = r.elderId() != null ? catalogue.quote(r.elderId(), r.month(), r.lines(), j)
                    : catalogue.quote(r.profile(), r.month(), r.lines());
            return quote(model, form, q, List.of(), j);
        } catch (ValidationException e) {
            List<FieldViolation> named = e.violations().stream().map(f -> new FieldViolation(nameLine(f.field(), codes), f.code(), f.message())).toList();
            return quote(model, form, null, named, j);
        } catch (NotFoundException e) {
            return quote(model, form, null, List.of(new FieldViolation("elderId", "unknown", e.getMessage())), j);
        }
    }

    /** {@code lines[2].quantity} → {@code BATHING_HOME.quantity}: the console shows lines by item. */
    private static String nameLine(String field, List<String> codes) {
        var m = java.util.regex.Pattern.compile("lines\\[(\\d+)](.*)").matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i < codes.size() ? codes.get(i) + m.group(2) : field;
        }
        return field;
    }

    private String quote(Model model, QuoteForm form, Quote quote, List<FieldViolation> errors, Jurisdiction j) {
        YearMonth month;
        try {
            month = YearMonth.parse(form.month());
        } catch (RuntimeException e) {
            month = YearMonth.from(catalogue.today());
        }
        model.addAttribute("form", form);
        model.addAttribute("quote", quote);
        model.addAttribute("errorList", errors);
        model.addAttribute("items", catalogue.items(catalogue.priceDate(month)));
        model.addAttribute("month", month);
        model.addAttribute("payers", Payer.values());
        if (j.familyOnly()) {
            model.addAttribute("myElders", elders.search(new ElderSearch(null, null, null, null, null, null, null, null, null, null, null, null,
                    0, 20, "name"), j).content());
        } else {
            model.addAttribute("myElders", List.<ElderSummary>of());
        }
        if (form.elderId() != null) {
            elders.find(form.elderId(), j).ifPresent(e -> model.addAttribute("elderName", e.name()));
        }
        addEnums(model);
        return "catalogue/quote";
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void addEnums(Model model) {
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("servicePackages", ServicePackage.values());
        model.addAttribute("units", ServiceUnit.values());
        model.addAttribute("qualifications", Qualification.values());
        model.addAttribute("levels", CaregiverLevel.values());
        model.addAttribute("pers", Entitlement.Per.values());
        model.addAttribute("colours", CareColour.values());
        model.addAttribute("economicCategories", EconomicCategory.values());
        model.addAttribute("hardshipSelfCares", HardshipSelfCare.values());
    }
}
