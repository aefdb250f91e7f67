package org.jujia.settlement;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.jujia.catalogue.Payer;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of settlement: runs with progress, statements, bills, claim files, the pool ledger, budgets. */
@Controller
@PreAuthorize("hasAuthority('PERM_SETTLEMENT_READ') or hasAuthority('PERM_SETTLEMENT_ADMIN')")
class SettlementConsoleController {

    private final Settlement settlement;
    private final RegionDirectory regions;

    SettlementConsoleController(Settlement settlement, RegionDirectory regions) {
        this.settlement = settlement;
        this.regions = regions;
    }

    /** Formats fen as yuan on the pages. */
    public static final class Fmt {
        public String yuan(Long fen) {
            return fen == null ? "" : StatementDocuments.yuan(fen);
        }

        public String yuan(long fen) {
            return StatementDocuments.yuan(fen);
        }
    }

    @ExceptionHandler({ ValidationException.class, ConflictException.class })
    String invalid(RuntimeException e, HttpServletResponse response, Model model) {
        response.setStatus(e instanceof ConflictException ? 409 : 400);
        model.addAttribute("status", response.getStatus());
        model.addAttribute("error", e instanceof ValidationException v
                ? v.violations().stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.joining("; ")) : e.getMessage());
        return "error";
    }

    @GetMapping("/settlement")
    String runs(Jurisdiction j, Model model) {
        if (j.familyOnly()) {
            return "redirect:/settlement/bills";
        }
        model.addAttribute("runs", settlement.runs(j));
        model.addAttribute("regions", regions.tree(j).stream().filter(r -> r.level().ordinal() <= RegionLevel.STREET.ordinal()).toList());
        model.addAttribute("month", settlement.currentMonth().minusMonths(1));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/runs";
    }

    @PostMapping("/settlement/runs")
    String preview(@RequestParam(required = false) String month, @RequestParam(required = false) Long regionId, Jurisdiction j) {
        SettlementRun run = settlement.preview(month == null || month.isBlank() ? null : SettlementApiController.month(month), regionId, j);
        return "redirect:/settlement/runs/" + run.id();
    }

    @GetMapping("/settlement/runs/{id}")
    String run(@PathVariable long id, Jurisdiction j, Model model) {
        SettlementRun run = settlement.run(id, j);
        model.addAttribute("run", run);
        model.addAttribute("sfmt", new Fmt());
        if (!j.familyOnly() && !run.status().busy()) {
            model.addAttribute("statements", settlement.providerStatements(id, j));
            if (settlement.providerOf(j).isEmpty()) {
                model.addAttribute("bills", settlement.elderMonths(id, j));
            }
        }
        model.addAttribute("canClose", j.can("SETTLEMENT_ADMIN") && run.status() == RunStatus.PREVIEW && run.month().isBefore(settlement.currentMonth()));
        model.addAttribute("staff", settlement.providerOf(j).isEmpty() && !j.familyOnly());
        return "settlement/run";
    }

    @GetMapping("/settlement/runs/{id}/progress")
    String progress(@PathVariable long id, Jurisdiction j, Model model) {
        model.addAttribute("run", settlement.run(id, j));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/run :: progress";
    }

    @PostMapping("/settlement/runs/{id}/close")
    String close(@PathVariable long id, Jurisdiction j) {
        settlement.close(id, j);
        return "redirect:/settlement/runs/" + id;
    }

    @GetMapping("/settlement/runs/{id}/providers/{providerId}")
    String provider(@PathVariable long id, @PathVariable long providerId, Jurisdiction j, Model model) {
        Statements.ProviderDetail d = settlement.providerStatement(id, providerId, j);
        model.addAttribute("d", d);
        model.addAttribute("visits", settlement.providerVisits(providerId, d.run().month(), j));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/provider";
    }

    @GetMapping("/settlement/runs/{id}/elders/{elderId}")
    String bill(@PathVariable long id, @PathVariable long elderId, Jurisdiction j, Model model) {
        model.addAttribute("b", settlement.elderBill(id, elderId, j));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/bill";
    }

    @GetMapping("/settlement/bills")
    String bills(Jurisdiction j, Model model) {
        model.addAttribute("bills", settlement.billsOf(null, j));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/bills";
    }

    // ---------------------------------------------------------------- downloads (the console's session; the API has the same under /api/v1)

    @GetMapping("/settlement/runs/{id}/providers/{providerId}/statement.xlsx")
    ResponseEntity<byte[]> providerXlsx(@PathVariable long id, @PathVariable long providerId, Jurisdiction j) {
        Statements.ProviderDetail d = settlement.providerStatement(id, providerId, j);
        return SettlementApiController.file(StatementDocuments.providerXlsx(d), SettlementApiController.XLSX,
                "provider-" + providerId + "-" + d.run().month() + ".xlsx");
    }

    @GetMapping("/settlement/runs/{id}/providers/{providerId}/statement.pdf")
    ResponseEntity<byte[]> providerPdf(@PathVariable long id, @PathVariable long providerId, Jurisdiction j) {
        Statements.ProviderDetail d = settlement.providerStatement(id, providerId, j);
        return SettlementApiController.file(StatementDocuments.providerPdf(d), MediaType.APPLICATION_PDF,
                "provider-" + providerId + "-" + d.run().month() + ".pdf");
    }

    @GetMapping("/settlement/runs/{id}/elders/{elderId}/bill.xlsx")
    ResponseEntity<byte[]> billXlsx(@PathVariable long id, @PathVariable long elderId, Jurisdiction j) {
        Statements.ElderBill b = settlement.elderBill(id, elderId, j);
        return SettlementApiController.file(StatementDocuments.billXlsx(b), SettlementApiController.XLSX, "bill-" + elderId + "-" + b.run().month() + ".xlsx");
    }

    @GetMapping("/settlement/runs/{id}/elders/{elderId}/bill.pdf")
    ResponseEntity<byte[]> billPdf(@PathVariable long id, @PathVariable long elderId, Jurisdiction j) {
        Statements.ElderBill b = settlement.elderBill(id, elderId, j);
        return SettlementApiController.file(StatementDocuments.elderPdf(b), MediaType.APPLICATION_PDF, "bill-" + elderId + "-" + b.run().month() + ".pdf");
    }

    @GetMapping("/settlement/runs/{id}/claims/{payer}.csv")
    ResponseEntity<byte[]> claimCsv(@PathVariable long id, @PathVariable String payer, Jurisdiction j) {
        List<Statements.ClaimLine> lines = settlement.claim(id, SettlementApiController.payer(payer), j);
        return SettlementApiController.file(StatementDocuments.claimCsv(lines), SettlementApiController.CSV, "claim-" + payer + "-run" + id + ".csv");
    }

    @GetMapping("/settlement/runs/{id}/claims/{payer}.xlsx")
    ResponseEntity<byte[]> claimXlsx(@PathVariable long id, @PathVariable String payer, Jurisdiction j) {
        SettlementRun run = settlement.run(id, j);
        List<Statements.ClaimLine> lines = settlement.claim(id, SettlementApiController.payer(payer), j);
        return SettlementApiController.file(StatementDocuments.claimXlsx(run, payer, lines), SettlementApiController.XLSX,
                "claim-" + payer + "-" + run.month() + ".xlsx");
    }

    // ---------------------------------------------------------------- pool and budgets

    @GetMapping("/settlement/pool")
    String pool(@RequestParam(required = false) String on, Jurisdiction j, Model model) {
        LocalDate day = SettlementApiController.date(on, "on");
        model.addAttribute("on", day);
        model.addAttribute("balances", settlement.balances(day, j));
        model.addAttribute("entries", settlement.entries(100, j));
        model.addAttribute("balanced", settlement.ledgerBalanced());
        model.addAttribute("today", LocalDate.now(SettlementStore.ZONE));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/pool";
    }

    @PostMapping("/settlement/pool/contributions")
    String contribute(@RequestParam(required = false) String amountYuan, @RequestParam(required = false) String postedOn,
            @RequestParam(required = false) String memo, Jurisdiction j, RedirectAttributes flash) {
        Long fen = yuanToFen(amountYuan, "amountFen");
        settlement.contribute(fen, postedOn == null || postedOn.isBlank() ? null : SettlementApiController.date(postedOn, "postedOn"), memo, j);
        flash.addFlashAttribute("flashOk", true);
        return "redirect:/settlement/pool";
    }

    @GetMapping("/settlement/budgets")
    String budgets(@RequestParam(required = false) Integer year, Jurisdiction j, Model model) {
        int y = year == null ? settlement.currentMonth().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("budgets", settlement.budgets(y, j));
        model.addAttribute("sfmt", new Fmt());
        return "settlement/budgets";
    }

    @PostMapping("/settlement/budgets/{providerId}/{year}")
    String setBudget(@PathVariable long providerId, @PathVariable int year, @RequestParam(required = false) String budgetYuan, Jurisdiction j,
            RedirectAttributes flash) {
        settlement.setBudget(providerId, year, yuanToFen(budgetYuan, "budgetFen"), j);
        flash.addFlashAttribute("flashOk", true);
        return "redirect:/settlement/budgets?year=" + year;
    }

    @PostMapping("/settlement/budgets/{providerId}/{year}/score")
    String score(@PathVariable long providerId, @PathVariable int year, @RequestParam(required = false) String score, Jurisdiction j,
            RedirectAttributes flash) {
        BigDecimal s;
        try {
            s = score == null || score.isBlank() ? null : new BigDecimal(score.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.of("score", "format", "a number like 85.5");
        }
        settlement.recordScore(providerId, year, s, j);
        flash.addFlashAttribute("flashOk", true);
        return "redirect:/settlement/budgets?year=" + year;
    }

    static Long yuanToFen(String yuan, String field) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(yuan.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw ValidationException.of(field, "format", "an amount in yuan with at most two decimals");
        }
    }

    static String regionLabel(Region r) {
        return r.name();
    }
}
