package org.jujia.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox and the inboxes from growing forever: every night, inbox entries and finished notifications
 * (DELIVERED, GAVE_UP) enqueued more than {@code jujia.notification.retention} ago (default 365 days) are deleted, in
 * batches. Notifications still being retried are never deleted. Safe on several nodes at once (deletes are idempotent).
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final NotificationProperties props;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, NotificationProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(cron = "${jujia.notification.retention-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "notification.retention", lockAtMostFor = "PT30M")
    public void nightly() {
        long removed = purge(clock.instant().minus(props.retention()));
        if (removed > 0) {
            log.info("notification retention: {} rows older than {} removed", removed, props.retention());
        }
    }

    /** Deletes inbox entries created, and finished notifications enqueued, strictly before {@code cutoff}; returns how many. */
    long purge(Instant cutoff) {
        long total = 0;
        int n;
        do {
            n = jdbc.sql("delete from notification_inbox where id in (select id from notification_inbox where created_at < ? limit ?)")
                    .params(OutboxStore.ts(cutoff), BATCH).update();
            total += n;
        } while (n == BATCH);
        do {
            n = jdbc.sql("""
                    delete from notification_outbox where id in (select o.id from notification_outbox o
                        where o.enqueued_at < ? and o.status in ('DELIVERED', 'GAVE_UP')
                          and not exists (select 1 from notification_inbox i where i.outbox_id = o.id)
                        limit ?)""").params(OutboxStore.ts(cutoff), BATCH).update();
            total += n;
        } while (n == BATCH);
        return total;
    }
}
