package org.jujia.settlement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The published usage of the city special pool ({@code /public/pool}, no login): contributions by source, spending
 * by kind and the balance — totals only, no personal data, no provider names.
 */
@Controller
class PoolPublicController {

    private final Settlement settlement;

    PoolPublicController(Settlement settlement) {
        this.settlement = settlement;
    }

    @GetMapping("/public/pool")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null || year < 2000 || year > 2100 ? settlement.currentMonth().getYear() : year;
        model.addAttribute("s", settlement.publicSummary(y));
        model.addAttribute("prev", y - 1);
        model.addAttribute("next", y + 1);
        model.addAttribute("sfmt", new SettlementConsoleController.Fmt());
        return "settlement/public-pool";
    }
}
