package org.jujia.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jujia.catalogue.Payer;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settlement")
@PreAuthorize("hasAuthority('PERM_SETTLEMENT_READ') or hasAuthority('PERM_SETTLEMENT_ADMIN')")
@Tag(name = "Settlement", description = "Monthly settlement runs, provider statements, family bills, insurer claim files, the special pool ledger, provider budgets")
class SettlementApiController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Settlement settlement;

    SettlementApiController(Settlement settlement) {
        this.settlement = settlement;
    }

    record RunRequest(String month, Long regionId) {
    }

    @PostMapping("/runs")
    @PreAuthorize("hasAuthority('PERM_SETTLEMENT_ADMIN')")
    @Operation(summary = "Start the preview of a month for a region (a job; poll GET /runs/{id})",
            description = "Body {\"month\":\"2026-10\",\"regionId\":1}. 202 with the run (status QUEUED). Running again replaces the preview; a closed month is 409.")
    ResponseEntity<SettlementRun> preview(@RequestBody RunRequest in, Jurisdiction j) {
        YearMonth m = in.month() == null ? null : month(in.month());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(settlement.preview(m, in.regionId(), j));
    }

    @GetMapping("/runs")
    @Operation(summary = "Runs of my jurisdiction (and the city's runs covering it), newest month first")
    List<SettlementRun> runs(Jurisdiction j) {
        return settlement.runs(j);
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "A run with its progress (processed / totalVisits, percent) and totals per payer")
    SettlementRun run(@PathVariable long id, Jurisdiction j) {
        return settlement.run(id, j);
    }

    @PostMapping("/runs/{id}/close")
    @PreAuthorize("hasAuthority('PERM_SETTLEMENT_ADMIN')")
    @Operation(summary = "Close a previewed run of a past month: re-priced, visits billed once, fines deducted, ledger posted (a job)")
    ResponseEntity<SettlementRun> close(@PathVariable long id, Jurisdiction j) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(settlement.close(id, j));
    }

    @GetMapping("/runs/{id}/providers")
    @Operation(summary = "Provider statements of a run (a provider operator: only its own)")
    List<Statements.ProviderStatement> providers(@PathVariable long id, Jurisdiction j) {
        return settlement.providerStatements(id, j);
    }

    @GetMapping("/runs/{id}/providers/{providerId}")
    @Operation(summary = "A provider's statement with every line (visits, adjustments, reversals)")
    Statements.ProviderDetail provider(@PathVariable long id, @PathVariable long providerId, Jurisdiction j) {
        return settlement.providerStatement(id, providerId, j);
    }

    @GetMapping("/runs/{id}/providers/{providerId}/statement.xlsx")
    ResponseEntity<byte[]> providerXlsx(@PathVariable long id, @PathVariable long providerId, Jurisdiction j) {
        Statements.ProviderDetail d = settlement.providerStatement(id, providerId, j);
        return file(StatementDocuments.providerXlsx(d), XLSX, "provider-" + providerId + "-" + d.run().month() + ".xlsx");
    }

    @GetMapping("/runs/{id}/providers/{providerId}/statement.pdf")
    ResponseEntity<byte[]> providerPdf(@PathVariable long id, @PathVariable long providerId, Jurisdiction j) {
        Statements.ProviderDetail d = settlement.providerStatement(id, providerId, j);
        return file(StatementDocuments.providerPdf(d), MediaType.APPLICATION_PDF, "provider-" + providerId + "-" + d.run().month() + ".pdf");
    }

    @GetMapping("/runs/{id}/elders/{elderId}")
    @Operation(summary = "An elder's bill (a family member: only an elder linked to them): SELF, subsidy applied, unused allowance, what the family owes, each visit")
    Statements.ElderBill bill(@PathVariable long id, @PathVariable long elderId, Jurisdiction j) {
        return settlement.elderBill(id, elderId, j);
    }

    @GetMapping("/runs/{id}/elders/{elderId}/bill.xlsx")
    ResponseEntity<byte[]> billXlsx(@PathVariable long id, @PathVariable long elderId, Jurisdiction j) {
        Statements.ElderBill b = settlement.elderBill(id, elderId, j);
        return file(StatementDocuments.billXlsx(b), XLSX, "bill-" + elderId + "-" + b.run().month() + ".xlsx");
    }

    @GetMapping("/runs/{id}/elders/{elderId}/bill.pdf")
    ResponseEntity<byte[]> billPdf(@PathVariable long id, @PathVariable long elderId, Jurisdiction j) {
        Statements.ElderBill b = settlement.elderBill(id, elderId, j);
        return file(StatementDocuments.elderPdf(b), MediaType.APPLICATION_PDF, "bill-" + elderId + "-" + b.run().month() + ".pdf");
    }

    @GetMapping("/runs/{id}/claims/{payer}.csv")
    @Operation(summary = "An insurer's claim file (payer LTC_INSURANCE or COMMERCIAL_INSURANCE): one line per visit with the EVV elements, CSV (UTF-8)")
    ResponseEntity<byte[]> claimCsv(@PathVariable long id, @PathVariable String payer, Jurisdiction j) {
        List<Statements.ClaimLine> lines = settlement.claim(id, payer(payer), j);
        return file(StatementDocuments.claimCsv(lines), CSV, "claim-" + payer + "-run" + id + ".csv");
    }

    @GetMapping("/runs/{id}/claims/{payer}.xlsx")
    @Operation(summary = "The same claim file as Excel")
    ResponseEntity<byte[]> claimXlsx(@PathVariable long id, @PathVariable String payer, Jurisdiction j) {
        SettlementRun run = settlement.run(id, j);
        List<Statements.ClaimLine> lines = settlement.claim(id, payer(payer), j);
        return file(StatementDocuments.claimXlsx(run, payer, lines), XLSX, "claim-" + payer + "-" + run.month() + ".xlsx");
    }

    @GetMapping("/providers/{providerId}/visits")
    @Operation(summary = "Each verified visit of a provider in a month and what settlement did with it (SETTLED, BEYOND_ENTITLEMENT, AWAITING_SETTLEMENT, FRAUD_CONFIRMED)")
    List<Statements.VisitStatus> providerVisits(@PathVariable long providerId, @RequestParam String month, Jurisdiction j) {
        return settlement.providerVisits(providerId, month(month), j);
    }

    // ---------------------------------------------------------------- pool

    @GetMapping("/pool/balances")
    @Operation(summary = "Balance per account of the special pool at the end of a day (default today; debit positive, sources and income negative)")
    Map<LedgerAccount, Long> balances(@RequestParam(required = false) String on, Jurisdiction j) {
        return settlement.balances(date(on, "on"), j);
    }

    @GetMapping("/pool/entries")
    @Operation(summary = "The latest ledger entries with their postings")
    List<Settlement.EntryView> entries(@RequestParam(defaultValue = "100") int limit, Jurisdiction j) {
        return settlement.entries(limit, j);
    }

    record ContributionRequest(Long amountFen, String postedOn, String memo) {
    }

    @PostMapping("/pool/contributions")
    @PreAuthorize("hasAuthority('PERM_SETTLEMENT_ADMIN')")
    @Operation(summary = "Record a contribution: {\"amountFen\":100000000,\"postedOn\":\"2026-11-01\",\"memo\":\"…\"}, split 55/30/15 to the sources")
    ResponseEntity<Settlement.EntryView> contribute(@RequestBody ContributionRequest in, Jurisdiction j) {
        LocalDate on = in.postedOn() == null ? null : date(in.postedOn(), "postedOn");
        return ResponseEntity.status(HttpStatus.CREATED).body(settlement.contribute(in.amountFen(), on, in.memo(), j));
    }

    // ---------------------------------------------------------------- budgets

    @GetMapping("/budgets")
    @Operation(summary = "Provider budgets of a year with score, qualification and consumption per month (a provider operator: its own)")
    List<Settlement.BudgetView> budgets(@RequestParam(required = false) Integer year, Jurisdiction j) {
        return settlement.budgets(year == null ? settlement.currentMonth().getYear() : year, j);
    }

    record BudgetRequest(Long budgetFen) {
    }

    @PutMapping("/budgets/{providerId}/{year}")
    @PreAuthorize("hasAuthority('PERM_SETTLEMENT_ADMIN')")
    Settlement.BudgetView setBudget(@PathVariable long providerId, @PathVariable int year, @RequestBody BudgetRequest in, Jurisdiction j) {
        return settlement.setBudget(providerId, year, in.budgetFen(), j);
    }

    record ScoreRequest(BigDecimal score) {
    }

    @PutMapping("/budgets/{providerId}/{year}/score")
    @PreAuthorize("hasAuthority('PERM_SETTLEMENT_ADMIN')")
    @Operation(summary = "Enter the year's performance score (0–100, one decimal) until oversight computes it: < 80 cuts next year's budget by 20%, two consecutive years < 80 revoke the qualification")
    Settlement.BudgetView score(@PathVariable long providerId, @PathVariable int year, @RequestBody ScoreRequest in, Jurisdiction j) {
        return settlement.recordScore(providerId, year, in.score(), j);
    }

    // ---------------------------------------------------------------- helpers

    static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            throw ValidationException.of("month", "required", "give the month, like 2026-10");
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("month", "format", "a month like 2026-10");
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(SettlementStore.ZONE);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "format", "a date like 2026-11-30");
        }
    }

    static Payer payer(String payer) {
        try {
            return Payer.valueOf(payer);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("payer", "insurer", "LTC_INSURANCE or COMMERCIAL_INSURANCE");
        }
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}
