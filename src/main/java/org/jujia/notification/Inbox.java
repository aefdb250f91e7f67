package org.jujia.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users' in-app inboxes (family members, community workers). A FAMILY_APP or COMMUNITY_WORKER notification is
 * acknowledged once it is stored here (one entry per outbox row, whatever the retries); the user's open pages get it
 * live through {@link LiveStreams}.
 */
@Component
class Inbox {

    /** One inbox entry, unsealed. */
    record Entry(long id, Channel channel, String title, String body, Map<String, Object> data, String link, String reference, boolean urgent,
            Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }

        /** What the live stream sends for it. */
        Map<String, Object> event() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("channel", channel.name());
            m.put("title", title);
            m.put("body", body);
            m.put("link", link);
            m.put("reference", reference);
            m.put("urgent", urgent);
            m.put("createdAt", createdAt.toString());
            return m;
        }
    }

    private final JdbcClient jdbc;
    private final ContentSeal seal;
    private final LiveStreams live;
    private final DatabaseGate gate;
    private final InboxFanout fanout;
    private final Clock clock;

    Inbox(JdbcClient jdbc, ContentSeal seal, LiveStreams live, Clock clock, DatabaseGate gate, InboxFanout fanout) {
        this.gate = gate;
        this.fanout = fanout;
        this.jdbc = jdbc;
        this.seal = seal;
        this.live = live;
        this.clock = clock;
    }

    /** Stores the notification in the user's inbox (once per outbox row) and pushes it to their open pages. */
    long deliver(long userId, ChannelAdapter.Outbound n) {
        Instant now = clock.instant();
        String link = n.dataString("link");
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 300)) {
            link = null; // only links inside the console
        }
        record Stored(long id, boolean inserted) {
        }
        String safeLink = link;
        Stored stored = gate.call(() -> jdbc.sql("""
                insert into notification_inbox (user_id, outbox_id, channel, content_enc, link, reference, urgent, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (outbox_id) do update set user_id = excluded.user_id
                returning id, (xmax = 0) as inserted""")
                .params(userId, n.id(), n.channel().name(), n.sealedContent(), safeLink, n.reference(), n.urgent(), OutboxStore.ts(now))
                .query((rs, i) -> new Stored(rs.getLong("id"), rs.getBoolean("inserted"))).single());
        if (stored.inserted()) {
            live.publish(userId, new Entry(stored.id(), n.channel(), n.title(), n.body(), n.data(), link, n.reference(), n.urgent(), now, null));
            gate.call(() -> {
                fanout.announce(userId, stored.id());
                return null;
            });
        }
        return stored.id();
    }

    PageResult<Entry> list(long userId, boolean unreadOnly, int page, int size) {
        String where = " where user_id = ?" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from notification_inbox" + where).param(userId).query(Long.class).single();
        List<Entry> rows = jdbc.sql("select * from notification_inbox" + where + " order by id desc limit ? offset ?")
                .params(userId, size, (long) page * size).query(this::map).list();
        return new PageResult<>(rows, page, size, total);
    }

    long unread(long userId) {
        return jdbc.sql("select count(*) from notification_inbox where user_id = ? and read_at is null").param(userId).query(Long.class).single();
    }

    /** Marks one of the user's entries read; false when it is not theirs. */
    boolean markRead(long userId, long id) {
        return jdbc.sql("update notification_inbox set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
                .params(OutboxStore.ts(clock.instant()), id, userId).update() == 1;
    }

    int markAllRead(long userId) {
        return jdbc.sql("update notification_inbox set read_at = ? where user_id = ? and read_at is null")
                .params(OutboxStore.ts(clock.instant()), userId).update();
    }

    java.util.Optional<Entry> find(long userId, long id) {
        return jdbc.sql("select * from notification_inbox where id = ? and user_id = ?").params(id, userId).query(this::map).optional();
    }

    private Entry map(ResultSet rs, int n) throws SQLException {
        ContentSeal.Content c = seal.open(rs.getString("content_enc"));
        return new Entry(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), c.title(), c.body(), c.data(), rs.getString("link"),
                rs.getString("reference"), rs.getBoolean("urgent"), OutboxStore.instant(rs, "created_at"), OutboxStore.instant(rs, "read_at"));
    }
}
