package org.jujia.workforce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.privacy.SealedColumn;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Violations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff records (PLATFORM.md §9): the person (name and ID number SM4-sealed, ID number blind-indexed), employer, role,
 * employment, background check, home, shift pattern, pay grade; certificates; training attendance; promotions. A
 * provider's staff admin sees and edits its own staff; others read within their jurisdiction (the node the person
 * works from). Detail reads and reveals are audited.
 */
@Service
class StaffStore {

    static final String SUBJECT = "STAFF";

    private static final String SELECT = """
            select s.id, s.user_id, s.provider_id, o.name as provider_name, s.node_id, n.path as node_path, n.name as node_name, s.role,
                   coalesce(c.level, s.caregiver_level) as caregiver_level, s.name_enc, s.id_number_enc, s.employment_status, s.hired_on,
                   s.left_on, s.home_lat, s.home_lon, s.shift_pattern, s.background_check_on, s.background_check_result, s.pay_grade,
                   s.monthly_pay_fen, c.face_photo_enc is not null as face_enrolled
              from workforce_staff s
              join region_organisation o on o.id = s.provider_id
              join region_node n on n.id = s.node_id
              left join workforce_caregiver c on c.user_id = s.user_id
            """;

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final RegionDirectory regions;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    StaffStore(JdbcClient jdbc, UserAccounts users, RegionDirectory regions, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ scope

    /** How a caller's reads are limited: a provider's people see their provider's staff, others their region. */
    record Scope(String pathPattern, Long providerId) {
    }

    Scope scope(Jurisdiction j) {
        if (!j.can("STAFF_READ") && !j.can("BLACKLIST_CONFIRM")) {
            throw new AccessDeniedException("STAFF_READ required");
        }
        return new Scope(j.likePattern(), providerOf(j));
    }

    /** The service provider the caller works for, if any. */
    Long providerOf(Jurisdiction j) {
        if (j.userId() == 0) {
            return null;
        }
        Long org = users.get(j.userId(), Jurisdiction.system("/")).organisationId();
        return org != null && regions.findOrganisation(org).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).isPresent() ? org : null;
    }

    boolean covers(Scope scope, Staff.Member m) {
        return scope.providerId() != null ? scope.providerId() == m.providerId() : pathMatches(scope.pathPattern(), m.nodePath());
    }

    private static boolean pathMatches(String likePattern, String path) {
        return path.startsWith(likePattern.substring(0, likePattern.length() - 1));
    }

    // ------------------------------------------------------------------ staff records

    /** Staff in the caller's scope; the listing of names is audited (SEARCH). */
    @Transactional
    List<Staff.Member> list(Long providerId, StaffRole role, Jurisdiction j) {
        Scope s = scope(j);
        audit.record(j, AuditAction.SEARCH, SUBJECT, null, "name", null, "staff list provider=" + providerId + " role=" + role);
        return jdbc.sql(SELECT + """
                 where n.path like :scope and (cast(:own as bigint) is null or s.provider_id = :own)
                   and (cast(:provider as bigint) is null or s.provider_id = :provider) and (cast(:role as varchar) is null or s.role = :role)
                 order by o.name, s.role, s.id
                """).param("scope", s.providerId() != null ? "/%" : s.pathPattern()).param("own", s.providerId()).param("provider", providerId)
                .param("role", role == null ? null : role.name()).query(this::map).list();
    }

    Optional<Staff.Member> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(this::map).optional();
    }

    /** The shift patterns recorded for these users' staff records. */
    Map<Long, String> shiftPatterns(java.util.Collection<Long> userIds) {
        Map<Long, String> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select user_id, shift_pattern from workforce_staff where user_id = any(?) and shift_pattern is not null")
                .param(userIds.toArray(Long[]::new)).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getLong(1), rs.getString(2)));
        return out;
    }

    Optional<Long> idOfUser(long userId) {
        return jdbc.sql("select id from workforce_staff where user_id = ?").param(userId).query(Long.class).optional();
    }

    /** One staff member within the caller's scope (audited view). */
    @Transactional
    Staff.Member get(long id, Jurisdiction j) {
        Staff.Member m = visible(id, j);
        audit.record(j, AuditAction.VIEW, SUBJECT, id, "name", null, null);
        return m;
    }

    Staff.Member visible(long id, Jurisdiction j) {
        Scope s = scope(j);
        Staff.Member m = find(id).orElseThrow(() -> new NotFoundException("staff", id));
        if (!covers(s, m)) {
            throw new NotFoundException("staff", id);
        }
        return m;
    }

    /** The ID number in the clear, for a stated purpose (audited REVEAL). */
    @Transactional
    String revealIdNumber(long id, String purpose, Jurisdiction j) {
        requireAdminOrSensitive(j);
        visible(id, j);
        if (purpose == null || purpose.isBlank()) {
            throw org.jujia.shared.ValidationException.of("purpose", "required", "state why the ID number is needed");
        }
        String enc = jdbc.sql("select id_number_enc from workforce_staff where id = ?").param(id).query(String.class).optional().orElse(null);
        audit.record(j, AuditAction.REVEAL, SUBJECT, id, "id_number", purpose, null);
        return enc == null ? null : cipher.open(enc);
    }

    @Transactional
    Staff.Member create(Staff.Input in, Jurisdiction j) {
        requireAdmin(j);
        Valid v = validate(null, in, j);
        long id = jdbc.sql("""
                insert into workforce_staff (user_id, provider_id, node_id, role, caregiver_level, name_enc, id_number_enc, id_number_bidx,
                    employment_status, hired_on, left_on, home_lat, home_lon, shift_pattern, background_check_on, background_check_result,
                    monthly_pay_fen)
                values (:user, :provider, :node, :role, :level, :name, :idEnc, :idBidx, :status, :hired, :left, :lat, :lon, :shift, :bgOn,
                    :bgResult, :pay)
                returning id
                """).params(v.params()).query(Long.class).single();
        audit.record(j, AuditAction.CREATE, SUBJECT, id, null, null, in.role() + " at provider " + v.provider().id());
        return find(id).orElseThrow();
    }

    @Transactional
    Staff.Member update(long id, Staff.Input in, Jurisdiction j) {
        requireAdmin(j);
        Staff.Member before = visible(id, j);
        Valid v = validate(before, in, j);
        Map<String, Object> p = new HashMap<>(v.params());
        p.put("id", id);
        jdbc.sql("""
                update workforce_staff set user_id = :user, provider_id = :provider, node_id = :node, role = :role, caregiver_level = :level,
                    name_enc = :name, id_number_enc = coalesce(:idEnc, id_number_enc), id_number_bidx = coalesce(:idBidx, id_number_bidx),
                    employment_status = :status, hired_on = :hired, left_on = :left, home_lat = :lat, home_lon = :lon, shift_pattern = :shift,
                    background_check_on = :bgOn, background_check_result = :bgResult, monthly_pay_fen = :pay, updated_at = now(),
                    version = version + 1
                 where id = :id
                """).params(p).update();
        if (before.userId() != null && in.caregiverLevel() != null) {
            jdbc.sql("update workforce_caregiver set level = ?, updated_at = now() where user_id = ?").param(in.caregiverLevel().name())
                    .param(before.userId()).update();
        }
        if (before.userId() != null && in.backgroundCheckResult() == BackgroundCheck.PASSED) {
            jdbc.sql("update workforce_caregiver set background_checked_on = ? where user_id = ?").param(in.backgroundCheckOn()).param(before.userId())
                    .update();
        }
        audit.record(j, AuditAction.UPDATE, SUBJECT, id, null, null, "staff record " + in.role() + " " + in.employmentStatus());
        return find(id).orElseThrow();
    }

    private record Valid(Organisation provider, Map<String, Object> params) {
    }

    private Valid validate(Staff.Member before, Staff.Input in, Jurisdiction j) {
        Violations v = new Violations();
        if (in == null) {
            throw org.jujia.shared.ValidationException.of("body", "required", "a staff record is required");
        }
        Long own = providerOf(j);
        Organisation provider = null;
        if (in.providerId() == null) {
            v.add("providerId", "required", "choose the employer");
        } else {
            provider = regions.findOrganisation(in.providerId()).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).orElse(null);
            if (provider == null) {
                v.add("providerId", "unknown", "no service provider " + in.providerId());
            } else if (own != null && own != provider.id()) {
                v.add("providerId", "scope", "you manage the staff of your own provider only");
            }
        }
        if (in.role() == null) {
            v.add("role", "required", "choose the role");
        }
        if (in.caregiverLevel() != null && in.role() != null && in.role() != StaffRole.CAREGIVER) {
            v.add("caregiverLevel", "role", "a caregiver level is for caregivers only");
        }
        if (in.name() == null || in.name().isBlank()) {
            v.add("name", "required", "the name is required");
        } else if (in.name().strip().length() > 60) {
            v.add("name", "length", "at most 60 characters");
        }
        String idBidx = null;
        if (in.idNumber() != null && !in.idNumber().isBlank()) {
            if (!ResidentIdNumber.isValid(in.idNumber())) {
                v.add("idNumber", "invalid", "not a valid resident ID number");
            } else {
                idBidx = cipher.blindIndex(in.idNumber());
                Long holder = jdbc.sql("select id from workforce_staff where id_number_bidx = ?").param(idBidx).query(Long.class).optional().orElse(null);
                if (holder != null && (before == null || holder != before.id())) {
                    v.add("idNumber", "duplicate", "this person already has a staff record (" + holder + ")");
                }
                if (blacklistedPerson(idBidx)) {
                    v.add("idNumber", "blacklisted", "this person is on the city's blacklist (lifelong ban)");
                }
            }
        } else if (before == null) {
            v.add("idNumber", "required", "the resident ID number is required");
        }
        if (in.hiredOn() == null) {
            v.add("hiredOn", "required", "the hire date is required");
        }
        if (in.leftOn() != null && in.hiredOn() != null && in.leftOn().isBefore(in.hiredOn())) {
            v.add("leftOn", "order", "cannot leave before being hired");
        }
        if ((in.homeLatitude() == null) != (in.homeLongitude() == null)) {
            v.add("homeLongitude", "pair", "give both home coordinates or neither");
        }
        if (in.backgroundCheckResult() != null && in.backgroundCheckOn() == null) {
            v.add("backgroundCheckOn", "required", "the date of the background check is required with its result");
        }
        if (in.backgroundCheckOn() != null && in.backgroundCheckOn().isAfter(LocalDate.now(clock))) {
            v.add("backgroundCheckOn", "future", "a background check cannot be dated in the future");
        }
        if (in.monthlyPayFen() != null && in.monthlyPayFen() < 0) {
            v.add("monthlyPayFen", "negative", "pay cannot be negative");
        }
        if (in.shiftPattern() != null && in.shiftPattern().length() > 32) {
            v.add("shiftPattern", "length", "at most 32 characters");
        }
        Long node = in.nodeId();
        if (node != null && regions.find(node).isEmpty()) {
            v.add("nodeId", "unknown", "no region node " + node);
        }
        if (in.userId() != null) {
            Optional<UserAccount> account;
            try {
                account = Optional.of(users.get(in.userId(), Jurisdiction.system("/")));
            } catch (NotFoundException e) {
                account = Optional.empty();
            }
            if (account.isEmpty() || !account.get().roles().contains(Role.CAREGIVER)) {
                v.add("userId", "role", "only a caregiver's account can be linked");
            }
            Long linked = idOfUser(in.userId()).orElse(null);
            if (linked != null && (before == null || linked != before.id())) {
                v.add("userId", "duplicate", "this account already has a staff record (" + linked + ")");
            }
        }
        v.throwIfAny();
        if (node == null) {
            node = in.userId() != null ? users.get(in.userId(), Jurisdiction.system("/")).homeNodeId() : provider.nodeId();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("user", in.userId());
        p.put("provider", provider.id());
        p.put("node", node);
        p.put("role", in.role().name());
        p.put("level", in.caregiverLevel() == null ? null : in.caregiverLevel().name());
        p.put("name", cipher.seal(in.name().strip()));
        p.put("idEnc", idBidx == null ? null : cipher.seal(in.idNumber().strip().toUpperCase(java.util.Locale.ROOT)));
        p.put("idBidx", idBidx);
        p.put("status", (in.employmentStatus() == null ? EmploymentStatus.ACTIVE : in.employmentStatus()).name());
        p.put("hired", in.hiredOn());
        p.put("left", in.leftOn());
        p.put("lat", in.homeLatitude());
        p.put("lon", in.homeLongitude());
        p.put("shift", in.shiftPattern());
        p.put("bgOn", in.backgroundCheckOn());
        p.put("bgResult", in.backgroundCheckResult() == null ? null : in.backgroundCheckResult().name());
        p.put("pay", in.monthlyPayFen() == null ? (before == null ? 0L : before.monthlyPayFen()) : in.monthlyPayFen());
        return new Valid(provider, p);
    }

    boolean blacklistedPerson(String idBidx) {
        return idBidx != null && jdbc.sql("select count(*) from workforce_blacklist where person_bidx = ? and status = 'CONFIRMED'").param(idBidx)
                .query(Long.class).single() > 0;
    }

    /** The staff record behind a caregiver profile: created on first save (name from the account), kept in step after. */
    void ensureForCaregiver(UserAccount account, long providerId, CaregiverLevel level, LocalDate backgroundCheckedOn, LocalDate today) {
        Optional<Long> existing = idOfUser(account.id());
        if (existing.isEmpty()) {
            jdbc.sql("""
                    insert into workforce_staff (user_id, provider_id, node_id, role, caregiver_level, name_enc, hired_on, background_check_on,
                        background_check_result)
                    values (?, ?, ?, 'CAREGIVER', ?, ?, ?, ?, ?)
                    """).param(account.id()).param(providerId).param(account.homeNodeId()).param(level == null ? null : level.name())
                    .param(cipher.seal(account.displayName())).param(today).param(backgroundCheckedOn)
                    .param(backgroundCheckedOn == null ? null : BackgroundCheck.PASSED.name()).update();
        } else {
            jdbc.sql("""
                    update workforce_staff set provider_id = ?, caregiver_level = ?,
                        background_check_on = coalesce(?, background_check_on),
                        background_check_result = case when ? then 'PASSED' else background_check_result end, updated_at = now()
                     where id = ?
                    """).param(providerId).param(level == null ? null : level.name()).param(backgroundCheckedOn)
                    .param(backgroundCheckedOn != null).param(existing.get()).update();
        }
    }

    // ------------------------------------------------------------------ certificates

    List<Staff.Certificate> certificates(long staffId) {
        return jdbc.sql("select id, staff_id, type, number, level, issuer, valid_from, valid_to from workforce_certificate where staff_id = ?"
                + " order by valid_to desc, id").param(staffId).query(Staff.Certificate.class).list();
    }

    @Transactional
    Staff.Certificate addCertificate(long staffId, Staff.CertificateInput in, Jurisdiction j) {
        requireAdmin(j);
        Staff.Member m = visible(staffId, j);
        Violations v = new Violations();
        if (in == null || in.type() == null || !in.type().matches("[A-Z_]{2,24}")) {
            v.add("type", "required", "the certificate type (CAREGIVER, NURSE, REHAB_THERAPIST, SOCIAL_WORKER, HEALTH…)");
        }
        if (in == null || in.number() == null || in.number().isBlank() || in.number().length() > 64) {
            v.add("number", "required", "the certificate number (at most 64 characters)");
        }
        if (in == null || in.issuer() == null || in.issuer().isBlank() || in.issuer().length() > 120) {
            v.add("issuer", "required", "the issuing authority");
        }
        if (in == null || in.validFrom() == null) {
            v.add("validFrom", "required", "valid from");
        }
        if (in == null || in.validTo() == null) {
            v.add("validTo", "required", "valid to");
        } else if (in.validFrom() != null && in.validTo().isBefore(in.validFrom())) {
            v.add("validTo", "order", "a certificate cannot expire before it is valid");
        }
        if (in != null && in.level() != null && !"CAREGIVER".equals(in.type())) {
            v.add("level", "type", "a level is for caregiver certificates only");
        }
        v.throwIfAny();
        if (jdbc.sql("select count(*) from workforce_certificate where type = ? and number = ?").param(in.type()).param(in.number().strip())
                .query(Long.class).single() > 0) {
            throw new ConflictException("number", "certificate " + in.type() + " " + in.number() + " is already recorded");
        }
        long id = jdbc.sql("""
                insert into workforce_certificate (staff_id, type, number, level, issuer, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?)
                returning id
                """).param(m.id()).param(in.type()).param(in.number().strip()).param(in.level() == null ? null : in.level().name())
                .param(in.issuer().strip()).param(in.validFrom()).param(in.validTo()).query(Long.class).single();
        audit.record(j, AuditAction.CREATE, SUBJECT, staffId, "certificate", null, in.type() + " " + in.number() + " to " + in.validTo());
        return certificates(staffId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** Certificates in the caller's scope expiring within {@code days} (or expired within the last {@code days}). */
    @Transactional
    List<Staff.ExpiringCertificate> expiring(int days, Jurisdiction j) {
        Scope s = scope(j);
        audit.record(j, AuditAction.SEARCH, SUBJECT, null, "name", null, "certificates expiring within " + days + " days");
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select c.id, c.staff_id, c.type, c.number, c.level, c.issuer, c.valid_from, c.valid_to, s.name_enc, o.name as provider_name
                  from workforce_certificate c join workforce_staff s on s.id = c.staff_id
                  join region_organisation o on o.id = s.provider_id join region_node n on n.id = s.node_id
                 where c.valid_to between :from and :to and s.employment_status <> 'LEFT'
                   and n.path like :scope and (cast(:own as bigint) is null or s.provider_id = :own)
                 order by c.valid_to, c.id
                """).param("from", today.minusDays(days)).param("to", today.plusDays(days)).param("scope", s.providerId() != null ? "/%" : s.pathPattern())
                .param("own", s.providerId()).query((rs, n) -> {
                    var cert = new Staff.Certificate(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("type"), rs.getString("number"),
                            rs.getString("level") == null ? null : CaregiverLevel.valueOf(rs.getString("level")), rs.getString("issuer"),
                            rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate());
                    return new Staff.ExpiringCertificate(cert, cipher.open(rs.getString("name_enc")), rs.getString("provider_name"),
                            java.time.temporal.ChronoUnit.DAYS.between(today, cert.validTo()));
                }).list();
    }

    // ------------------------------------------------------------------ training

    List<Staff.Course> courses() {
        return jdbc.sql("select id, code, title, title_en, kind, topic, minutes, exam from workforce_course order by kind, code").query(Staff.Course.class)
                .list();
    }

    @Transactional
    Staff.Attendance recordAttendance(long staffId, Staff.AttendanceInput in, Jurisdiction j) {
        requireAdmin(j);
        Staff.Member m = visible(staffId, j);
        Violations v = new Violations();
        Staff.Course course = null;
        if (in == null || in.courseCode() == null || in.courseCode().isBlank()) {
            v.add("courseCode", "required", "choose the course");
        } else {
            course = courses().stream().filter(c -> c.code().equals(in.courseCode())).findFirst().orElse(null);
            if (course == null) {
                v.add("courseCode", "unknown", "no course " + in.courseCode());
            }
        }
        if (in == null || in.attendedOn() == null) {
            v.add("attendedOn", "required", "the date attended");
        } else if (in.attendedOn().isAfter(LocalDate.now(clock))) {
            v.add("attendedOn", "future", "attendance cannot be recorded ahead");
        } else if (in.attendedOn().isBefore(m.hiredOn().minusYears(1))) {
            v.add("attendedOn", "range", "more than a year before the hire date");
        }
        if (in != null && in.minutes() != null && (in.minutes() <= 0 || (course != null && in.minutes() > course.minutes()))) {
            v.add("minutes", "range", "between 1 and the course's " + (course == null ? "" : course.minutes()) + " minutes");
        }
        if (in != null && course != null && !course.exam() && in.examPassed() != null) {
            v.add("examPassed", "no_exam", "this course has no practical exam");
        }
        v.throwIfAny();
        int minutes = in.minutes() == null ? course.minutes() : in.minutes();
        long id;
        try {
            id = jdbc.sql("""
                    insert into workforce_attendance (staff_id, course_id, attended_on, minutes, checked_in_at, exam_passed, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?) returning id
                    """).param(staffId).param(course.id()).param(in.attendedOn()).param(minutes)
                    .param(in.checkedInAt() == null ? null : Timestamp.from(in.checkedInAt())).param(in.examPassed()).param(j.username())
                    .query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("attendedOn", "attendance of " + course.code() + " on " + in.attendedOn() + " is already recorded");
        }
        audit.record(j, AuditAction.CREATE, SUBJECT, staffId, "training", null, course.code() + " " + minutes + " min");
        return attendances(staffId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    List<Staff.Attendance> attendances(long staffId) {
        return jdbc.sql("""
                select a.id, a.staff_id, c.code, c.title, c.kind, c.topic, a.attended_on, a.minutes, a.checked_in_at, a.exam_passed,
                       (a.checked_in_at is not null and (not c.exam or coalesce(a.exam_passed, false))) as credited, a.recorded_by
                  from workforce_attendance a join workforce_course c on c.id = a.course_id
                 where a.staff_id = ? order by a.attended_on desc, a.id desc
                """).param(staffId).query((rs, n) -> new Staff.Attendance(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("code"),
                rs.getString("title"), CourseKind.valueOf(rs.getString("kind")), rs.getString("topic"), rs.getDate("attended_on").toLocalDate(),
                rs.getInt("minutes"), rs.getTimestamp("checked_in_at") == null ? null : rs.getTimestamp("checked_in_at").toInstant(),
                (Boolean) rs.getObject("exam_passed"), rs.getBoolean("credited"), rs.getString("recorded_by"))).list();
    }

    private static List<PreJobTraining.Credit> preJobCredits(List<Staff.Attendance> all) {
        return all.stream().filter(a -> a.credited() && a.kind() != CourseKind.IN_SERVICE)
                .map(a -> new PreJobTraining.Credit(a.kind(), a.topic(), a.minutes(), a.attendedOn())).toList();
    }

    private static Map<YearMonth, Integer> inServiceMinutes(List<Staff.Attendance> all) {
        Map<YearMonth, Integer> out = new HashMap<>();
        all.stream().filter(a -> a.credited() && a.kind() == CourseKind.IN_SERVICE).forEach(a -> out.merge(YearMonth.from(a.attendedOn()),
                a.minutes(), Integer::sum));
        return out;
    }

    /** Training status on {@code asOf}: pre-job progress and the owed in-service months of the last 12 completed months. */
    Staff.TrainingStatus training(long staffId, LocalDate asOf, Jurisdiction j) {
        Staff.Member m = visible(staffId, j);
        List<Staff.Attendance> all = attendances(staffId);
        List<PreJobTraining.Credit> credits = preJobCredits(all);
        PreJobTraining.Progress p = PreJobTraining.progress(credits, asOf);
        YearMonth to = YearMonth.from(asOf).minusMonths(1);
        List<Staff.InServiceMonth> months = InServiceTraining.months(m.hiredOn(), m.leftOn(), to.minusMonths(11), to, inServiceMinutes(all)).stream()
                .map(x -> new Staff.InServiceMonth(x.month(), x.minutes(), x.met(), x.deductionPercent())).toList();
        return new Staff.TrainingStatus(staffId, asOf, p.theoryMinutes(), p.practiceMinutes(), p.missingTopics(), p.complete(),
                PreJobTraining.completedOn(credits).orElse(null), months, all);
    }

    /**
     * Training compliance of a provider's caregivers over a year: the share of owed caregiver-months (completed months
     * only) with the in-service 4 hours done and pre-job training complete by the month's end.
     */
    OptionalDouble trainingCompliance(long providerId, int year, LocalDate today) {
        YearMonth from = YearMonth.of(year, 1);
        YearMonth to = YearMonth.of(year, 12);
        YearMonth lastDone = YearMonth.from(today).minusMonths(1);
        if (to.isAfter(lastDone)) {
            to = lastDone;
        }
        if (to.isBefore(from)) {
            return OptionalDouble.empty();
        }
        List<long[]> owedAndMet = new ArrayList<>();
        List<Long> ids = jdbc.sql("select id from workforce_staff where provider_id = ? and role = 'CAREGIVER' order by id").param(providerId)
                .query(Long.class).list();
        for (long id : ids) {
            Staff.Member m = find(id).orElseThrow();
            List<Staff.Attendance> all = attendances(id);
            List<PreJobTraining.Credit> credits = preJobCredits(all);
            for (InServiceTraining.Month month : InServiceTraining.months(m.hiredOn(), m.leftOn(), from, to, inServiceMinutes(all))) {
                boolean ok = month.met() && PreJobTraining.progress(credits, month.month().atEndOfMonth()).complete();
                owedAndMet.add(new long[] { 1, ok ? 1 : 0 });
            }
        }
        if (owedAndMet.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(owedAndMet.stream().mapToLong(a -> a[1]).sum() / (double) owedAndMet.size());
    }

    // ------------------------------------------------------------------ promotions

    List<Staff.Promotion> promotions(long staffId) {
        return jdbc.sql("select id, staff_id, from_grade, to_grade, promoted_on, pay_before_fen, pay_after_fen, reason, recorded_by"
                + " from workforce_promotion where staff_id = ? order by promoted_on, id").param(staffId).query(Staff.Promotion.class).list();
    }

    /** Promotes a caregiver one step on the path (护理员 → 高级护理员 → 技师), +15% monthly pay, recorded. */
    @Transactional
    Staff.Promotion promote(long staffId, Staff.PromotionInput in, Jurisdiction j) {
        requireAdmin(j);
        Staff.Member m = visible(staffId, j);
        if (m.role() != StaffRole.CAREGIVER) {
            throw new ConflictException("role", "the promotion path is for caregivers");
        }
        PayGrade next = m.payGrade().next().orElseThrow(() -> new ConflictException("payGrade", "already at the top of the path (技师)"));
        LocalDate on = in == null || in.promotedOn() == null ? LocalDate.now(clock) : in.promotedOn();
        long after = PayGrade.raised(m.monthlyPayFen());
        int updated = jdbc.sql("update workforce_staff set pay_grade = ?, monthly_pay_fen = ?, updated_at = now(), version = version + 1"
                + " where id = ? and pay_grade = ?").param(next.name()).param(after).param(staffId).param(m.payGrade().name()).update();
        if (updated == 0) {
            throw new ConflictException("payGrade", "the record changed meanwhile; reload");
        }
        long id = jdbc.sql("""
                insert into workforce_promotion (staff_id, from_grade, to_grade, promoted_on, pay_before_fen, pay_after_fen, reason, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).param(staffId).param(m.payGrade().name()).param(next.name()).param(on).param(m.monthlyPayFen()).param(after)
                .param(in == null ? null : in.reason()).param(j.username()).query(Long.class).single();
        audit.record(j, AuditAction.UPDATE, SUBJECT, staffId, "pay_grade", null, m.payGrade() + " -> " + next + ", pay " + m.monthlyPayFen() + " -> " + after);
        return promotions(staffId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ assignability facts

    Assignability.Facts facts(Caregiver c, boolean providerRevoked) {
        return facts(List.of(c), id -> providerRevoked).get(c.userId());
    }

    /** The facts of several caregivers in a handful of queries (the assignment picker asks for a whole provider). */
    Map<Long, Assignability.Facts> facts(List<Caregiver> caregivers, java.util.function.LongPredicate providerRevoked) {
        record Row(long id, long userId, String employmentStatus, String backgroundCheckResult, LocalDate backgroundCheckOn, String idNumberBidx) {
        }
        Map<Long, Assignability.Facts> out = new HashMap<>();
        if (caregivers.isEmpty()) {
            return out;
        }
        Long[] userIds = caregivers.stream().map(Caregiver::userId).toArray(Long[]::new);
        Map<Long, Row> rows = new HashMap<>();
        jdbc.sql("select id, user_id, employment_status, background_check_result, background_check_on, id_number_bidx"
                + " from workforce_staff where user_id = any(?)").param(userIds).query(Row.class).list().forEach(r -> rows.put(r.userId(), r));
        Long[] staffIds = rows.values().stream().map(Row::id).toArray(Long[]::new);
        String[] bidx = rows.values().stream().map(Row::idNumberBidx).filter(java.util.Objects::nonNull).toArray(String[]::new);
        record Entry(Long userId, Long staffId, String personBidx, int rank) {
        }
        List<Entry> entries = jdbc.sql("""
                select user_id, staff_id, person_bidx, case status when 'CONFIRMED' then 2 when 'PROPOSED' then 1 else 0 end as rank
                  from workforce_blacklist where status in ('CONFIRMED', 'PROPOSED')
                   and (user_id = any(:u) or staff_id = any(:s) or person_bidx = any(:b))
                """).param("u", userIds).param("s", staffIds).param("b", bidx).query(Entry.class).list();
        Map<Long, List<Assignability.Cert>> certs = new HashMap<>();
        jdbc.sql("select staff_id, type, level, valid_from, valid_to from workforce_certificate where staff_id = any(?)").param(staffIds)
                .query((rs, n) -> certs.computeIfAbsent(rs.getLong("staff_id"), k -> new ArrayList<>()).add(new Assignability.Cert(rs.getString("type"),
                        rs.getString("level") == null ? null : CaregiverLevel.valueOf(rs.getString("level")), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to").toLocalDate()))).list();
        Map<Long, List<PreJobTraining.Credit>> training = new HashMap<>();
        jdbc.sql("""
                select a.staff_id, c.kind, c.topic, a.minutes, a.attended_on from workforce_attendance a join workforce_course c on c.id = a.course_id
                 where a.staff_id = any(?) and c.kind in ('THEORY', 'PRACTICE') and a.checked_in_at is not null and (not c.exam or coalesce(a.exam_passed, false))
                """).param(staffIds).query((rs, n) -> training.computeIfAbsent(rs.getLong("staff_id"), k -> new ArrayList<>())
                .add(new PreJobTraining.Credit(CourseKind.valueOf(rs.getString("kind")), rs.getString("topic"), rs.getInt("minutes"),
                        rs.getDate("attended_on").toLocalDate()))).list();
        for (Caregiver c : caregivers) {
            boolean revoked = providerRevoked.test(c.providerId());
            Row r = rows.get(c.userId());
            if (r == null) {
                out.put(c.userId(), new Assignability.Facts(c, null, BlacklistStatus.NONE, revoked, List.of(), null, null, List.of()));
                continue;
            }
            int rank = entries.stream().filter(e -> java.util.Objects.equals(e.userId(), c.userId()) || java.util.Objects.equals(e.staffId(), r.id())
                    || (r.idNumberBidx() != null && r.idNumberBidx().equals(e.personBidx()))).mapToInt(Entry::rank).max().orElse(0);
            out.put(c.userId(), new Assignability.Facts(c, EmploymentStatus.valueOf(r.employmentStatus()),
                    rank == 2 ? BlacklistStatus.CONFIRMED : rank == 1 ? BlacklistStatus.PROPOSED : BlacklistStatus.NONE, revoked,
                    certs.getOrDefault(r.id(), List.of()), r.backgroundCheckResult() == null ? null : BackgroundCheck.valueOf(r.backgroundCheckResult()),
                    r.backgroundCheckOn(), training.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    static void requireAdmin(Jurisdiction j) {
        if (!j.can("STAFF_ADMIN")) {
            throw new AccessDeniedException("STAFF_ADMIN required");
        }
    }

    private static void requireAdminOrSensitive(Jurisdiction j) {
        if (!j.can("STAFF_ADMIN") && !j.can("SENSITIVE_REVEAL") && !j.can("BLACKLIST_CONFIRM")) {
            throw new AccessDeniedException("STAFF_ADMIN or SENSITIVE_REVEAL required");
        }
    }

    String name(long staffId) {
        return jdbc.sql("select name_enc from workforce_staff where id = ?").param(staffId).query(String.class).optional().map(cipher::open).orElse(null);
    }

    private Staff.Member map(ResultSet rs, int row) throws SQLException {
        String level = rs.getString("caregiver_level");
        String idEnc = rs.getString("id_number_enc");
        String masked = null;
        if (idEnc != null) {
            String id = cipher.open(idEnc);
            masked = ResidentIdNumber.isValid(id) ? ResidentIdNumber.parse(id).masked() : "******";
        }
        double lat = rs.getDouble("home_lat");
        Double homeLat = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("home_lon");
        Double homeLon = rs.wasNull() ? null : lon;
        long userId = rs.getLong("user_id");
        Long user = rs.wasNull() ? null : userId;
        java.sql.Date left = rs.getDate("left_on");
        java.sql.Date bg = rs.getDate("background_check_on");
        String bgResult = rs.getString("background_check_result");
        return new Staff.Member(rs.getLong("id"), user, rs.getLong("provider_id"), rs.getString("provider_name"), rs.getLong("node_id"),
                rs.getString("node_path"), rs.getString("node_name"), StaffRole.valueOf(rs.getString("role")),
                level == null ? null : CaregiverLevel.valueOf(level), cipher.open(rs.getString("name_enc")), masked,
                EmploymentStatus.valueOf(rs.getString("employment_status")), rs.getDate("hired_on").toLocalDate(),
                left == null ? null : left.toLocalDate(), homeLat, homeLon, rs.getString("shift_pattern"), bg == null ? null : bg.toLocalDate(),
                bgResult == null ? null : BackgroundCheck.valueOf(bgResult), PayGrade.valueOf(rs.getString("pay_grade")),
                rs.getLong("monthly_pay_fen"), rs.getBoolean("face_enrolled"));
    }

    /** The sealed staff columns, declared so that key rotation re-encrypts them. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        SealedColumn workforceStaffName() {
            return new SealedColumn("workforce_staff", "id", "name_enc");
        }

        @Bean
        SealedColumn workforceStaffIdNumber() {
            return new SealedColumn("workforce_staff", "id", "id_number_enc");
        }
    }
}
