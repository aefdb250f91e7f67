package org.jujia.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Money;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of the workforce: staff list with certificates expiring soon, the staff page (record, certificates,
 * training progress and in-service months, promotions, assignability today, "propose for blacklist"), the
 * staffing-ratio report per provider and street with its monthly history, and the blacklist cases with the
 * confirmation and correction forms.
 */
@Controller
@PreAuthorize("hasAnyAuthority('PERM_STAFF_READ', 'PERM_BLACKLIST_CONFIRM')")
class StaffConsoleController {

    private final StaffStore staff;
    private final StaffingRatios ratios;
    private final Blacklist blacklist;
    private final Workforce workforce;
    private final Clock clock;

    StaffConsoleController(StaffStore staff, StaffingRatios ratios, Blacklist blacklist, Workforce workforce, Clock clock) {
        this.staff = staff;
        this.ratios = ratios;
        this.blacklist = blacklist;
        this.workforce = workforce;
        this.clock = clock;
    }

    /** Formatting for the templates. */
    public static final class Fmt {
        public String yuan(long fen) {
            return new Money(fen).toYuanString();
        }

        public String hours(int minutes) {
            return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
        }

        public String time(java.time.Instant i) {
            return i == null ? "—" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai")).format(i);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** The qualification a post's services need. */
    private static final Map<StaffRole, org.jujia.catalogue.Qualification> POST_QUALIFICATION = Map.of(
            StaffRole.CAREGIVER, org.jujia.catalogue.Qualification.CAREGIVER,
            StaffRole.COMMUNITY_NURSE, org.jujia.catalogue.Qualification.NURSE,
            StaffRole.REHAB_THERAPIST, org.jujia.catalogue.Qualification.REHAB_THERAPIST,
            StaffRole.SOCIAL_WORKER, org.jujia.catalogue.Qualification.SOCIAL_WORKER);

    @GetMapping("/staff")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    String list(@RequestParam(required = false) StaffRole role, Jurisdiction j, Model model) {
        List<Staff.Member> members = staff.list(null, role, j);
        LocalDate today = today();
        // each by the qualification of their post (a caregiver's certificate counts; simple services for the others)
        Map<Long, Eligibility> eligibility = new java.util.HashMap<>();
        members.stream().filter(m -> m.userId() != null)
                .collect(Collectors.groupingBy(m -> POST_QUALIFICATION.getOrDefault(m.role(), org.jujia.catalogue.Qualification.NONE),
                        Collectors.mapping(Staff.Member::userId, Collectors.toList())))
                .forEach((q, users) -> eligibility.putAll(workforce.assignability(users, q, null, today)));
        model.addAttribute("members", members);
        model.addAttribute("eligibility", eligibility.entrySet().stream().collect(Collectors.toMap(e -> "u" + e.getKey(), e -> e.getValue().name())));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("role", role);
        model.addAttribute("expiring", staff.expiring(60, j));
        model.addAttribute("f", new Fmt());
        return "workforce/list";
    }

    @GetMapping("/staff/{id}")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    String detail(@PathVariable long id, Jurisdiction j, Model model) {
        Staff.Member m = staff.get(id, j);
        LocalDate today = today();
        model.addAttribute("m", m);
        model.addAttribute("today", today);
        model.addAttribute("certificates", staff.certificates(id));
        model.addAttribute("training", staff.training(id, today, j));
        model.addAttribute("promotions", staff.promotions(id));
        model.addAttribute("courses", staff.courses());
        model.addAttribute("assignability", m.userId() == null ? Map.of() : assignabilityByQualification(m.userId(), today));
        model.addAttribute("f", new Fmt());
        return "workforce/detail";
    }

    /** Whether the caregiver may be sent out today: for services needing no qualification, and for each one they hold. */
    private Map<String, Eligibility> assignabilityByQualification(long userId, LocalDate today) {
        Map<String, Eligibility> out = new java.util.LinkedHashMap<>();
        out.put(org.jujia.catalogue.Qualification.NONE.name(), workforce.assignability(userId, org.jujia.catalogue.Qualification.NONE, null, today));
        workforce.caregiver(userId).map(Caregiver::qualifications).orElse(java.util.Set.of()).stream()
                .filter(q -> q != org.jujia.catalogue.Qualification.NONE).sorted()
                .forEach(q -> out.put(q.name(), workforce.assignability(userId, q, null, today)));
        return out;
    }

    @PostMapping("/staff/{id}/training")
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    String attend(@PathVariable long id, @RequestParam String courseCode, @RequestParam LocalDate attendedOn, @RequestParam(required = false) Integer minutes,
            @RequestParam(required = false) String exam, Jurisdiction j, RedirectAttributes flash) {
        Boolean passed = exam == null || exam.isBlank() ? null : Boolean.valueOf(exam);
        return act("/staff/" + id, flash, () -> staff.recordAttendance(id, new Staff.AttendanceInput(courseCode, attendedOn, minutes, clock.instant(), passed), j));
    }

    @PostMapping("/staff/{id}/certificates")
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    String certificate(@PathVariable long id, @RequestParam String type, @RequestParam String number, @RequestParam(required = false) String level,
            @RequestParam String issuer, @RequestParam LocalDate validFrom, @RequestParam LocalDate validTo, Jurisdiction j, RedirectAttributes flash) {
        org.jujia.catalogue.CaregiverLevel l = level == null || level.isBlank() ? null : org.jujia.catalogue.CaregiverLevel.valueOf(level);
        return act("/staff/" + id, flash, () -> staff.addCertificate(id, new Staff.CertificateInput(type, number, l, issuer, validFrom, validTo), j));
    }

    @PostMapping("/staff/{id}/promotions")
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    String promote(@PathVariable long id, @RequestParam(required = false) String reason, Jurisdiction j, RedirectAttributes flash) {
        return act("/staff/" + id, flash, () -> staff.promote(id, new Staff.PromotionInput(null, reason), j));
    }

    @PostMapping("/staff/{id}/blacklist")
    @PreAuthorize("hasAnyAuthority('PERM_STAFF_ADMIN', 'PERM_BLACKLIST_CONFIRM')")
    String propose(@PathVariable long id, @RequestParam String reason, @RequestParam String evidence, @RequestParam(defaultValue = "MANUAL") String source,
            Jurisdiction j, RedirectAttributes flash) {
        try {
            Staff.BlacklistCase c = blacklist.proposeByHand(new Staff.ProposalInput(null, id, source, reason, evidence), j);
            flash.addFlashAttribute("flashOk", true);
            return "redirect:/staff/blacklist/" + c.id();
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/staff/" + id;
        }
    }

    @GetMapping("/staff/ratios")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    String ratios(@RequestParam(required = false) Long providerId, Jurisdiction j, Model model) {
        List<Staff.RatioLine> lines = ratios.report(today(), j);
        model.addAttribute("providerLines", lines.stream().filter(l -> l.streetId() == null).toList());
        model.addAttribute("streetLines", lines.stream().filter(l -> l.streetId() != null).toList());
        List<Staff.RatioSnapshot> history = ratios.history(providerId, j);
        // one row per month and provider: met every ratio? total shortfall
        Map<String, List<Staff.RatioSnapshot>> byMonth = history.stream().collect(Collectors.groupingBy(s -> s.month() + "|" + s.providerId(),
                java.util.LinkedHashMap::new, Collectors.toList()));
        Map<Long, String> names = lines.stream().collect(Collectors.toMap(Staff.RatioLine::providerId, Staff.RatioLine::providerName, (a, b) -> a));
        model.addAttribute("history", byMonth.values().stream().map(g -> Map.of("month", g.get(0).month().toString().substring(0, 7), "provider",
                names.getOrDefault(g.get(0).providerId(), "#" + g.get(0).providerId()), "served", g.get(0).served(), "shortfall",
                g.stream().mapToInt(Staff.RatioSnapshot::shortfall).sum())).toList());
        model.addAttribute("today", today());
        return "workforce/ratios";
    }

    @GetMapping("/staff/blacklist")
    String cases(@RequestParam(required = false) String status, Jurisdiction j, Model model) {
        model.addAttribute("cases", blacklist.list(status == null || status.isBlank() ? null : status, j));
        model.addAttribute("status", status);
        model.addAttribute("f", new Fmt());
        return "workforce/blacklist";
    }

    @GetMapping("/staff/blacklist/{id}")
    String blacklistCase(@PathVariable long id, Jurisdiction j, Model model) {
        model.addAttribute("c", blacklist.get(id, j));
        model.addAttribute("f", new Fmt());
        model.addAttribute("parties", BlacklistCase.Party.values());
        return "workforce/case";
    }

    @PostMapping("/staff/blacklist/{id}/confirm")
    @PreAuthorize("hasAuthority('PERM_BLACKLIST_CONFIRM')")
    String confirm(@PathVariable long id, @RequestParam(required = false) String party, @RequestParam(required = false) String note, Jurisdiction j,
            RedirectAttributes flash) {
        BlacklistCase.Party p = party == null || party.isBlank() ? null : BlacklistCase.Party.valueOf(party);
        return act("/staff/blacklist/" + id, flash, () -> blacklist.confirm(id, p, note, j));
    }

    @PostMapping("/staff/blacklist/{id}/correct")
    @PreAuthorize("hasAuthority('PERM_BLACKLIST_CONFIRM')")
    String correct(@PathVariable long id, @RequestParam(required = false) String reason, Jurisdiction j, RedirectAttributes flash) {
        return act("/staff/blacklist/" + id, flash, () -> blacklist.correct(id, reason, j));
    }

    private static String act(String back, RedirectAttributes flash, Supplier<?> action) {
        try {
            action.get();
            flash.addFlashAttribute("flashOk", true);
        } catch (ValidationException | ConflictException | NotFoundException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + back;
    }
}
