package org.jujia.visit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jujia.shared.GeoPoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Persistence of visits, penalties, disputes and ratings. Reads on behalf of a person take a {@link Scope}. */
@Repository
class VisitStore {

    static final String COLUMNS = """
            v.id, v.order_id, v.elder_id, v.elder_name, v.region_path, v.item_code, v.item_name, v.standard_minutes, v.provider_id,
            v.caregiver_user_id, v.window_start, v.window_end, v.planned_minutes, v.quantity, v.amount_fen, v.status, v.flags, v.findings,
            v.pin, v.order_event_at, v.order_cancelled_at, v.order_cancel_note,
            v.in_lat, v.in_lon, v.in_accuracy_m, v.in_captured_at, v.in_received_at, v.in_delayed, v.in_distance_m, v.in_face_score,
            v.in_photo_enc is not null as in_photo,
            v.out_lat, v.out_lon, v.out_accuracy_m, v.out_captured_at, v.out_received_at, v.out_delayed, v.out_distance_m, v.out_face_score,
            v.out_photo_enc is not null as out_photo, v.photos_purged_at, v.record_json,
            v.confirmed_at, v.confirmation_method, v.confirmed_by, v.signature_enc is not null as signed,
            v.review_decision, v.review_note, v.reviewed_by, v.reviewed_at, v.row_version""";

    /**
     * Which visits a caller may see: always within {@code likePattern}; further limited to one caregiver (a caregiver
     * sees their own), a set of elders (a family member) or one provider (a provider operator).
     */
    record Scope(String likePattern, Long caregiverUserId, List<Long> elderIds, Long providerId) {

        static Scope system() {
            return new Scope("/%", null, null, null);
        }

        String where() {
            StringBuilder w = new StringBuilder("v.region_path like :scope");
            if (caregiverUserId != null) {
                w.append(" and v.caregiver_user_id = :scopeCaregiver");
            }
            if (elderIds != null) {
                w.append(elderIds.isEmpty() ? " and false" : " and v.elder_id in (:scopeElders)");
            }
            if (providerId != null) {
                w.append(" and v.provider_id = :scopeProvider");
            }
            return w.toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s) {
            s = s.param("scope", likePattern);
            if (caregiverUserId != null) {
                s = s.param("scopeCaregiver", caregiverUserId);
            }
            if (elderIds != null && !elderIds.isEmpty()) {
                s = s.param("scopeElders", elderIds);
            }
            if (providerId != null) {
                s = s.param("scopeProvider", providerId);
            }
            return s;
        }
    }

    /** A list query's filters (all optional). */
    record Filter(Long caregiverUserId, Long elderId, Long providerId, Instant from, Instant to, VisitStatus status, Set<VisitStatus> statuses,
            int limit) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VisitStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ------------------------------------------------------------------ writes

    /** Inserts a scheduled visit unless the order already has one; answers the id of the order's visit. */
    long insertIfAbsent(Visit v) {
        Optional<Long> id = jdbc.sql("""
                insert into visit (order_id, elder_id, elder_name, region_path, item_code, item_name, standard_minutes, provider_id,
                    caregiver_user_id, window_start, window_end, planned_minutes, quantity, amount_fen, status, pin, order_event_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)
                on conflict (order_id) do nothing returning id""")
                .params(v.orderId(), v.elderId(), v.elderName(), v.regionPath(), v.itemCode(), v.itemName(), v.standardMinutes(), v.providerId(),
                        v.caregiverUserId(), ts(v.windowStart()), ts(v.windowEnd()), v.plannedMinutes(), v.quantity(), v.amountFen(), v.pin(),
                        ts(v.orderEventAt()))
                .query(Long.class).optional();
        return id.orElseGet(() -> jdbc.sql("select id from visit where order_id = ?").param(v.orderId()).query(Long.class).single());
    }

    /** The visit of an order, locked for update. */
    Optional<Visit> lockByOrder(long orderId) {
        return jdbc.sql("select " + COLUMNS + " from visit v where v.order_id = ? for update").param(orderId).query(this::map).optional();
    }

    Optional<Visit> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from visit v where v.id = ? for update").param(id).query(this::map).optional();
    }

    /** Writes the assignment and order-event columns (reassignment, withdrawal). */
    void updateAssignment(Visit v) {
        jdbc.sql("""
                update visit set provider_id = ?, caregiver_user_id = ?, window_start = ?, window_end = ?, planned_minutes = ?, amount_fen = ?,
                    status = ?, order_event_at = ?, order_cancelled_at = ?, order_cancel_note = ?, updated_at = now(), row_version = row_version + 1
                 where id = ?""")
                .params(v.providerId(), v.caregiverUserId(), ts(v.windowStart()), ts(v.windowEnd()), v.plannedMinutes(), v.amountFen(),
                        v.status().name(), ts(v.orderEventAt()), ts(v.orderCancelledAt()), v.orderCancelNote(), v.id())
                .update();
    }

    void updateCheckIn(Visit v, String photoEnc) {
        Visit.Evv e = v.checkIn();
        jdbc.sql("""
                update visit set status = ?, flags = ?, findings = ?, in_lat = ?, in_lon = ?, in_accuracy_m = ?, in_captured_at = ?,
                    in_received_at = ?, in_delayed = ?, in_distance_m = ?, in_face_score = ?, in_photo_enc = ?, updated_at = now(),
                    row_version = row_version + 1
                 where id = ?""")
                .params(v.status().name(), flags(v.flags()), findingsJson(v.findings()), e.latitude(), e.longitude(), e.accuracyMeters(),
                        ts(e.capturedAt()), ts(e.receivedAt()), e.delayedSync(), e.distanceMeters(), e.faceScore(), photoEnc, v.id())
                .update();
    }

    void updateCheckOut(Visit v, String photoEnc) {
        Visit.Evv e = v.checkOut();
        jdbc.sql("""
                update visit set status = ?, flags = ?, findings = ?, out_lat = ?, out_lon = ?, out_accuracy_m = ?, out_captured_at = ?,
                    out_received_at = ?, out_delayed = ?, out_distance_m = ?, out_face_score = ?, out_photo_enc = ?, record_json = ?,
                    updated_at = now(), row_version = row_version + 1
                 where id = ?""")
                .params(v.status().name(), flags(v.flags()), findingsJson(v.findings()), e.latitude(), e.longitude(), e.accuracyMeters(),
                        ts(e.capturedAt()), ts(e.receivedAt()), e.delayedSync(), e.distanceMeters(), e.faceScore(), photoEnc,
                        v.record() == null ? null : json.writeValueAsString(v.record()), v.id())
                .update();
    }

    void updateConfirmation(Visit v, String signatureEnc) {
        Visit.Confirmation c = v.confirmation();
        jdbc.sql("""
                update visit set status = ?, confirmed_at = ?, confirmation_method = ?, confirmed_by = ?,
                    signature_enc = coalesce(?, signature_enc), code_hash = null, code_expires_at = null, updated_at = now(),
                    row_version = row_version + 1
                 where id = ?""")
                .params(v.status().name(), c == null ? null : ts(c.at()), c == null ? null : c.method().name(), c == null ? null : c.by(),
                        signatureEnc, v.id())
                .update();
    }

    void updateStatus(Visit v) {
        jdbc.sql("update visit set status = ?, updated_at = now(), row_version = row_version + 1 where id = ?").params(v.status().name(), v.id())
                .update();
    }

    void updateReview(Visit v) {
        Visit.Review r = v.review();
        jdbc.sql("""
                update visit set status = ?, review_decision = ?, review_note = ?, reviewed_by = ?, reviewed_at = ?, updated_at = now(),
                    row_version = row_version + 1
                 where id = ?""").params(v.status().name(), r.decision(), r.note(), r.by(), ts(r.at()), v.id()).update();
    }

    void storeCode(long visitId, String hash, Instant expiresAt) {
        jdbc.sql("update visit set code_hash = ?, code_expires_at = ?, code_attempts = 0 where id = ?").params(hash, ts(expiresAt), visitId)
                .update();
    }

    record Code(String hash, Instant expiresAt, int attempts) {
    }

    Optional<Code> code(long visitId) {
        return jdbc.sql("select code_hash, code_expires_at, code_attempts from visit where id = ? and code_hash is not null").param(visitId)
                .query((rs, n) -> new Code(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3))).optional();
    }

    int pinAttempts(long visitId) {
        return jdbc.sql("select pin_attempts from visit where id = ?").param(visitId).query(Integer.class).single();
    }

    void countPinAttempt(long visitId) {
        jdbc.sql("update visit set pin_attempts = pin_attempts + 1 where id = ?").param(visitId).update();
    }

    void countCodeAttempt(long visitId) {
        jdbc.sql("update visit set code_attempts = code_attempts + 1 where id = ?").param(visitId).update();
    }

    long insertPenalty(Visit v, long penaltyFen, String note, Instant at, String by) {
        return jdbc.sql("""
                insert into visit_penalty (visit_id, provider_id, caregiver_user_id, amount_fen, penalty_fen, note, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(v.id(), v.providerId(), v.caregiverUserId(), v.amountFen(), penaltyFen, note, ts(at), by).query(Long.class).single();
    }

    long insertDispute(Visit v, String reason, Instant at, String by) {
        return jdbc.sql("""
                insert into visit_dispute (visit_id, elder_id, region_path, status, reason, opened_at, opened_by)
                values (?, ?, ?, 'OPEN', ?, ?, ?) returning id""").params(v.id(), v.elderId(), v.regionPath(), reason, ts(at), by)
                .query(Long.class).single();
    }

    void resolveDispute(long visitId, String resolution, Instant at) {
        jdbc.sql("update visit_dispute set status = 'RESOLVED', resolution = ?, resolved_at = ? where visit_id = ? and status = 'OPEN'")
                .params(resolution, ts(at), visitId).update();
    }

    boolean insertRating(long visitId, int stars, String comment, Instant at, String by) {
        return jdbc.sql("""
                insert into visit_rating (visit_id, stars, comment, rated_at, rated_by) values (?, ?, ?, ?, ?)
                on conflict (visit_id) do nothing""").params(visitId, stars, comment, ts(at), by).update() == 1;
    }

    /** Deletes the photos of visits checked in before {@code cutoff}; answers how many visits lost their photos. */
    int purgePhotos(Instant cutoff, Instant now, int batch) {
        return jdbc.sql("""
                update visit set in_photo_enc = null, out_photo_enc = null, photos_purged_at = ?
                 where id in (select id from visit where coalesce(in_captured_at, out_captured_at) < ?
                                 and (in_photo_enc is not null or out_photo_enc is not null) limit ?)""")
                .params(ts(now), ts(cutoff), batch).update();
    }

    // ------------------------------------------------------------------ reads

    Optional<Visit> find(long id, Scope scope) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from visit v where v.id = :id and " + scope.where())).param("id", id)
                .query(this::map).optional();
    }

    List<Visit> list(Filter f, Scope scope) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from visit v where " + scope.where());
        if (f.caregiverUserId() != null) {
            sql.append(" and v.caregiver_user_id = :caregiver");
        }
        if (f.elderId() != null) {
            sql.append(" and v.elder_id = :elder");
        }
        if (f.providerId() != null) {
            sql.append(" and v.provider_id = :provider");
        }
        if (f.from() != null) {
            sql.append(" and v.window_start >= :from");
        }
        if (f.to() != null) {
            sql.append(" and v.window_start < :to");
        }
        if (f.status() != null) {
            sql.append(" and v.status = :status");
        }
        if (f.statuses() != null) {
            sql.append(" and v.status in (:statuses)");
        }
        sql.append(" order by v.window_start, v.id limit :limit");
        JdbcClient.StatementSpec s = scope.bind(jdbc.sql(sql.toString())).param("limit", f.limit());
        if (f.caregiverUserId() != null) {
            s = s.param("caregiver", f.caregiverUserId());
        }
        if (f.elderId() != null) {
            s = s.param("elder", f.elderId());
        }
        if (f.providerId() != null) {
            s = s.param("provider", f.providerId());
        }
        if (f.from() != null) {
            s = s.param("from", ts(f.from()));
        }
        if (f.to() != null) {
            s = s.param("to", ts(f.to()));
        }
        if (f.status() != null) {
            s = s.param("status", f.status().name());
        }
        if (f.statuses() != null) {
            s = s.param("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        return s.query(this::map).list();
    }

    /** The caregiver's latest check-out (of another visit) at or before {@code before}. */
    Optional<VerificationContext.PreviousCheckOut> previousCheckOut(long caregiver, long exceptVisit, Instant before) {
        return jdbc.sql("""
                select id, out_lat, out_lon, out_captured_at from visit
                 where caregiver_user_id = ? and id <> ? and out_captured_at is not null and out_captured_at <= ?
                 order by out_captured_at desc limit 1""").params(caregiver, exceptVisit, ts(before))
                .query((rs, n) -> new VerificationContext.PreviousCheckOut(rs.getLong(1), new GeoPoint(rs.getDouble(2), rs.getDouble(3)),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** [check-in, check-out] of the caregiver's other completed visits touching [from, to]. */
    List<VerificationContext.Interval> intervals(long caregiver, long exceptVisit, Instant from, Instant to) {
        return jdbc.sql("""
                select id, in_captured_at, out_captured_at from visit
                 where caregiver_user_id = ? and id <> ? and in_captured_at is not null and out_captured_at is not null
                   and in_captured_at <= ? and out_captured_at >= ? order by in_captured_at""").params(caregiver, exceptVisit, ts(to), ts(from))
                .query((rs, n) -> new VerificationContext.Interval(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Other visits whose check-in or check-out lies at the same rounded coordinates as {@code p}, within [from, to]. */
    List<VerificationContext.PositionUse> samePosition(GeoPoint p, long exceptVisit, Instant from, Instant to) {
        double lat = RepeatedCoordinatesPolicy.rounded(p.latitude()) / RepeatedCoordinatesPolicy.SCALE;
        double lon = RepeatedCoordinatesPolicy.rounded(p.longitude()) / RepeatedCoordinatesPolicy.SCALE;
        return jdbc.sql("""
                select id, elder_id, in_captured_at as at from visit
                 where id <> :id and in_lat is not null and round(in_lat::numeric, 5) = round(cast(:lat as numeric), 5)
                   and round(in_lon::numeric, 5) = round(cast(:lon as numeric), 5) and in_captured_at between :from and :to
                union all
                select id, elder_id, out_captured_at from visit
                 where id <> :id and out_lat is not null and round(out_lat::numeric, 5) = round(cast(:lat as numeric), 5)
                   and round(out_lon::numeric, 5) = round(cast(:lon as numeric), 5) and out_captured_at between :from and :to
                limit 20""").param("id", exceptVisit).param("lat", lat).param("lon", lon).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> new VerificationContext.PositionUse(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).list();
    }

    Optional<String> photo(long visitId, String stage) {
        String column = Finding.CHECK_IN.equals(stage) ? "in_photo_enc" : "out_photo_enc";
        return jdbc.sql("select " + column + " from visit where id = ? and " + column + " is not null").param(visitId).query(String.class)
                .optional();
    }

    Optional<Penalty> penalty(long visitId) {
        return jdbc.sql("select id, visit_id, amount_fen, penalty_fen, note, recorded_at, recorded_by from visit_penalty where visit_id = ?")
                .param(visitId).query(Penalty.class).optional();
    }

    Optional<Dispute> dispute(long visitId) {
        return jdbc.sql("select id, visit_id, status, reason, opened_at, opened_by, resolved_at, resolution from visit_dispute where visit_id = ?")
                .param(visitId).query(Dispute.class).optional();
    }

    Optional<Rating> rating(long visitId) {
        return jdbc.sql("select visit_id, stars, comment, rated_at, rated_by from visit_rating where visit_id = ?").param(visitId)
                .query(Rating.class).optional();
    }

    /** Flagged visits per caregiver and per provider since {@code since} within the scope. */
    /** Visits planned to start in [from, to) by status. */
    Map<VisitStatus, Long> countByStatus(Instant from, Instant to, Scope scope) {
        Map<VisitStatus, Long> counts = new java.util.EnumMap<>(VisitStatus.class);
        scope.bind(jdbc.sql("select v.status, count(*) from visit v where v.window_start >= :from and v.window_start < :to and " + scope.where()
                + " group by v.status")).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> counts.put(VisitStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    List<FlagCount> flagCounts(String groupBy, Instant since, Scope scope) {
        String key = "caregiver".equals(groupBy) ? "v.caregiver_user_id" : "v.provider_id";
        return scope.bind(jdbc.sql("""
                select %s as key, count(*) as flagged, count(*) filter (where v.status = 'FRAUD_CONFIRMED') as fraud
                  from visit v
                 where cardinality(v.flags) > 0 and coalesce(v.out_captured_at, v.in_captured_at) >= :since and %s
                 group by %s order by flagged desc, key limit 50""".formatted(key, scope.where(), key)))
                .param("since", ts(since)).query((rs, n) -> new FlagCount(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    // ------------------------------------------------------------------ records

    /** A recorded penalty of a confirmed fraud. */
    public record Penalty(long id, long visitId, long amountFen, long penaltyFen, String note, Instant recordedAt, String recordedBy) {
    }

    /** The complaint opened by a dispute. */
    public record Dispute(long id, long visitId, String status, String reason, Instant openedAt, String openedBy, Instant resolvedAt,
            String resolution) {
    }

    /** The family's rating. */
    public record Rating(long visitId, int stars, String comment, Instant ratedAt, String ratedBy) {
    }

    /** How many flagged visits (and of those, confirmed frauds) a caregiver or provider had. */
    public record FlagCount(long key, long flagged, long fraud) {
    }

    // ------------------------------------------------------------------ mapping

    private Visit map(ResultSet rs, int row) throws SQLException {
        long elder = rs.getLong("elder_id");
        long caregiver = rs.getLong("caregiver_user_id");
        String item = rs.getString("item_code");
        Visit.Evv in = evv(rs, "in", item, elder, caregiver);
        Visit.Evv out = evv(rs, "out", item, elder, caregiver);
        String method = rs.getString("confirmation_method");
        Visit.Confirmation conf = method == null ? null
                : new Visit.Confirmation(ConfirmationMethod.valueOf(method), inst(rs, "confirmed_at"), rs.getString("confirmed_by"),
                        rs.getBoolean("signed"));
        String decision = rs.getString("review_decision");
        Visit.Review review = decision == null ? null
                : new Visit.Review(decision, rs.getString("review_note"), rs.getString("reviewed_by"), inst(rs, "reviewed_at"));
        String recordJson = rs.getString("record_json");
        Visit.ServiceRecord rec = recordJson == null ? null : json.readValue(recordJson, Visit.ServiceRecord.class);
        String findingsJson = rs.getString("findings");
        List<Finding> findings = findingsJson == null ? List.of() : json.readValue(findingsJson, new TypeReference<List<Finding>>() {
        });
        return new Visit(rs.getLong("id"), rs.getLong("order_id"), elder, rs.getString("elder_name"), rs.getString("region_path"), item,
                rs.getString("item_name"), rs.getInt("standard_minutes"), rs.getLong("provider_id"), caregiver, inst(rs, "window_start"),
                inst(rs, "window_end"), rs.getInt("planned_minutes"), rs.getInt("quantity"), rs.getLong("amount_fen"),
                VisitStatus.valueOf(rs.getString("status")), flagSet(rs.getArray("flags")), findings, rs.getString("pin"),
                inst(rs, "order_event_at"), inst(rs, "order_cancelled_at"), rs.getString("order_cancel_note"), in, out,
                rs.getTimestamp("photos_purged_at") != null, rec, conf, review, rs.getInt("row_version"));
    }

    private static Visit.Evv evv(ResultSet rs, String p, String item, long elder, long caregiver) throws SQLException {
        Instant captured = inst(rs, p + "_captured_at");
        if (captured == null) {
            return null;
        }
        double dist = rs.getDouble(p + "_distance_m");
        Double distance = rs.wasNull() ? null : dist;
        int score = rs.getInt(p + "_face_score");
        Integer face = rs.wasNull() ? null : score;
        return new Visit.Evv(item, elder, caregiver, LocalDate.ofInstant(captured, Visit.ZONE), rs.getDouble(p + "_lat"), rs.getDouble(p + "_lon"),
                rs.getDouble(p + "_accuracy_m"), captured, inst(rs, p + "_received_at"), rs.getBoolean(p + "_delayed"), distance, face,
                rs.getBoolean(p + "_photo"));
    }

    private static Set<VisitFlag> flagSet(Array a) throws SQLException {
        Set<VisitFlag> s = EnumSet.noneOf(VisitFlag.class);
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                s.add(VisitFlag.valueOf((String) o));
            }
        }
        return s;
    }

    private String findingsJson(List<Finding> f) {
        return f.isEmpty() ? null : json.writeValueAsString(f);
    }

    private static String[] flags(Set<VisitFlag> flags) {
        return flags.stream().map(Enum::name).toArray(String[]::new);
    }

    static Instant inst(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
