package org.jujia.workforce;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff records, certificates, training, promotions, assignability, staffing ratios and the blacklist (PLATFORM.md §9). */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff", description = "Staff records (identity SM4-sealed), certificates, training, promotions, assignability, staffing ratios, blacklist")
class StaffApiController {

    private final StaffStore staff;
    private final StaffingRatios ratios;
    private final Blacklist blacklist;
    private final Workforce workforce;
    private final Clock clock;

    StaffApiController(StaffStore staff, StaffingRatios ratios, Blacklist blacklist, Workforce workforce, Clock clock) {
        this.staff = staff;
        this.ratios = ratios;
        this.blacklist = blacklist;
        this.workforce = workforce;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ staff records

    @GetMapping("/members")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "Staff in the caller's scope (a provider: its own), optionally of one provider and role; ID numbers masked")
    List<Staff.Member> list(@RequestParam(required = false) Long providerId, @RequestParam(required = false) StaffRole role, Jurisdiction j) {
        return staff.list(providerId, role, j);
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Create a staff record (a provider: for itself); refused for a blacklisted person")
    Staff.Member create(@RequestBody Staff.Input in, Jurisdiction j) {
        return staff.create(in, j);
    }

    @GetMapping("/members/{id}")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "One staff record (audited view)")
    Staff.Member get(@PathVariable long id, Jurisdiction j) {
        return staff.get(id, j);
    }

    @PutMapping("/members/{id}")
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Replace a staff record (a blank ID number keeps the stored one)")
    Staff.Member update(@PathVariable long id, @RequestBody Staff.Input in, Jurisdiction j) {
        return staff.update(id, in, j);
    }

    record RevealInput(String purpose) {
    }

    @PostMapping("/members/{id}/reveal")
    @PreAuthorize("hasAnyAuthority('PERM_STAFF_ADMIN', 'PERM_SENSITIVE_REVEAL', 'PERM_BLACKLIST_CONFIRM')")
    @Operation(summary = "The ID number in the clear, for a stated purpose (audited REVEAL)")
    Map<String, String> reveal(@PathVariable long id, @RequestBody RevealInput in, Jurisdiction j) {
        String number = staff.revealIdNumber(id, in == null ? null : in.purpose(), j);
        return java.util.Collections.singletonMap("idNumber", number);
    }

    // ------------------------------------------------------------------ certificates

    @GetMapping("/members/{id}/certificates")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "A staff member's certificates, latest expiry first")
    List<Staff.Certificate> certificates(@PathVariable long id, Jurisdiction j) {
        staff.visible(id, j);
        return staff.certificates(id);
    }

    @PostMapping("/members/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Record a certificate (type = the qualification it proves: CAREGIVER with a level, NURSE, REHAB_THERAPIST…)")
    Staff.Certificate addCertificate(@PathVariable long id, @RequestBody Staff.CertificateInput in, Jurisdiction j) {
        return staff.addCertificate(id, in, j);
    }

    @GetMapping("/certificates/expiring")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "Certificates expiring within (or expired in the last) N days, default 60")
    List<Staff.ExpiringCertificate> expiring(@RequestParam(defaultValue = "60") int days, Jurisdiction j) {
        return staff.expiring(Math.max(0, Math.min(days, 366)), j);
    }

    // ------------------------------------------------------------------ training and promotion

    @GetMapping("/courses")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "The training courses (pre-job theory and practice, in-service)")
    List<Staff.Course> courses() {
        return staff.courses();
    }

    @GetMapping("/members/{id}/training")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "Pre-job progress (160 h, topics) and the owed in-service months of the last year with their 5% flags")
    Staff.TrainingStatus training(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Jurisdiction j) {
        return staff.training(id, asOf == null ? LocalDate.now(clock) : asOf, j);
    }

    @PostMapping("/members/{id}/training")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Record an attendance (online check-in time, practical exam result); credited only when checked in and passed")
    Staff.Attendance attend(@PathVariable long id, @RequestBody Staff.AttendanceInput in, Jurisdiction j) {
        return staff.recordAttendance(id, in, j);
    }

    @GetMapping("/members/{id}/promotions")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    List<Staff.Promotion> promotions(@PathVariable long id, Jurisdiction j) {
        staff.visible(id, j);
        return staff.promotions(id);
    }

    @PostMapping("/members/{id}/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_STAFF_ADMIN')")
    @Operation(summary = "Promote a caregiver one step (护理员 → 高级护理员 → 技师), +15% monthly pay, recorded")
    Staff.Promotion promote(@PathVariable long id, @RequestBody(required = false) Staff.PromotionInput in, Jurisdiction j) {
        return staff.promote(id, in, j);
    }

    // ------------------------------------------------------------------ assignability

    record AssignabilityAnswer(long userId, Qualification qualification, CaregiverLevel minLevel, LocalDate date, Eligibility eligibility,
            boolean assignable) {
    }

    @GetMapping("/assignability")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "May this caregiver do a service needing this qualification (and level) on this date? The first reason that applies")
    AssignabilityAnswer assignability(@RequestParam long userId, @RequestParam(defaultValue = "CAREGIVER") Qualification qualification,
            @RequestParam(required = false) CaregiverLevel minLevel, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Jurisdiction j) {
        staff.visible(staff.idOfUser(userId).orElseThrow(() -> new NotFoundException("staff of user", userId)), j);
        LocalDate d = date == null ? LocalDate.now(clock) : date;
        Eligibility e = workforce.assignability(userId, qualification, minLevel, d);
        return new AssignabilityAnswer(userId, qualification, minLevel, d, e, e.eligible());
    }

    // ------------------------------------------------------------------ staffing ratios

    @GetMapping("/ratios")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "Staffing-ratio compliance per provider (streetId null) and per provider and street: served, required, actual, shortfall")
    List<Staff.RatioLine> ratios(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Jurisdiction j) {
        return ratios.report(date == null ? LocalDate.now(clock) : date, j);
    }

    @GetMapping("/ratios/history")
    @PreAuthorize("hasAuthority('PERM_STAFF_READ')")
    @Operation(summary = "Monthly ratio snapshots per provider, newest first")
    List<Staff.RatioSnapshot> ratioHistory(@RequestParam(required = false) Long providerId, Jurisdiction j) {
        return ratios.history(providerId, j);
    }

    @PostMapping("/ratios/snapshots")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    @Operation(summary = "Record (replace) the running month's snapshot now (civil affairs; it is also refreshed nightly)")
    Map<String, Object> snapshot(Jurisdiction j) {
        LocalDate today = LocalDate.now(clock);
        return Map.of("month", YearMonth.from(today).toString(), "lines", ratios.snapshot(YearMonth.from(today), today));
    }

    // ------------------------------------------------------------------ blacklist

    @GetMapping("/blacklist")
    @PreAuthorize("hasAnyAuthority('PERM_STAFF_READ', 'PERM_BLACKLIST_CONFIRM')")
    @Operation(summary = "Blacklist cases in the caller's scope, optionally of one status (PROPOSED, CONFIRMED, REJECTED, CORRECTED)")
    List<Staff.BlacklistCase> cases(@RequestParam(required = false) String status, Jurisdiction j) {
        return blacklist.list(status, j);
    }

    @PostMapping("/blacklist")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('PERM_STAFF_ADMIN', 'PERM_BLACKLIST_CONFIRM')")
    @Operation(summary = "Propose a person for the blacklist by hand (or from an abuse complaint) with reason and evidence")
    Staff.BlacklistCase propose(@RequestBody Staff.ProposalInput in, Jurisdiction j) {
        return blacklist.proposeByHand(in, j);
    }

    @GetMapping("/blacklist/{id}")
    @PreAuthorize("hasAnyAuthority('PERM_STAFF_READ', 'PERM_BLACKLIST_CONFIRM')")
    Staff.BlacklistCase blacklistCase(@PathVariable long id, Jurisdiction j) {
        return blacklist.get(id, j);
    }

    record ConfirmInput(BlacklistCase.Party party, String note) {
    }

    @PostMapping("/blacklist/{id}/confirmations")
    @PreAuthorize("hasAuthority('PERM_BLACKLIST_CONFIRM')")
    @Operation(summary = "Confirm for the caller's party (STREET, CIVIL_AFFAIRS, POLICE); the third different party's confirmation bans for life")
    Staff.BlacklistCase confirm(@PathVariable long id, @RequestBody(required = false) ConfirmInput in, Jurisdiction j) {
        return blacklist.confirm(id, in == null ? null : in.party(), in == null ? null : in.note(), j);
    }

    record CorrectionInput(String reason) {
    }

    @PostMapping("/blacklist/{id}/correction")
    @PreAuthorize("hasAuthority('PERM_BLACKLIST_CONFIRM')")
    @Operation(summary = "Correct a case (civil affairs only, with a reason): a proposal is rejected, a ban lifted and the credit system told")
    Staff.BlacklistCase correct(@PathVariable long id, @RequestBody CorrectionInput in, Jurisdiction j) {
        return blacklist.correct(id, in == null ? null : in.reason(), j);
    }
}
