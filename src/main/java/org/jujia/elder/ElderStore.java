package org.jujia.elder;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.shared.CareColour;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Sex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persistence of elder records. Every read and write takes the caller's {@link Jurisdiction} and adds it to the
 * SQL itself, so nothing outside the caller's node (or, for family members, outside their own elders) can be
 * read or changed whatever the controller does.
 */
@Repository
class ElderStore {

    /** The columns as stored: sensitive values are SM4 envelopes, indexes are HMAC-SM3. */
    record Row(long id, String name, Sex sex, LocalDate birthDate, String idNumberEnc, String idNumberIdx, String idNumberMasked,
            String phoneEnc, String phoneIdx, String phoneMasked, String addressEnc, String addressMasked, String hukou,
            long communityId, Long complexId, String regionPath, Double latitude, Double longitude,
            LivingSituation livingSituation, EconomicCategory economicCategory, boolean lostOnlyChild,
            boolean specialContribution, String healthEnc, ElderStatus status, LocalDate statusChangedOn,
            CareColour careColour, List<String> careFlags, Long careAssessmentId, LocalDate careAssessedOn, LocalDate nextReassessmentDue,
            Instant createdAt, Instant updatedAt, int version, Enrolment enrolment) {
    }

    /** The enrolment columns of the funding rule: insurance numbers sealed and masked. */
    record Enrolment(boolean ltcInsured, String ltcNumberEnc, String ltcNumberMasked, boolean commercialInsured, String commercialInsurer,
            String commercialPolicyEnc, String commercialPolicyMasked, HardshipSelfCare hardshipSelfCare) {

        static final Enrolment NONE = new Enrolment(false, null, null, false, null, null, null, null);

        List<Object> params() {
            List<Object> p = new ArrayList<>();
            p.add(ltcInsured);
            p.add(ltcNumberEnc);
            p.add(ltcNumberMasked);
            p.add(commercialInsured);
            p.add(commercialInsurer);
            p.add(commercialPolicyEnc);
            p.add(commercialPolicyMasked);
            p.add(hardshipSelfCare == null ? null : hardshipSelfCare.name());
            return p;
        }
    }

    record ContactRow(long id, long elderId, ContactKind kind, String name, String relation, String phoneEnc, String phoneMasked,
            Long userId, int position) {
    }

    private static final String SCOPE = " e.region_path like ? and (? = false or exists (select 1 from elder_contact fc where fc.elder_id = e.id and fc.user_id = ?)) ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ElderStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static List<Object> scopeParams(Jurisdiction j) {
        return List.of(j.likePattern(), j.familyOnly(), j.userId());
    }

    Optional<Row> find(long id, Jurisdiction j) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scopeParams(j));
        return jdbc.sql("select e.* from elder e where e.id = ? and" + SCOPE).params(params).query(ElderStore::mapRow).optional();
    }

    Optional<ElderFunding> funding(long id, Jurisdiction j) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scopeParams(j));
        return jdbc.sql("select e.id, e.care_colour, e.economic_category, e.ltc_insured, e.commercial_insured, e.hardship_self_care"
                + " from elder e where e.id = ? and" + SCOPE).params(params)
                .query((rs, n) -> new ElderFunding(rs.getLong(1), colour(rs.getString(2)), EconomicCategory.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getString(6) == null ? null : HardshipSelfCare.valueOf(rs.getString(6))))
                .optional();
    }

    /** Locks the row for an update within the caller's jurisdiction. */
    Optional<Row> findForUpdate(long id, Jurisdiction j) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scopeParams(j));
        return jdbc.sql("select e.* from elder e where e.id = ? and" + SCOPE + " for update").params(params).query(ElderStore::mapRow).optional();
    }

    /** Whether any elder (anywhere: ID numbers are unique city-wide) has this ID number index, other than {@code exceptId}. */
    boolean idNumberTaken(String idx, long exceptId) {
        return jdbc.sql("select count(*) from elder where id_number_idx = ? and id <> ?").params(idx, exceptId).query(Long.class).single() > 0;
    }

    /** Which of these ID number indexes are already registered. */
    List<String> takenIdNumbers(List<String> idxs) {
        if (idxs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id_number_idx from elder where id_number_idx = any(?)")
                .param(idxs.toArray(String[]::new)).query(String.class).list();
    }

    long insert(Row r) {
        return jdbc.sql("""
                insert into elder (name, sex, birth_date, id_number_enc, id_number_idx, id_number_masked, phone_enc, phone_idx,
                    phone_masked, address_enc, address_masked, hukou, community_id, complex_id, region_path, latitude, longitude,
                    living_situation, economic_category, lost_only_child, special_contribution, health_enc, status, ltc_insured, ltc_number_enc, ltc_number_masked,
                    commercial_insured, commercial_insurer, commercial_policy_enc, commercial_policy_masked, hardship_self_care)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id""")
                .params(insertParams(r)).query(Long.class).single();
    }

    /** Inserts many rows in JDBC batches; answers the generated ids in order. */
    List<Long> insertAll(List<Row> rows) {
        List<Long> ids = jdbc.sql("select nextval('elder_id_seq') from generate_series(1, ?)").param(rows.size()).query(Long.class).list();
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> p = new ArrayList<>();
            p.add(ids.get(i));
            p.addAll(insertParams(rows.get(i)));
            batch.add(p.toArray());
        }
        template.batchUpdate("""
                insert into elder (id, name, sex, birth_date, id_number_enc, id_number_idx, id_number_masked, phone_enc, phone_idx,
                    phone_masked, address_enc, address_masked, hukou, community_id, complex_id, region_path, latitude, longitude,
                    living_situation, economic_category, lost_only_child, special_contribution, health_enc, status, ltc_insured, ltc_number_enc, ltc_number_masked,
                    commercial_insured, commercial_insurer, commercial_policy_enc, commercial_policy_masked, hardship_self_care)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", batch);
        return ids;
    }

    private static List<Object> insertParams(Row r) {
        List<Object> p = new ArrayList<>();
        p.add(r.name());
        p.add(r.sex().name());
        p.add(Date.valueOf(r.birthDate()));
        p.add(r.idNumberEnc());
        p.add(r.idNumberIdx());
        p.add(r.idNumberMasked());
        p.add(r.phoneEnc());
        p.add(r.phoneIdx());
        p.add(r.phoneMasked());
        p.add(r.addressEnc());
        p.add(r.addressMasked());
        p.add(r.hukou());
        p.add(r.communityId());
        p.add(r.complexId());
        p.add(r.regionPath());
        p.add(r.latitude());
        p.add(r.longitude());
        p.add(r.livingSituation().name());
        p.add(r.economicCategory().name());
        p.add(r.lostOnlyChild());
        p.add(r.specialContribution());
        p.add(r.healthEnc());
        p.add(r.status().name());
        p.addAll(enrolment(r).params());
        return p;
    }

    private static Enrolment enrolment(Row r) {
        return r.enrolment() == null ? Enrolment.NONE : r.enrolment();
    }

    /** Updates the record if it is still at {@code version} and within the jurisdiction; answers whether it did. */
    boolean update(long id, int version, Row r, Jurisdiction j) {
        List<Object> p = insertParams(r).subList(0, 22);
        List<Object> params = new ArrayList<>(p);
        params.addAll(enrolment(r).params());
        params.add(id);
        params.add(version);
        params.addAll(scopeParams(j));
        return jdbc.sql("""
                update elder e set name = ?, sex = ?, birth_date = ?, id_number_enc = ?, id_number_idx = ?, id_number_masked = ?,
                    phone_enc = ?, phone_idx = ?, phone_masked = ?, address_enc = ?, address_masked = ?, hukou = ?, community_id = ?,
                    complex_id = ?, region_path = ?, latitude = ?, longitude = ?, living_situation = ?, economic_category = ?,
                    lost_only_child = ?, special_contribution = ?, health_enc = ?, ltc_insured = ?, ltc_number_enc = ?,
                    ltc_number_masked = ?, commercial_insured = ?, commercial_insurer = ?, commercial_policy_enc = ?,
                    commercial_policy_masked = ?, hardship_self_care = ?, updated_at = now(), version = version + 1
                 where e.id = ? and e.version = ? and""" + SCOPE).params(params).update() == 1;
    }

    boolean changeStatus(long id, ElderStatus status, LocalDate on, Jurisdiction j) {
        List<Object> params = new ArrayList<>(List.of(status.name(), Date.valueOf(on), id));
        params.addAll(scopeParams(j));
        return jdbc.sql("update elder e set status = ?, status_changed_on = ?, updated_at = now(), version = version + 1 where e.id = ? and" + SCOPE)
                .params(params).update() == 1;
    }

    void recordCareLevel(long id, CareColour colour, String flags, long assessmentId, LocalDate assessedOn, LocalDate nextDue) {
        jdbc.sql("""
                update elder set care_colour = ?, care_flags = ?, care_assessment_id = ?, care_assessed_on = ?, next_reassessment_due = ?,
                       updated_at = now() where id = ?""")
                .params(colour.name(), flags, assessmentId, Date.valueOf(assessedOn), Date.valueOf(nextDue), id).update();
    }

    void bringReassessmentForward(long id, LocalDate due) {
        jdbc.sql("update elder set next_reassessment_due = least(coalesce(next_reassessment_due, ?), ?) where id = ?")
                .params(Date.valueOf(due), Date.valueOf(due), id).update();
    }

    List<ElderRef> dueForReassessment(LocalDate by, long afterId, int limit) {
        return jdbc.sql("""
                select id, name, birth_date, region_path, community_id, status from elder
                 where status = 'ACTIVE' and next_reassessment_due <= ? and id > ? order by id limit ?""")
                .params(Date.valueOf(by), afterId, limit)
                .query((rs, n) -> new ElderRef(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getLong(5),
                        ElderStatus.valueOf(rs.getString(6)), null, List.of(), null, null, null))
                .list();
    }

    List<Map<String, Object>> countByColour(Jurisdiction j) {
        return jdbc.sql("""
                select c.name as community, coalesce(e.care_colour, 'NONE') as colour, count(*) as elders
                  from elder e join region_node c on c.id = e.community_id
                 where e.status = 'ACTIVE' and""" + SCOPE + " group by c.name, c.code, e.care_colour order by c.code")
                .params(scopeParams(j)).query().listOfRows();
    }

    List<Long> linkedElderIds(long userId) {
        return jdbc.sql("select distinct elder_id from elder_contact where user_id = ? order by elder_id").param(userId).query(Long.class).list();
    }

    List<ContactRow> contacts(long elderId) {
        return jdbc.sql("select * from elder_contact where elder_id = ? order by position, id").param(elderId).query(ElderStore::mapContact).list();
    }

    void replaceContacts(long elderId, List<ContactRow> contacts) {
        jdbc.sql("delete from elder_contact where elder_id = ?").param(elderId).update();
        insertContacts(elderId, contacts);
    }

    void insertContacts(long elderId, List<ContactRow> contacts) {
        insertContactRows(contacts.stream().map(c -> new ContactRow(c.id(), elderId, c.kind(), c.name(), c.relation(), c.phoneEnc(),
                c.phoneMasked(), c.userId(), c.position())).toList());
    }

    /** Inserts contacts of many elders at once; each row names its elder. */
    void insertContactRows(List<ContactRow> contacts) {
        List<Object[]> batch = new ArrayList<>();
        for (ContactRow c : contacts) {
            batch.add(new Object[] { c.elderId(), c.kind().name(), c.name(), c.relation(), c.phoneEnc(), c.phoneMasked(), c.userId(), c.position() });
        }
        if (!batch.isEmpty()) {
            template.batchUpdate("insert into elder_contact (elder_id, kind, name, relation, phone_enc, phone_masked, user_id, position) values (?,?,?,?,?,?,?,?)", batch);
        }
    }

    /** A search: the WHERE clause is built from criteria, always starting with the jurisdiction. */
    record Query(String where, List<Object> params) {
    }

    List<ElderSummary> search(Query q, String orderBy, int limit, int offset, LocalDate today) {
        List<Object> params = new ArrayList<>(q.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("""
                select e.id, e.name, e.sex, e.birth_date, e.id_number_masked, e.phone_masked, e.community_id, c.name as community_name,
                       e.living_situation, e.economic_category, e.lost_only_child, e.special_contribution, e.status, e.care_colour,
                       e.next_reassessment_due
                  from elder e join region_node c on c.id = e.community_id
                 where""" + q.where() + " order by " + orderBy + " limit ? offset ?")
                .params(params)
                .query((rs, n) -> {
                    LocalDate birth = rs.getDate("birth_date").toLocalDate();
                    return new ElderSummary(rs.getLong("id"), rs.getString("name"), Sex.valueOf(rs.getString("sex")), birth,
                            java.time.Period.between(birth, today).getYears(), rs.getString("id_number_masked"),
                            rs.getString("phone_masked"), rs.getLong("community_id"), rs.getString("community_name"),
                            LivingSituation.valueOf(rs.getString("living_situation")),
                            EconomicCategory.valueOf(rs.getString("economic_category")), rs.getBoolean("lost_only_child"),
                            rs.getBoolean("special_contribution"), ElderStatus.valueOf(rs.getString("status")),
                            colour(rs.getString("care_colour")), date(rs.getDate("next_reassessment_due")));
                }).list();
    }

    long count(Query q) {
        return jdbc.sql("select count(*) from elder e where" + q.where()).params(q.params()).query(Long.class).single();
    }

    /** Rows for export or re-encryption: full rows matching a query, in id order. */
    List<Row> rows(Query q, int limit) {
        List<Object> params = new ArrayList<>(q.params());
        params.add(limit);
        return jdbc.sql("select e.* from elder e where" + q.where() + " order by e.id limit ?").params(params).query(ElderStore::mapRow).list();
    }

    static Query scoped(Jurisdiction j) {
        return new Query(SCOPE, new ArrayList<>(scopeParams(j)));
    }

    /** Counts of active elders in the jurisdiction, for the dashboard. */
    Map<String, Object> stats(Jurisdiction j, LocalDate today) {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(today.minusYears(SpecialCategory.OLDEST_OLD_AGE)));
        params.addAll(scopeParams(j));
        return jdbc.sql("""
                select count(*) as total,
                       count(*) filter (where living_situation = 'ALONE') as alone,
                       count(*) filter (where birth_date <= ?) as oldest_old,
                       count(*) filter (where economic_category in ('SPECIAL_HARDSHIP', 'MINIMUM_LIVING')) as hardship
                  from elder e where e.status = 'ACTIVE' and""" + SCOPE)
                .params(params).query().singleRow();
    }

    List<Map<String, Object>> countByCommunity(Jurisdiction j) {
        return jdbc.sql("""
                select c.name as community, count(*) as elders from elder e join region_node c on c.id = e.community_id
                 where e.status = 'ACTIVE' and""" + SCOPE + " group by c.name, c.code order by c.code")
                .params(scopeParams(j)).query().listOfRows();
    }

    List<Map<String, Object>> countByAgeBand(Jurisdiction j, LocalDate today) {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(today));
        params.addAll(scopeParams(j));
        return jdbc.sql("""
                select least(extract(year from age(?::date, e.birth_date))::int / 5 * 5, 100) as band, count(*) as elders
                  from elder e where e.status = 'ACTIVE' and""" + SCOPE + " group by band order by band")
                .params(params).query().listOfRows();
    }

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        long complex = rs.getLong("complex_id");
        Long complexId = rs.wasNull() ? null : complex;
        Date changed = rs.getDate("status_changed_on");
        return new Row(rs.getLong("id"), rs.getString("name"), Sex.valueOf(rs.getString("sex")), rs.getDate("birth_date").toLocalDate(),
                rs.getString("id_number_enc"), rs.getString("id_number_idx"), rs.getString("id_number_masked"),
                rs.getString("phone_enc"), rs.getString("phone_idx"), rs.getString("phone_masked"), rs.getString("address_enc"),
                rs.getString("address_masked"), rs.getString("hukou"), rs.getLong("community_id"), complexId,
                rs.getString("region_path"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                LivingSituation.valueOf(rs.getString("living_situation")), EconomicCategory.valueOf(rs.getString("economic_category")),
                rs.getBoolean("lost_only_child"), rs.getBoolean("special_contribution"), rs.getString("health_enc"),
                ElderStatus.valueOf(rs.getString("status")), changed == null ? null : changed.toLocalDate(),
                colour(rs.getString("care_colour")), flags(rs.getString("care_flags")), (Long) rs.getObject("care_assessment_id"),
                date(rs.getDate("care_assessed_on")), date(rs.getDate("next_reassessment_due")),
                ts(rs.getTimestamp("created_at")), ts(rs.getTimestamp("updated_at")), rs.getInt("version"),
                new Enrolment(rs.getBoolean("ltc_insured"), rs.getString("ltc_number_enc"), rs.getString("ltc_number_masked"),
                        rs.getBoolean("commercial_insured"), rs.getString("commercial_insurer"), rs.getString("commercial_policy_enc"),
                        rs.getString("commercial_policy_masked"),
                        rs.getString("hardship_self_care") == null ? null : HardshipSelfCare.valueOf(rs.getString("hardship_self_care"))));
    }

    private static ContactRow mapContact(ResultSet rs, int n) throws SQLException {
        long uid = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : uid;
        return new ContactRow(rs.getLong("id"), rs.getLong("elder_id"), ContactKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("relation"), rs.getString("phone_enc"), rs.getString("phone_masked"), userId, rs.getInt("position"));
    }

    private static CareColour colour(String s) {
        return s == null ? null : CareColour.valueOf(s);
    }

    private static List<String> flags(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
