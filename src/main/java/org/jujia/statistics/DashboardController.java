package org.jujia.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jujia.elder.ElderRegistry;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.Jurisdiction;
import org.jujia.visit.VisitStatus;
import org.jujia.visit.Visits;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's home page: counts for the caller's area. */
@Controller
class DashboardController {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final Visits visits;

    DashboardController(ElderRegistry elders, RegionDirectory regions, Visits visits) {
        this.elders = elders;
        this.regions = regions;
        this.visits = visits;
    }

    @GetMapping("/")
    String dashboard(Jurisdiction j, Model model, Authentication auth,
            @RequestHeader(name = "User-Agent", required = false) String userAgent,
            @RequestParam(required = false) String console) {
        // On a phone, a pure caregiver or family member lands on their phone pages (?console=1 keeps the console).
        if (console == null && userAgent != null && userAgent.contains("Mobi")) {
            var roles = auth.getAuthorities().stream().map(a -> a.getAuthority()).filter(a -> a.startsWith("ROLE_")).toList();
            if (!roles.isEmpty() && roles.stream().allMatch("ROLE_CAREGIVER"::equals)) {
                return "redirect:/m/caregiver";
            }
            if (j.familyOnly() && j.can("VISIT_CONFIRM")) {
                return "redirect:/m/family";
            }
        }
        var path = j.scopePath().split("/");
        long homeId = Long.parseLong(path[path.length - 1]);
        model.addAttribute("home", regions.lineage(homeId));
        if (j.can("ELDER_READ")) {
            model.addAttribute("stats", elders.stats(j));
            model.addAttribute("byCommunity", elders.countByCommunity(j));
            model.addAttribute("byAge", elders.countByAgeBand(j));
            model.addAttribute("byColour", elders.countByColour(j));
        }
        if (j.can("VISIT_READ") && !j.familyOnly()) {
            Map<VisitStatus, Long> today = visits.countByStatus(LocalDate.now(SHANGHAI), j);
            long total = today.entrySet().stream().filter(e -> e.getKey() != VisitStatus.CANCELLED).mapToLong(Map.Entry::getValue).sum();
            long done = count(today, VisitStatus.VERIFIED, VisitStatus.CONFIRMED, VisitStatus.FLAGGED, VisitStatus.DISPUTED,
                    VisitStatus.FRAUD_CONFIRMED);
            model.addAttribute("visitsToday", Map.of("total", total, "inProgress", count(today, VisitStatus.IN_PROGRESS),
                    "verified", count(today, VisitStatus.VERIFIED, VisitStatus.CONFIRMED), "flagged",
                    count(today, VisitStatus.FLAGGED, VisitStatus.DISPUTED), "scheduled", count(today, VisitStatus.SCHEDULED), "done", done));
        }
        model.addAttribute("communities", regions.ofLevel(RegionLevel.COMMUNITY, j).size());
        return "statistics/dashboard";
    }

    private static long count(Map<VisitStatus, Long> counts, VisitStatus... statuses) {
        long n = 0;
        for (VisitStatus s : statuses) {
            n += counts.getOrDefault(s, 0L);
        }
        return n;
    }
}
