package org.jujia.assessment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.assessment.scoring.ZbiScorer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persistence of family caregivers, their Zarit interviews and the respite list ({@code assessment_*} tables).
 * Jurisdiction is checked by the caller against the elder module (an elder outside it is "not found"); list queries
 * are scoped here by the region path copied from the elder.
 */
@Repository
class FamilyCaregiverStore {

    /** A caregiver as stored: phone and ID number are SM4 envelopes with HMAC-SM3 blind indexes. */
    record CaregiverRow(long id, long elderId, String regionPath, String name, FamilyCaregiverRelation relation, String phoneEnc, String phoneIdx,
            String phoneMasked, String idNumberEnc, String idNumberIdx, String idNumberMasked, boolean livesWithElder, int weeklyCareHours,
            LocalDate startedOn, boolean active, Instant createdAt, Instant updatedAt, int version) {
    }

    /** An interview as stored: the 22 answers in item order. */
    record InterviewRow(long id, long caregiverId, long elderId, LocalDate interviewedOn, Long interviewerId, String interviewerName,
            List<Integer> answers, int total, ZbiScorer.Band band, boolean highRisk, String scorerVersion, Instant recordedAt,
            RespitePolicy.Transition transition) {
    }

    /** A period on the respite list; {@code to} null while it lasts. */
    record EntryRow(long id, long caregiverId, long elderId, LocalDate from, LocalDate to, long openedBy, Long closedBy, String endReason,
            int monthlyHours, RespitePayer payer) {
    }

    /** A respite-list line before the elder's name is looked up in the elder module. */
    record ListRow(EntryRow entry, String caregiverName, FamilyCaregiverRelation relation, int latestTotal, LocalDate latestOn) {
    }

    static final String END_BELOW_THRESHOLD = "BELOW_THRESHOLD";
    static final String END_CAREGIVER_INACTIVE = "CAREGIVER_INACTIVE";

    private static final String ITEM_COLUMNS;
    private static final String ITEM_PLACEHOLDERS;

    static {
        List<String> cols = new ArrayList<>();
        for (int n = 1; n <= ZbiScorer.ITEMS; n++) {
            cols.add(ZbiScorer.key(n));
        }
        ITEM_COLUMNS = String.join(", ", cols);
        ITEM_PLACEHOLDERS = String.join(", ", cols.stream().map(c -> "?").toList());
    }

    private final JdbcClient jdbc;

    FamilyCaregiverStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- caregivers

    long insert(CaregiverRow r) {
        return jdbc.sql("""
                insert into assessment_family_caregiver (elder_id, region_path, name, relation, phone_enc, phone_idx, phone_masked,
                    id_number_enc, id_number_idx, id_number_masked, lives_with_elder, weekly_care_hours, started_on, active)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id""")
                .params(r.elderId(), r.regionPath(), r.name(), r.relation().name(), r.phoneEnc(), r.phoneIdx(), r.phoneMasked(), r.idNumberEnc(),
                        r.idNumberIdx(), r.idNumberMasked(), r.livesWithElder(), r.weeklyCareHours(), Date.valueOf(r.startedOn()), r.active())
                .query(Long.class).single();
    }

    /** Replaces the editable columns if the version still matches; answers whether it did. */
    boolean update(long id, int version, CaregiverRow r) {
        return jdbc.sql("""
                update assessment_family_caregiver set region_path = ?, name = ?, relation = ?, phone_enc = ?, phone_idx = ?, phone_masked = ?,
                    id_number_enc = ?, id_number_idx = ?, id_number_masked = ?, lives_with_elder = ?, weekly_care_hours = ?, started_on = ?,
                    active = ?, updated_at = now(), version = version + 1
                where id = ? and version = ?""")
                .params(r.regionPath(), r.name(), r.relation().name(), r.phoneEnc(), r.phoneIdx(), r.phoneMasked(), r.idNumberEnc(), r.idNumberIdx(),
                        r.idNumberMasked(), r.livesWithElder(), r.weeklyCareHours(), Date.valueOf(r.startedOn()), r.active(), id, version)
                .update() == 1;
    }

    /** Keeps the copied region path in step with the elder's (the elder may have moved within the city). */
    void refreshRegionPath(long id, String regionPath) {
        jdbc.sql("update assessment_family_caregiver set region_path = ? where id = ? and region_path <> ?").params(regionPath, id, regionPath).update();
    }

    Optional<CaregiverRow> find(long id) {
        return jdbc.sql("select * from assessment_family_caregiver where id = ?").param(id).query(FamilyCaregiverStore::caregiver).optional();
    }

    /** Locks the caregiver's row so that interviews and changes of one caregiver are applied one at a time. */
    Optional<CaregiverRow> findForUpdate(long id) {
        return jdbc.sql("select * from assessment_family_caregiver where id = ? for update").param(id).query(FamilyCaregiverStore::caregiver).optional();
    }

    List<CaregiverRow> ofElder(long elderId) {
        return jdbc.sql("select * from assessment_family_caregiver where elder_id = ? order by active desc, id")
                .param(elderId).query(FamilyCaregiverStore::caregiver).list();
    }

    /** Whether another record of this elder already has this ID number (index) or this name and phone (index). */
    boolean pairTaken(long elderId, String idNumberIdx, String name, String phoneIdx, long exceptId) {
        long samePhone = jdbc.sql("select count(*) from assessment_family_caregiver where elder_id = ? and id <> ? and name = ? and phone_idx = ?")
                .params(elderId, exceptId, name, phoneIdx).query(Long.class).single();
        if (samePhone > 0 || idNumberIdx == null) {
            return samePhone > 0;
        }
        return jdbc.sql("select count(*) from assessment_family_caregiver where elder_id = ? and id <> ? and id_number_idx = ?")
                .params(elderId, exceptId, idNumberIdx).query(Long.class).single() > 0;
    }

    // ---------------------------------------------------------------- interviews

    long insertInterview(InterviewRow r) {
        List<Object> p = new ArrayList<>();
        p.add(r.caregiverId());
        p.add(r.elderId());
        p.add(Date.valueOf(r.interviewedOn()));
        p.add(r.interviewerId());
        p.add(r.interviewerName());
        p.addAll(r.answers());
        p.add(r.total());
        p.add(r.band().name());
        p.add(r.highRisk());
        p.add(r.scorerVersion());
        p.add(r.transition().name());
        return jdbc.sql("insert into assessment_zbi_interview (caregiver_id, elder_id, interviewed_on, interviewer_id, interviewer_name, "
                + ITEM_COLUMNS + ", total, band, high_risk, scorer_version, respite_transition) values (?, ?, ?, ?, ?, " + ITEM_PLACEHOLDERS
                + ", ?, ?, ?, ?, ?) returning id").params(p).query(Long.class).single();
    }

    /** The latest interview: the latest date, and of one date the last recorded. */
    Optional<InterviewRow> latestInterview(long caregiverId) {
        return jdbc.sql("select * from assessment_zbi_interview where caregiver_id = ? order by interviewed_on desc, id desc limit 1")
                .param(caregiverId).query(FamilyCaregiverStore::interview).optional();
    }

    /** Every interview of a caregiver, latest first. */
    List<InterviewRow> interviews(long caregiverId) {
        return jdbc.sql("select * from assessment_zbi_interview where caregiver_id = ? order by interviewed_on desc, id desc")
                .param(caregiverId).query(FamilyCaregiverStore::interview).list();
    }

    Optional<InterviewRow> findInterview(long id) {
        return jdbc.sql("select * from assessment_zbi_interview where id = ?").param(id).query(FamilyCaregiverStore::interview).optional();
    }

    // ---------------------------------------------------------------- respite list

    Optional<EntryRow> openEntry(long caregiverId) {
        return jdbc.sql("select * from assessment_respite_entry where caregiver_id = ? and to_date is null")
                .param(caregiverId).query(FamilyCaregiverStore::entry).optional();
    }

    void openEntry(long caregiverId, long elderId, LocalDate from, long openedBy, RespiteEntitlement entitlement) {
        jdbc.sql("""
                insert into assessment_respite_entry (caregiver_id, elder_id, from_date, opened_by_interview, monthly_hours, payer)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caregiverId, elderId, Date.valueOf(from), openedBy, entitlement.monthlyHours(), entitlement.payer().name()).update();
    }

    void closeEntry(long entryId, LocalDate to, Long closedBy, String reason) {
        jdbc.sql("update assessment_respite_entry set to_date = ?, closed_by_interview = ?, end_reason = ? where id = ? and to_date is null")
                .params(Date.valueOf(to), closedBy, reason, entryId).update();
    }

    /** A caregiver's periods on the list, newest first. */
    List<EntryRow> entries(long caregiverId) {
        return jdbc.sql("select * from assessment_respite_entry where caregiver_id = ? order by from_date desc, id desc")
                .param(caregiverId).query(FamilyCaregiverStore::entry).list();
    }

    /** The entry that puts the elder's household on the list on {@code day} (a period covers [from, to)), if any. */
    Optional<EntryRow> householdEntryOn(long elderId, LocalDate day) {
        return jdbc.sql("""
                select r.* from assessment_respite_entry r
                where r.elder_id = ? and r.from_date <= ? and (r.to_date is null or r.to_date > ?)
                order by r.monthly_hours desc, r.id limit 1""")
                .params(elderId, Date.valueOf(day), Date.valueOf(day)).query(FamilyCaregiverStore::entry).optional();
    }

    private static final String LIST_FROM = """
             from assessment_respite_entry r
             join assessment_family_caregiver c on c.id = r.caregiver_id
             join lateral (select i.total, i.interviewed_on from assessment_zbi_interview i where i.caregiver_id = c.id
                           order by i.interviewed_on desc, i.id desc limit 1) li on true
            where c.region_path like ?""";

    /**
     * The respite list under a region path: current entries only, or the whole history. Current entries come first,
     * highest latest total first; ended ones newest first.
     */
    List<ListRow> respiteList(String pathPattern, boolean includeEnded, int limit, int offset) {
        return jdbc.sql("select r.*, c.name as caregiver_name, c.relation as caregiver_relation, li.total as latest_total, "
                + "li.interviewed_on as latest_on" + LIST_FROM + (includeEnded ? "" : " and r.to_date is null")
                + " order by (r.to_date is null) desc, r.to_date desc nulls first, li.total desc, r.from_date, r.id limit ? offset ?")
                .params(pathPattern, limit, offset)
                .query((rs, n) -> new ListRow(entry(rs, n), rs.getString("caregiver_name"), FamilyCaregiverRelation.valueOf(rs.getString("caregiver_relation")),
                        rs.getInt("latest_total"), rs.getDate("latest_on").toLocalDate()))
                .list();
    }

    long countRespiteList(String pathPattern, boolean includeEnded) {
        return jdbc.sql("select count(*)" + LIST_FROM + (includeEnded ? "" : " and r.to_date is null")).param(pathPattern).query(Long.class).single();
    }

    // ---------------------------------------------------------------- mapping

    private static CaregiverRow caregiver(ResultSet rs, int n) throws SQLException {
        return new CaregiverRow(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("region_path"), rs.getString("name"),
                FamilyCaregiverRelation.valueOf(rs.getString("relation")), rs.getString("phone_enc"), rs.getString("phone_idx"),
                rs.getString("phone_masked"), rs.getString("id_number_enc"), rs.getString("id_number_idx"), rs.getString("id_number_masked"),
                rs.getBoolean("lives_with_elder"), rs.getInt("weekly_care_hours"), rs.getDate("started_on").toLocalDate(), rs.getBoolean("active"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getInt("version"));
    }

    private static InterviewRow interview(ResultSet rs, int n) throws SQLException {
        List<Integer> answers = new ArrayList<>(ZbiScorer.ITEMS);
        for (int k = 1; k <= ZbiScorer.ITEMS; k++) {
            answers.add(rs.getInt(ZbiScorer.key(k)));
        }
        long interviewer = rs.getLong("interviewer_id");
        Long interviewerId = rs.wasNull() ? null : interviewer;
        return new InterviewRow(rs.getLong("id"), rs.getLong("caregiver_id"), rs.getLong("elder_id"), rs.getDate("interviewed_on").toLocalDate(),
                interviewerId, rs.getString("interviewer_name"), List.copyOf(answers), rs.getInt("total"), ZbiScorer.Band.valueOf(rs.getString("band")),
                rs.getBoolean("high_risk"), rs.getString("scorer_version"), instant(rs.getTimestamp("recorded_at")),
                RespitePolicy.Transition.valueOf(rs.getString("respite_transition")));
    }

    private static EntryRow entry(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("to_date");
        long closed = rs.getLong("closed_by_interview");
        Long closedBy = rs.wasNull() ? null : closed;
        return new EntryRow(rs.getLong("id"), rs.getLong("caregiver_id"), rs.getLong("elder_id"), rs.getDate("from_date").toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getLong("opened_by_interview"), closedBy, rs.getString("end_reason"),
                rs.getInt("monthly_hours"), RespitePayer.valueOf(rs.getString("payer")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
