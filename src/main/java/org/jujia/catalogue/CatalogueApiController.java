package org.jujia.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.Violations;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service catalogue, packages and quotes (PLATFORM.md §4, §7). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('PERM_CATALOGUE_READ')")
@Tag(name = "Catalogue", description = "Service items with versioned prices, the BASIC/UPGRADE/PERSONAL packages and their monthly "
        + "entitlements, and quotes: who pays what (GOVERNMENT, LTC_INSURANCE, COMMERCIAL_INSURANCE, SELF) per PLATFORM.md §7")
class CatalogueApiController {

    static final String QUOTE_EXAMPLE = """
            {"elderId": 1, "month": "2026-12", "lines": [{"itemCode": "MEAL_LUNCH", "quantity": 31}, {"itemCode": "BATHING_HOME", "quantity": 3}]}
            or {"colour": "YELLOW", "economicCategory": "ORDINARY", "ltcInsured": true, "commercialInsured": false, "hardshipSelfCare": null,
                "highRiskCaregiver": false, "month": "2026-12", "lines": [{"itemCode": "CLEANING_HOME", "quantity": 4}]}""";

    private final ServiceCatalogue catalogue;

    CatalogueApiController(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** An item as listed by the API; {@code monthlyEntitlement} is for the month of the requested day (null = unlimited). */
    record ItemView(String code, String nameZh, String nameEn, String category, @JsonProperty("package") ServicePackage servicePackage,
            ServiceUnit unit, long unitPriceFen, long priceVersionId, LocalDate priceEffectiveFrom, Integer monthlyEntitlement,
            Entitlement entitlement, boolean respiteCare, Qualification requiredQualification, CaregiverLevel minCaregiverLevel,
            int standardMinutes, String qualityStandard, List<QualityCheck> checks, boolean active) {

        static ItemView of(ServiceItem i, LocalDate on) {
            return new ItemView(i.code(), i.nameZh(), i.nameEn(), i.category(), i.servicePackage(), i.unit(), i.unitPriceFen(),
                    i.priceVersion().id(), i.priceVersion().effectiveFrom(), i.monthlyEntitlement(YearMonth.from(on)), i.entitlement(),
                    i.respiteCare(), i.requiredQualification(), i.minCaregiverLevel(), i.standardMinutes(), i.qualityStandard(), i.checks(),
                    i.active());
        }
    }

    @GetMapping("/catalogue/items")
    @Operation(summary = "Service items with the price in force on a day",
            description = "Example: /api/v1/catalogue/items?package=BASIC&category=LIVING_CARE&on=2026-12-01")
    List<ItemView> items(@Parameter(description = "day of the prices (default today)") @RequestParam(required = false) LocalDate on,
            @RequestParam(required = false) String category, @RequestParam(name = "package", required = false) ServicePackage servicePackage,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        LocalDate day = on == null ? catalogue.today() : on;
        return catalogue.items(day, category, servicePackage, includeInactive).stream().map(i -> ItemView.of(i, day)).toList();
    }

    @GetMapping("/catalogue/items/{code}")
    @Operation(summary = "One service item with the price in force on a day (404 when unknown or not priced that day)")
    ItemView item(@PathVariable String code, @RequestParam(required = false) LocalDate on) {
        LocalDate day = on == null ? catalogue.today() : on;
        return catalogue.find(code, day).map(i -> ItemView.of(i, day)).orElseThrow(() -> new NotFoundException("service item", code));
    }

    @GetMapping("/catalogue/items/{code}/prices")
    @Operation(summary = "Every price version of an item, newest first")
    List<PriceVersion> prices(@PathVariable String code) {
        return catalogue.priceHistory(code);
    }

    @GetMapping("/catalogue/categories")
    List<ServiceCategory> categories() {
        return catalogue.categories();
    }

    @GetMapping("/catalogue/packages")
    @Operation(summary = "The three packages with their items and monthly entitlements", description = "Example: ?month=2026-12 (default: this month)")
    List<PackageView> packages(@RequestParam(required = false) String month) {
        return catalogue.packages(month(month));
    }

    private YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            return YearMonth.from(catalogue.today());
        }
        Violations v = new Violations();
        YearMonth m = QuoteRequest.month(raw, v);
        v.throwIfAny();
        return m;
    }

    @PostMapping("/quotes")
    @Operation(summary = "How much will this cost us? Who pays each line in a month",
            description = "Either an elder of the caller's jurisdiction (family: their own elders) or an explicit funding profile. "
                    + "Answer: per line quantity within/beyond entitlement, unitPriceFen, amountFen and payers; totals per payer; "
                    + "subsidies applied; selfAfterSubsidiesFen. Example: " + QUOTE_EXAMPLE)
    Quote quote(@RequestBody Map<String, Object> body, Jurisdiction j) {
        QuoteRequest r = QuoteRequest.parse(body);
        return r.elderId() != null ? catalogue.quote(r.elderId(), r.month(), r.lines(), j) : catalogue.quote(r.profile(), r.month(), r.lines());
    }

    // ---------------------------------------------------------------- administration

    @PostMapping("/catalogue/items")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    @Operation(summary = "Add a service item with its first price", description = """
            Example: {"code":"MEAL_DINNER","nameZh":"助餐（晚餐）","nameEn":"Dinner delivery","category":"LIVING_CARE","servicePackage":"UPGRADE",
            "unit":"MEAL","standardMinutes":15,"entitlementQuantity":1,"entitlementPer":"DAY","requiredQualification":"NONE",
            "qualityStandard":"热食晚餐 ≥ 500 kcal","checks":[{"name":"energy_kcal","min":500,"unit":"kcal"}],"unitPriceFen":1200}""")
    ResponseEntity<ItemView> create(@RequestBody ItemInput input, Jurisdiction j) {
        ServiceItem created = catalogue.createItem(input, j);
        return ResponseEntity.created(URI.create("/api/v1/catalogue/items/" + created.code()))
                .body(ItemView.of(created, created.priceVersion().effectiveFrom()));
    }

    @PutMapping("/catalogue/items/{code}")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    @Operation(summary = "Edit a service item (not its price: schedule a price version instead)")
    ItemView update(@PathVariable String code, @RequestBody ItemInput input, Jurisdiction j) {
        ServiceItem item = catalogue.updateItem(code, input, j);
        LocalDate today = catalogue.today();
        return ItemView.of(item, item.priceVersion().effectiveFrom().isAfter(today) ? item.priceVersion().effectiveFrom() : today);
    }

    record PriceChange(Long unitPriceFen, LocalDate effectiveFrom, String note) {
    }

    @PostMapping("/catalogue/items/{code}/prices")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    @Operation(summary = "Schedule a price change (effective after today)", description = "Example: {\"unitPriceFen\":1600,\"effectiveFrom\":\"2027-01-01\",\"note\":\"2027 年指导价\"}")
    ResponseEntity<PriceVersion> schedule(@PathVariable String code, @RequestBody PriceChange change, Jurisdiction j) {
        PriceVersion p = catalogue.schedulePrice(code, change.unitPriceFen(), change.effectiveFrom(), change.note(), j);
        return ResponseEntity.created(URI.create("/api/v1/catalogue/items/" + code + "/prices/" + p.id())).body(p);
    }

    @DeleteMapping("/catalogue/items/{code}/prices/{id}")
    @PreAuthorize("hasAuthority('PERM_CATALOGUE_ADMIN')")
    @Operation(summary = "Cancel a scheduled price version that is not yet in force")
    ResponseEntity<Void> cancel(@PathVariable String code, @PathVariable long id, Jurisdiction j) {
        catalogue.cancelPrice(code, id, j);
        return ResponseEntity.noContent().build();
    }
}
