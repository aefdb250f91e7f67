package org.jujia.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notification outbox. Claiming a row (to send it) is one atomic UPDATE that increments its attempts and gives
 * the claiming node a lease; the poller claims due rows with {@code FOR UPDATE SKIP LOCKED} so several nodes can poll
 * at once without taking the same rows.
 */
@Repository
class OutboxStore {

    /** A row being sent: what the adapters need. */
    record Claimed(long id, Channel channel, String recipientEnc, Long recipientUser, String contentEnc, String reference,
            String regionPath, boolean urgent, int attempts, Instant enqueuedAt) {
    }

    /** A row as the console shows it. */
    record Entry(long id, Channel channel, String recipientMasked, OutboxStatus status, int attempts, Instant enqueuedAt,
            Instant lastAttemptAt, Instant deliveredAt, Instant nextAttemptAt, String lastError, String reference, String regionPath,
            boolean urgent, String channelRef) {

        NotificationView view() {
            return new NotificationView(id, channel, recipientMasked, status.name(), attempts, enqueuedAt, lastAttemptAt, deliveredAt,
                    lastError);
        }

        /** Milliseconds from enqueueing to the channel's acknowledgement, or null. */
        public Long latencyMillis() {
            return deliveredAt == null ? null : deliveredAt.toEpochMilli() - enqueuedAt.toEpochMilli();
        }
    }

    /** One line of the per-channel summary. */
    record ChannelSummary(Channel channel, long pending, long delivered, long retrying, long failing, long gaveUp, Double p50Millis,
            Double p95Millis) {
    }

    private static final String CLAIMED_COLUMNS = "id, channel, recipient_enc, recipient_user, content_enc, reference, region_path, urgent, attempts, enqueued_at";
    private static final String ENTRY_COLUMNS = "id, channel, recipient_masked, status, attempts, enqueued_at, last_attempt_at, delivered_at, "
            + "next_attempt_at, last_error, reference, region_path, urgent, channel_ref";
    /** The log counts matching rows up to this many (the page says "more than"). */
    static final int COUNT_CAP = 10_000;
    private static final String RETRYABLE = "('PENDING', 'FAILED_RETRYING', 'FAILING')";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Channel channel, String recipientEnc, String recipientMasked, Long recipientUser, String contentEnc, String reference,
            String regionPath, boolean urgent, Instant now) {
        return jdbc.sql("""
                insert into notification_outbox (channel, recipient_enc, recipient_masked, recipient_user, content_enc, reference,
                    region_path, urgent, status, attempts, next_attempt_at, enqueued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) returning id""")
                .params(channel.name(), recipientEnc, recipientMasked, recipientUser, contentEnc, reference, regionPath, urgent, ts(now), ts(now))
                .query(Long.class).single();
    }

    /** Claims one row for sending if nobody else has it and it is due; increments its attempts. */
    Optional<Claimed> claim(long id, Instant now, Instant leaseUntil) {
        return jdbc.sql("update notification_outbox set status = 'SENDING', attempts = attempts + 1, last_attempt_at = ?, locked_until = ?, "
                + "next_attempt_at = ? where id = ? and status in " + RETRYABLE + " and next_attempt_at <= ? returning " + CLAIMED_COLUMNS)
                .params(ts(now), ts(leaseUntil), ts(leaseUntil), id, ts(now)).query(OutboxStore::mapClaimed).optional();
    }

    /**
     * Claims up to {@code limit} due rows: retries whose time has come, rows still PENDING since before
     * {@code pendingBefore} (their immediate dispatch was lost, e.g. in a crash) and rows whose sender's lease ran out.
     * Urgent rows first.
     */
    List<Claimed> claimDue(Instant now, Instant pendingBefore, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                update notification_outbox o set status = 'SENDING', attempts = o.attempts + 1, last_attempt_at = ?, locked_until = ?,
                    next_attempt_at = ?
                where o.id in (select id from notification_outbox
                    where (status in ('FAILED_RETRYING', 'FAILING', 'SENDING') and next_attempt_at <= ?)
                       or (status = 'PENDING' and next_attempt_at <= ?)
                    order by urgent desc, next_attempt_at limit ? for update skip locked)
                returning o.id, o.channel, o.recipient_enc, o.recipient_user, o.content_enc, o.reference, o.region_path, o.urgent,
                    o.attempts, o.enqueued_at""")
                .params(ts(now), ts(leaseUntil), ts(leaseUntil), ts(now), ts(pendingBefore), limit).query(OutboxStore::mapClaimed).list();
    }

    /** Claims those of the given rows that nobody else has and that are due (one statement for a batch). */
    List<Claimed> claimAll(List<Long> ids, Instant now, Instant leaseUntil) {
        return jdbc.sql("update notification_outbox set status = 'SENDING', attempts = attempts + 1, last_attempt_at = ?, locked_until = ?, "
                + "next_attempt_at = ? where id = any(?::bigint[]) and status in " + RETRYABLE + " and next_attempt_at <= ? returning " + CLAIMED_COLUMNS)
                .params(ts(now), ts(leaseUntil), ts(leaseUntil), ids.toArray(Long[]::new), ts(now)).query(OutboxStore::mapClaimed).list();
    }

    /** An acknowledgement to record. */
    record Ack(long id, Instant at, String channelRef) {
    }

    /** Marks rows delivered (one statement for a batch); returns those this call delivered (not already DELIVERED). */
    List<NotificationDelivered> markAllDelivered(List<Ack> acks) {
        return jdbc.sql("""
                update notification_outbox o set status = 'DELIVERED', delivered_at = to_timestamp(v.ms / 1000.0), channel_ref = v.ref,
                    locked_until = null, last_error = null
                from unnest(?::bigint[], ?::bigint[], ?::text[]) as v(id, ms, ref)
                where o.id = v.id and o.status <> 'DELIVERED'
                returning o.id, o.channel, o.reference, o.enqueued_at, o.delivered_at, o.attempts""")
                .params(acks.stream().map(Ack::id).toArray(Long[]::new), acks.stream().map(a -> a.at().toEpochMilli()).toArray(Long[]::new),
                        acks.stream().map(Ack::channelRef).toArray(String[]::new))
                .query((rs, n) -> new NotificationDelivered(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("reference"),
                        instant(rs, "enqueued_at"), instant(rs, "delivered_at"), rs.getInt("attempts")))
                .list();
    }

    /** Marks a row delivered unless it already is; returns it when this call delivered it. */
    Optional<NotificationDelivered> markDelivered(long id, Instant now, String channelRef) {
        return jdbc.sql("update notification_outbox set status = 'DELIVERED', delivered_at = ?, channel_ref = ?, locked_until = null, "
                + "last_error = null where id = ? and status <> 'DELIVERED' returning id, channel, reference, enqueued_at, delivered_at, attempts")
                .params(ts(now), channelRef, id)
                .query((rs, n) -> new NotificationDelivered(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("reference"),
                        instant(rs, "enqueued_at"), instant(rs, "delivered_at"), rs.getInt("attempts")))
                .optional();
    }

    /** Records a failed attempt, if the row is still ours (same attempt, still SENDING). */
    boolean markFailed(long id, int attempt, OutboxStatus status, Instant nextAttemptAt, String error) {
        return jdbc.sql("update notification_outbox set status = ?, next_attempt_at = ?, locked_until = null, last_error = ? "
                + "where id = ? and status = 'SENDING' and attempts = ?")
                .params(status.name(), ts(nextAttemptAt), abbreviate(error), id, attempt).update() == 1;
    }

    List<Entry> byReference(String reference) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from notification_outbox where reference = ? order by id")
                .param(reference).query(OutboxStore::mapEntry).list();
    }

    Optional<Entry> find(long id) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from notification_outbox where id = ?").param(id).query(OutboxStore::mapEntry).optional();
    }

    /** The log, newest first, limited to the caller's region (rows without a region only for callers at the root). */
    PageResult<Entry> search(Jurisdiction j, Channel channel, OutboxStatus status, String reference, int page, int size) {
        var where = new StringBuilder(" where (region_path like ? or (region_path is null and ?))");
        List<Object> params = new ArrayList<>();
        params.add(j.likePattern());
        params.add(atRoot(j));
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel.name());
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (reference != null && !reference.isBlank()) {
            where.append(" and reference = ?");
            params.add(reference.strip());
        }
        // counted up to a cap: at high volume an exact count of a large region would cost more than the page
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(COUNT_CAP + 1);
        long total = jdbc.sql("select count(*) from (select 1 from notification_outbox" + where + " limit ?) c").params(countParams)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Entry> rows = jdbc.sql("select " + ENTRY_COLUMNS + " from notification_outbox" + where + " order by id desc limit ? offset ?")
                .params(pageParams).query(OutboxStore::mapEntry).list();
        return new PageResult<>(rows, page, size, total);
    }

    /** Per channel: open and finished counts, and delivery latency percentiles of what was enqueued since {@code since}. */
    List<ChannelSummary> summary(Jurisdiction j, Instant since) {
        return jdbc.sql("""
                select channel,
                    count(*) filter (where status in ('PENDING', 'SENDING')) as pending,
                    count(*) filter (where status = 'DELIVERED') as delivered,
                    count(*) filter (where status = 'FAILED_RETRYING') as retrying,
                    count(*) filter (where status = 'FAILING') as failing,
                    count(*) filter (where status = 'GAVE_UP') as gave_up,
                    percentile_cont(0.5) within group (order by extract(epoch from delivered_at - enqueued_at) * 1000)
                        filter (where delivered_at is not null) as p50,
                    percentile_cont(0.95) within group (order by extract(epoch from delivered_at - enqueued_at) * 1000)
                        filter (where delivered_at is not null) as p95
                from notification_outbox
                where (region_path like ? or (region_path is null and ?)) and enqueued_at >= ?
                group by channel order by channel""")
                .params(j.likePattern(), atRoot(j), ts(since))
                .query((rs, n) -> new ChannelSummary(Channel.valueOf(rs.getString("channel")), rs.getLong("pending"), rs.getLong("delivered"),
                        rs.getLong("retrying"), rs.getLong("failing"), rs.getLong("gave_up"), (Double) rs.getObject("p50"),
                        (Double) rs.getObject("p95")))
                .list();
    }

    /** A caller whose home node is the root of the region tree (path {@code /n/}) also sees rows without a region. */
    static boolean atRoot(Jurisdiction j) {
        return j.scopePath().chars().filter(c -> c == '/').count() <= 2;
    }

    private static Claimed mapClaimed(ResultSet rs, int n) throws SQLException {
        long user = rs.getLong("recipient_user");
        return new Claimed(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient_enc"),
                rs.wasNull() ? null : user, rs.getString("content_enc"), rs.getString("reference"), rs.getString("region_path"),
                rs.getBoolean("urgent"), rs.getInt("attempts"), instant(rs, "enqueued_at"));
    }

    private static Entry mapEntry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient_masked"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "enqueued_at"), instant(rs, "last_attempt_at"),
                instant(rs, "delivered_at"), instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("reference"),
                rs.getString("region_path"), rs.getBoolean("urgent"), rs.getString("channel_ref"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
