package org.jujia.workforce;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.privacy.SealedColumn;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.ImageData;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workforce module's facade: caregiver profiles (qualifications, level, base, face enrolment), the one assignability
 * policy, the compliance evidence for oversight, and blacklist proposals. Staff records, certificates, training, ratios
 * and the blacklist decisions live in {@link StaffStore}, {@link StaffingRatios} and {@link Blacklist}.
 *
 * <p>Reads for other modules ({@link #caregiver(long)}, {@link #ofProvider(long)}, {@link #enrolledFace(long)}) take no
 * jurisdiction: dispatch checks eligibility and visit verification compares faces on the platform's behalf. Reads
 * and writes on behalf of a person take the caller's {@link Jurisdiction}: a caregiver outside it is "not found".
 */
@Service
public class Workforce {

    static final String SUBJECT = "CAREGIVER";
    /** Largest enrolled face photo accepted. */
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    private static final String SELECT = """
            select c.user_id, u.username, u.display_name, c.provider_id, o.name as provider_name, n.path as home_path, c.level,
                   c.qualifications, c.base_lat, c.base_lon, c.face_photo_enc is not null as face_enrolled, c.background_checked_on,
                   c.active and u.enabled as active,
                   coalesce((select max(case b.status when 'CONFIRMED' then 2 when 'PROPOSED' then 1 else 0 end)
                             from workforce_blacklist b where b.user_id = c.user_id), 0) as blacklist_rank
              from workforce_caregiver c
              join access_user u on u.id = c.user_id
              join region_node n on n.id = u.home_node_id
              join region_organisation o on o.id = c.provider_id
            """;

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final RegionDirectory regions;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final StaffStore staff;
    private final StaffingRatios ratios;
    private final Blacklist blacklist;

    Workforce(JdbcClient jdbc, UserAccounts users, RegionDirectory regions, FieldCipher cipher, AuditLog audit, Clock clock, StaffStore staff,
            StaffingRatios ratios, Blacklist blacklist) {
        this.staff = staff;
        this.blacklist = blacklist;
        this.ratios = ratios;
        this.jdbc = jdbc;
        this.users = users;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** A profile as entered: provider, level, qualifications, base position, background check date, active. */
    public record ProfileInput(Long providerId, CaregiverLevel level, Set<Qualification> qualifications, Double baseLatitude,
            Double baseLongitude, LocalDate backgroundCheckedOn, Boolean active) {
    }

    // ------------------------------------------------------------------ reads for other modules

    /** The caregiver profile of a user, if the user has one. */
    public Optional<Caregiver> caregiver(long userId) {
        return jdbc.sql(SELECT + " where c.user_id = ?").param(userId).query(Workforce::map).optional();
    }

    /**
     * The one assignability policy (used by manual assignment and by the route optimiser): may this person perform a
     * service requiring {@code required} (at least {@code minLevel} for CAREGIVER services) on {@code date}? Answers the
     * first reason that applies ({@link Assignability}); a person without a caregiver profile is INACTIVE.
     */
    public Eligibility assignability(long userId, Qualification required, CaregiverLevel minLevel, LocalDate date) {
        Optional<Caregiver> c = caregiver(userId);
        if (c.isEmpty()) {
            return Eligibility.INACTIVE;
        }
        return Assignability.decide(staff.facts(c.get(), regions.qualificationRevoked(c.get().providerId())), required, minLevel, date);
    }

    /**
     * {@link #assignability(long, Qualification, CaregiverLevel, LocalDate)} for several people at once (the assignment
     * picker and the route optimiser ask for a provider's whole staff): the same answers, in a handful of queries.
     */
    public java.util.Map<Long, Eligibility> assignability(java.util.Collection<Long> userIds, Qualification required, CaregiverLevel minLevel,
            LocalDate date) {
        List<Caregiver> profiles = userIds.isEmpty() ? List.of() : jdbc.sql(SELECT + " where c.user_id = any(?)")
                .param(userIds.toArray(Long[]::new)).query(Workforce::map).list();
        java.util.Map<Long, Boolean> revoked = new java.util.HashMap<>();
        var facts = staff.facts(profiles, p -> revoked.computeIfAbsent(p, regions::qualificationRevoked));
        java.util.Map<Long, Eligibility> out = new java.util.LinkedHashMap<>();
        for (Long id : userIds) {
            var f = facts.get(id);
            out.put(id, f == null ? Eligibility.INACTIVE : Assignability.decide(f, required, minLevel, date));
        }
        return out;
    }

    /**
     * Staffing-ratio compliance of a provider over a year (PLATFORM.md §9), as the share 0..1 of the monthly ratio
     * snapshots in that year that met every ratio; empty when no snapshot exists for the year (evidence for
     * oversight's performance score).
     */
    public java.util.OptionalDouble staffingCompliance(long providerId, int year) {
        return ratios.compliance(providerId, year);
    }

    /**
     * Training compliance of a provider's caregivers over a year, as the share 0..1 of caregiver-months with the
     * in-service 4 hours done (and pre-job training complete); empty when the provider had no caregivers that year.
     */
    public java.util.OptionalDouble trainingCompliance(long providerId, int year) {
        return staff.trainingCompliance(providerId, year, LocalDate.now(clock));
    }

    /** The shift hours of these users, from their staff records' shift patterns (users without hours are absent). */
    public java.util.Map<Long, ShiftHours> shiftHours(java.util.Collection<Long> userIds) {
        java.util.Map<Long, ShiftHours> out = new java.util.HashMap<>();
        staff.shiftPatterns(userIds).forEach((user, pattern) -> ShiftHours.of(pattern).ifPresent(h -> out.put(user, h)));
        return out;
    }

    /** The provider's caregivers, by name. */
    public List<Caregiver> ofProvider(long providerId) {
        return jdbc.sql(SELECT + " where c.provider_id = ? order by u.display_name, c.user_id").param(providerId).query(Workforce::map).list();
    }

    /** The enrolled face photo (JPEG) for visit verification; not audited: it is compared by the platform, never shown. */
    public Optional<byte[]> enrolledFace(long userId) {
        return jdbc.sql("select face_photo_enc from workforce_caregiver where user_id = ? and face_photo_enc is not null").param(userId)
                .query(String.class).optional().map(e -> Base64.getDecoder().decode(cipher.open(e)));
    }

    // ------------------------------------------------------------------ reads on behalf of a person

    /** Caregivers within the caller's jurisdiction, optionally of one provider. */
    public List<Caregiver> list(Long providerId, Jurisdiction j) {
        requireRead(j);
        return jdbc.sql(SELECT + " where n.path like :scope and (cast(:provider as bigint) is null or c.provider_id = :provider)"
                + " order by o.name, u.display_name, c.user_id").param("scope", j.likePattern()).param("provider", providerId)
                .query(Workforce::map).list();
    }

    /** One caregiver; caregivers may read their own profile. */
    public Caregiver get(long userId, Jurisdiction j) {
        Caregiver c = caregiver(userId).orElseThrow(() -> new NotFoundException("caregiver", userId));
        if (j.userId() == userId) {
            return c;
        }
        requireRead(j);
        if (!j.covers(c.homePath())) {
            throw new NotFoundException("caregiver", userId);
        }
        return c;
    }

    /** The enrolled face photo for a person to look at (a reviewer comparing a check-in photo): audited. */
    public Optional<byte[]> viewEnrolledFace(long userId, String purpose, Jurisdiction j) {
        get(userId, j);
        Optional<byte[]> photo = enrolledFace(userId);
        photo.ifPresent(p -> audit.record(j, AuditAction.REVEAL, SUBJECT, userId, "face_photo", purpose, null));
        return photo;
    }

    // ------------------------------------------------------------------ writes

    /** Creates or replaces the workforce profile of a CAREGIVER account. */
    @Transactional
    public Caregiver saveProfile(long userId, ProfileInput in, Jurisdiction j) {
        requireAdmin(j);
        UserAccount account = users.get(userId, j);
        Violations v = new Violations();
        if (!account.roles().contains(Role.CAREGIVER)) {
            v.add("userId", "role", "user " + account.username() + " is not a caregiver");
        }
        Organisation provider = null;
        if (in == null || in.providerId() == null) {
            v.add("providerId", "required", "choose the caregiver's provider");
        } else {
            provider = regions.findOrganisation(in.providerId()).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).orElse(null);
            if (provider == null) {
                v.add("providerId", "unknown", "no service provider " + in.providerId());
            }
        }
        if (in != null && (in.baseLatitude() == null) != (in.baseLongitude() == null)) {
            v.add("baseLongitude", "pair", "give both base coordinates or neither");
        }
        Set<Qualification> quals = in == null || in.qualifications() == null ? Set.of() : in.qualifications();
        if (in != null && in.level() != null && !quals.contains(Qualification.CAREGIVER)) {
            v.add("level", "qualification", "a caregiver level needs the CAREGIVER qualification");
        }
        v.throwIfAny();
        GeoPoint base = in.baseLatitude() == null ? null : new GeoPoint(in.baseLatitude(), in.baseLongitude());
        String[] q = quals.stream().map(Enum::name).sorted().toArray(String[]::new);
        jdbc.sql("""
                insert into workforce_caregiver (user_id, provider_id, level, qualifications, base_lat, base_lon, background_checked_on, active)
                values (:u, :p, :level, :q, :lat, :lon, :bg, :active)
                on conflict (user_id) do update set provider_id = excluded.provider_id, level = excluded.level,
                    qualifications = excluded.qualifications, base_lat = excluded.base_lat, base_lon = excluded.base_lon,
                    background_checked_on = excluded.background_checked_on, active = excluded.active, updated_at = now(),
                    version = workforce_caregiver.version + 1
                """).param("u", userId).param("p", provider.id()).param("level", in.level() == null ? null : in.level().name())
                .param("q", q).param("lat", base == null ? null : base.latitude()).param("lon", base == null ? null : base.longitude())
                .param("bg", in.backgroundCheckedOn()).param("active", !Boolean.FALSE.equals(in.active())).update();
        staff.ensureForCaregiver(account, provider.id(), in.level(), in.backgroundCheckedOn(), LocalDate.now(clock));
        audit.record(j, AuditAction.UPDATE, SUBJECT, userId, null, null, "profile " + Arrays.toString(q) + " level " + in.level());
        return caregiver(userId).orElseThrow();
    }

    /** Enrols (or replaces) the caregiver's face photo, a JPEG of at most 2 MB, stored SM4-sealed. */
    @Transactional
    public void enrolFace(long userId, byte[] jpeg, Jurisdiction j) {
        requireAdmin(j);
        get(userId, j);
        if (jpeg == null || jpeg.length == 0) {
            throw ValidationException.of("photo", "required", "a face photo (JPEG) is required");
        }
        if (jpeg.length > MAX_PHOTO_BYTES) {
            throw ValidationException.of("photo", "size", "the photo is " + jpeg.length + " bytes; at most " + MAX_PHOTO_BYTES);
        }
        if (!ImageData.isJpeg(jpeg)) {
            throw ValidationException.of("photo", "format", "the photo must be a JPEG");
        }
        jdbc.sql("update workforce_caregiver set face_photo_enc = ?, face_enrolled_at = ?, updated_at = now(), version = version + 1 where user_id = ?")
                .param(cipher.seal(Base64.getEncoder().encodeToString(jpeg))).param(java.sql.Timestamp.from(clock.instant())).param(userId).update();
        audit.record(j, AuditAction.UPDATE, SUBJECT, userId, "face_photo", null, "face photo enrolled");
    }

    /**
     * Proposes the caregiver for the blacklist (a confirmed fake check-in: reference {@code visit:<id>}; an abuse
     * complaint: {@code complaint:<id>}). Idempotent per {@code reference}: the same cause proposed twice is one entry.
     * Until the joint decision of street, civil affairs and police the caregiver gets no new assignments.
     */
    @Transactional
    public void proposeBlacklist(long userId, String reason, String reference, Jurisdiction actor) {
        blacklist.propose(userId, reason, reference, reason, actor);
    }

    // ------------------------------------------------------------------ staff records, training, ratios, blacklist (on behalf of a person)

    /** Creates a staff record (see {@link Staff.Input}); a provider's staff admin for its own provider only. */
    public Staff.Member createStaff(Staff.Input in, Jurisdiction j) {
        return staff.create(in, j);
    }

    /** Replaces a staff record. */
    public Staff.Member updateStaff(long staffId, Staff.Input in, Jurisdiction j) {
        return staff.update(staffId, in, j);
    }

    /** The staff record id behind a caregiver's account. */
    public Optional<Long> staffIdOf(long userId) {
        return staff.idOfUser(userId);
    }

    public Staff.Certificate addCertificate(long staffId, Staff.CertificateInput in, Jurisdiction j) {
        return staff.addCertificate(staffId, in, j);
    }

    public Staff.Attendance recordAttendance(long staffId, Staff.AttendanceInput in, Jurisdiction j) {
        return staff.recordAttendance(staffId, in, j);
    }

    public Staff.Promotion promote(long staffId, Staff.PromotionInput in, Jurisdiction j) {
        return staff.promote(staffId, in, j);
    }

    /** The staffing-ratio compliance lines on a date that the caller may see (per provider: street null; per provider and street). */
    public List<Staff.RatioLine> ratioReport(LocalDate asOf, Jurisdiction j) {
        return ratios.report(asOf, j);
    }

    /** Records (replaces) a month's staffing-ratio snapshot from the state on {@code asOf}; answers the lines recorded. */
    public int snapshotRatios(java.time.YearMonth month, LocalDate asOf) {
        return ratios.snapshot(month, asOf);
    }

    /** A blacklist proposal by hand (or from an abuse complaint) with reason and evidence. */
    public Staff.BlacklistCase proposeBlacklist(Staff.ProposalInput in, Jurisdiction j) {
        return blacklist.proposeByHand(in, j);
    }

    /** Confirms a blacklist case for a party (STREET, CIVIL_AFFAIRS, POLICE; null: the caller's only one). */
    public Staff.BlacklistCase confirmBlacklist(long caseId, String party, String note, Jurisdiction j) {
        return blacklist.confirm(caseId, party == null ? null : BlacklistCase.Party.valueOf(party), note, j);
    }

    /** The caregiver's blacklist entries, newest first. */
    public List<BlacklistEntry> blacklistEntries(long userId, Jurisdiction j) {
        get(userId, j);
        return jdbc.sql("select id, user_id, status, reason, reference, proposed_at, proposed_by, decided_at, decided_by, decision_note"
                + " from workforce_blacklist where user_id = ? order by proposed_at desc, id desc").param(userId).query(BlacklistEntry.class).list();
    }

    /** One blacklist entry. */
    public record BlacklistEntry(long id, long userId, String status, String reason, String reference, java.time.Instant proposedAt,
            String proposedBy, java.time.Instant decidedAt, String decidedBy, String decisionNote) {
    }

    // ------------------------------------------------------------------ helpers

    private static void requireRead(Jurisdiction j) {
        if (!j.can("STAFF_READ")) {
            throw new AccessDeniedException("STAFF_READ required");
        }
    }

    private static void requireAdmin(Jurisdiction j) {
        if (!j.can("STAFF_ADMIN")) {
            throw new AccessDeniedException("STAFF_ADMIN required");
        }
    }

    private static Caregiver map(ResultSet rs, int row) throws SQLException {
        Array arr = rs.getArray("qualifications");
        Set<Qualification> quals = EnumSet.noneOf(Qualification.class);
        if (arr != null) {
            for (Object o : (Object[]) arr.getArray()) {
                quals.add(Qualification.valueOf((String) o));
            }
        }
        double lat = rs.getDouble("base_lat");
        GeoPoint base = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("base_lon"));
        String level = rs.getString("level");
        java.sql.Date bg = rs.getDate("background_checked_on");
        int rank = rs.getInt("blacklist_rank");
        return new Caregiver(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"), rs.getLong("provider_id"),
                rs.getString("provider_name"), rs.getString("home_path"), level == null ? null : CaregiverLevel.valueOf(level), quals, base,
                rs.getBoolean("face_enrolled"), bg == null ? null : bg.toLocalDate(), rs.getBoolean("active"),
                rank == 2 ? BlacklistStatus.CONFIRMED : rank == 1 ? BlacklistStatus.PROPOSED : BlacklistStatus.NONE);
    }

    /** The sealed face photo column, declared so that key rotation re-encrypts it. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        SealedColumn workforceFacePhoto() {
            return new SealedColumn("workforce_caregiver", "user_id", "face_photo_enc");
        }
    }
}
