package org.jujia.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jujia.catalogue.CaregiverLevel;

/** The values of the staff records (PLATFORM.md §9): people, certificates, training, promotions, ratio reports, blacklist cases. */
public final class Staff {

    private Staff() {
    }

    /**
     * A staff member as a reader sees them: the name in the clear, the ID number masked (revealing it is audited).
     *
     * @param nodePath the region path of the node the person works from (jurisdiction scoping, street reports)
     */
    public record Member(long id, Long userId, long providerId, String providerName, long nodeId, String nodePath, String nodeName,
            StaffRole role, CaregiverLevel caregiverLevel, String name, String idNumberMasked, EmploymentStatus employmentStatus,
            LocalDate hiredOn, LocalDate leftOn, Double homeLatitude, Double homeLongitude, String shiftPattern, LocalDate backgroundCheckOn,
            BackgroundCheck backgroundCheckResult, PayGrade payGrade, long monthlyPayFen, boolean faceEnrolled) {
    }

    /** A staff record as entered; {@code nodeId} defaults to the provider's node, {@code userId} links a caregiver's account. */
    public record Input(Long userId, Long providerId, Long nodeId, StaffRole role, CaregiverLevel caregiverLevel, String name, String idNumber,
            EmploymentStatus employmentStatus, LocalDate hiredOn, LocalDate leftOn, Double homeLatitude, Double homeLongitude,
            String shiftPattern, LocalDate backgroundCheckOn, BackgroundCheck backgroundCheckResult, Long monthlyPayFen) {
    }

    /** A certificate (type CAREGIVER, NURSE, REHAB_THERAPIST, SOCIAL_WORKER… = the qualification it proves; HEALTH etc.). */
    public record Certificate(long id, long staffId, String type, String number, CaregiverLevel level, String issuer, LocalDate validFrom,
            LocalDate validTo) {

        public boolean validOn(LocalDate date) {
            return !date.isBefore(validFrom) && !date.isAfter(validTo);
        }
    }

    public record CertificateInput(String type, String number, CaregiverLevel level, String issuer, LocalDate validFrom, LocalDate validTo) {
    }

    /** A certificate with its holder, for the expiry list. */
    public record ExpiringCertificate(Certificate certificate, String staffName, String providerName, long daysLeft) {
    }

    public record Course(long id, String code, String title, String titleEn, CourseKind kind, String topic, int minutes, boolean exam) {
    }

    /** An attendance: credited when checked in online and (for a course with a practical exam) the exam passed. */
    public record Attendance(long id, long staffId, String courseCode, String courseTitle, CourseKind kind, String topic, LocalDate attendedOn,
            int minutes, Instant checkedInAt, Boolean examPassed, boolean credited, String recordedBy) {
    }

    public record AttendanceInput(String courseCode, LocalDate attendedOn, Integer minutes, Instant checkedInAt, Boolean examPassed) {
    }

    /** One owed in-service month: minutes credited, met, the performance-pay deduction flagged (0 or 5 percent). */
    public record InServiceMonth(YearMonth month, int minutes, boolean met, int deductionPercent) {
    }

    /** Where a person stands with training on a date. */
    public record TrainingStatus(long staffId, LocalDate asOf, int theoryMinutes, int practiceMinutes, Set<String> missingTopics,
            boolean preJobComplete, LocalDate preJobCompletedOn, List<InServiceMonth> inService, List<Attendance> attendances) {

        public double theoryHours() {
            return theoryMinutes / 60.0;
        }

        public double practiceHours() {
            return practiceMinutes / 60.0;
        }

        public long missedMonths() {
            return inService.stream().filter(m -> !m.met()).count();
        }
    }

    public record Promotion(long id, long staffId, PayGrade fromGrade, PayGrade toGrade, LocalDate promotedOn, long payBeforeFen,
            long payAfterFen, String reason, String recordedBy) {
    }

    public record PromotionInput(LocalDate promotedOn, String reason) {
    }

    /**
     * One line of a staffing-ratio report: the provider (and street, or null for the whole provider), the role, red and
     * orange elders served, required, actual, shortfall.
     */
    public record RatioLine(long providerId, String providerName, Long streetId, String streetName, String role, int served, int required,
            int actual, int shortfall) {

        public boolean met() {
            return shortfall == 0;
        }
    }

    /** A monthly snapshot line of the ratio history. */
    public record RatioSnapshot(LocalDate month, long providerId, Long streetId, String role, int served, int required, int actual) {

        public int shortfall() {
            return Math.max(0, required - actual);
        }
    }

    /** A blacklist case with its confirmations and credit-system exports. */
    public record BlacklistCase(long id, Long userId, Long staffId, String personName, String providerName, String status, String source,
            String reason, String evidence, String reference, Instant proposedAt, String proposedBy, Instant decidedAt, String decidedBy,
            String decisionNote, List<Confirmation> confirmations, List<CreditExport> exports) {

        public boolean confirmedBy(String party) {
            return confirmations.stream().anyMatch(c -> c.party().equals(party));
        }
    }

    public record Confirmation(String party, long userId, String username, String note, Instant confirmedAt) {
    }

    public record CreditExport(String kind, String status, int attempts, String externalRef, String message, Instant createdAt, Instant sentAt) {
    }

    /** A blacklist proposal by hand (or from an abuse complaint): the person (account or staff record), reason and evidence. */
    public record ProposalInput(Long userId, Long staffId, String source, String reason, String evidence) {
    }
}
