package org.jujia.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jujia.region.Organisation;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Money;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.workforce.Caregiver;
import org.jujia.workforce.Workforce;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of visits for staff: the visits of a day (per elder, caregiver, status), the review queue with the
 * flag counts of the last 90 days, and the visit page (the EVV elements at check-in and check-out with map links,
 * flags with what was measured, the record, confirmation, dispute, rating, penalty; for reviewers the photos next to
 * the enrolled face — every photo view is audited — and the review form).
 */
@Controller
@PreAuthorize("hasAnyAuthority('PERM_VISIT_READ','PERM_VISIT_REVIEW')")
class VisitConsoleController {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZONE);

    private final Visits visits;
    private final Workforce workforce;
    private final RegionDirectory regions;

    VisitConsoleController(Visits visits, Workforce workforce, RegionDirectory regions) {
        this.visits = visits;
        this.workforce = workforce;
        this.regions = regions;
    }

    /** Formatting for the templates. */
    public static final class Fmt {
        public String time(Instant i) {
            return i == null ? "—" : TIME.format(i);
        }

        public String hm(Instant i) {
            return i == null ? "—" : HM.format(i);
        }

        public String yuan(long fen) {
            return new Money(fen).toYuanString();
        }

        /** A map link (AMap marker; WGS-84 coordinates as recorded). */
        public String map(double lat, double lon) {
            return String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&coordinate=wgs84", lon, lat);
        }

        public String metres(Double m) {
            return m == null ? "—" : String.format(Locale.ROOT, "%.0f m", m);
        }
    }

    @GetMapping("/visits")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) Long elderId, @RequestParam(required = false) String caregiver,
            @RequestParam(required = false) VisitStatus status, Jurisdiction j, Model model) {
        LocalDate day = date == null && elderId == null ? LocalDate.now(ZONE) : date;
        List<Visits.VisitView> found = visits.list(new Visits.Query(caregiver, elderId, day, null, null, status), j);
        model.addAttribute("visits", found);
        model.addAttribute("date", day);
        model.addAttribute("elderId", elderId);
        model.addAttribute("caregiver", caregiver);
        model.addAttribute("status", status);
        model.addAttribute("statuses", VisitStatus.values());
        model.addAttribute("names", names(found));
        model.addAttribute("f", new Fmt());
        return "visit/list";
    }

    @GetMapping("/visits/review")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    String review(Jurisdiction j, Model model) {
        List<Visits.VisitView> queue = visits.reviewQueue(j);
        model.addAttribute("queue", queue);
        model.addAttribute("names", names(queue));
        List<VisitStore.FlagCount> byCaregiver = visits.flagCounts("caregiver", j);
        List<VisitStore.FlagCount> byProvider = visits.flagCounts("provider", j);
        Map<Long, String> caregivers = new HashMap<>();
        byCaregiver.forEach(c -> caregivers.put(c.key(), workforce.caregiver(c.key()).map(Caregiver::displayName).orElse("#" + c.key())));
        Map<Long, String> providers = new HashMap<>();
        byProvider.forEach(c -> providers.put(c.key(), regions.findOrganisation(c.key()).map(Organisation::name).orElse("#" + c.key())));
        model.addAttribute("byCaregiver", byCaregiver);
        model.addAttribute("byProvider", byProvider);
        model.addAttribute("caregiverNames", caregivers);
        model.addAttribute("providerNames", providers);
        model.addAttribute("f", new Fmt());
        return "visit/review";
    }

    @GetMapping("/visits/{id}")
    String detail(@PathVariable long id, Jurisdiction j, Model model) {
        Visits.VisitView v = visits.get(id, j);
        model.addAttribute("v", v);
        model.addAttribute("visit", v.visit());
        model.addAttribute("names", names(List.of(v)));
        model.addAttribute("reviewer", j.can("VISIT_REVIEW"));
        model.addAttribute("f", new Fmt());
        return "visit/detail";
    }

    @PostMapping("/visits/{id}/review")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision, @RequestParam(required = false) String note, Jurisdiction j,
            RedirectAttributes flash) {
        try {
            visits.review(id, new Visits.ReviewInput(decision, note), j);
            flash.addFlashAttribute("flashInfo", decision);
        } catch (ValidationException | org.jujia.shared.ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/visits/" + id;
    }

    @GetMapping("/visits/{id}/photos/{stage}")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable String stage, Jurisdiction j) {
        byte[] photo = visits.photo(id, stage.toUpperCase(Locale.ROOT), j).orElseThrow(() -> new NotFoundException("photo of visit", id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_JPEG).body(photo);
    }

    @GetMapping("/visits/{id}/enrolled-face")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    ResponseEntity<byte[]> enrolledFace(@PathVariable long id, Jurisdiction j) {
        byte[] photo = visits.enrolledFace(id, j).orElseThrow(() -> new NotFoundException("enrolled face of visit", id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_JPEG).body(photo);
    }

    /** Caregiver and provider names for the visits shown (workforce reads, not personal data of elders). */
    private Map<String, String> names(List<Visits.VisitView> list) {
        Map<String, String> names = new HashMap<>();
        for (Visits.VisitView v : list) {
            names.computeIfAbsent("c" + v.visit().caregiverUserId(),
                    k -> workforce.caregiver(v.visit().caregiverUserId()).map(Caregiver::displayName).orElse("#" + v.visit().caregiverUserId()));
            names.computeIfAbsent("p" + v.visit().providerId(),
                    k -> regions.findOrganisation(v.visit().providerId()).map(Organisation::name).orElse("#" + v.visit().providerId()));
        }
        return names;
    }
}
