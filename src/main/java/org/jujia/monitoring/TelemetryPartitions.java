package org.jujia.monitoring;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily partitions of {@code monitoring_telemetry} (by receipt time, Asia/Shanghai days): created
 * {@code partitions-ahead} days ahead at start and every night, and dropped whole once older than the retention.
 * Also forgets message ids older than the de-duplication window. One node at a time (advisory lock).
 */
@Component
class TelemetryPartitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryPartitions.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final long LOCK = 0x6a756a6961_01L;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final IngestProperties props;
    private final Clock clock;
    private volatile boolean running;

    TelemetryPartitions(JdbcClient jdbc, TransactionTemplate tx, IngestProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /** Before the ingest starts: today's and the coming days' partitions exist. */
    @Override
    public void start() {
        try {
            maintain();
        } catch (RuntimeException e) {
            log.warn("Telemetry partition maintenance failed at start (rows go to the default partition): {}", e.toString());
        }
        running = true;
    }

    @Scheduled(cron = "${jujia.monitoring.ingest.maintenance-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "monitoring.telemetryPartitions", lockAtMostFor = "PT30M")
    public void nightly() {
        maintain();
    }

    void maintain() {
        tx.executeWithoutResult(s -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return;
            }
            LocalDate today = LocalDate.now(clock.withZone(ZONE));
            for (int d = 0; d <= props.partitionsAhead(); d++) {
                create(today.plusDays(d));
            }
            LocalDate oldestKept = today.minusDays(props.telemetryRetention().toDays());
            for (String name : partitions()) {
                LocalDate day = LocalDate.parse(name.substring(name.length() - 8), SUFFIX);
                if (day.isBefore(oldestKept)) {
                    jdbc.sql("drop table if exists " + name).update();
                    log.info("Dropped telemetry partition {} (older than the retention of {} days)", name, props.telemetryRetention().toDays());
                }
            }
            int forgotten = jdbc.sql("delete from monitoring_message_seen where seen_at < ?")
                    .param(Timestamp.from(clock.instant().minus(props.dedupWindow()))).update();
            if (forgotten > 0) {
                log.info("Forgot {} message ids older than {}", forgotten, props.dedupWindow());
            }
        });
    }

    private void create(LocalDate day) {
        String name = "monitoring_telemetry_p" + day.format(SUFFIX);
        if (jdbc.sql("select to_regclass(?) is not null").param(name).query(Boolean.class).single()) {
            return;
        }
        String from = day.atStartOfDay(ZONE).toInstant().toString();
        String to = day.plusDays(1).atStartOfDay(ZONE).toInstant().toString();
        jdbc.sql("savepoint p").update();
        try {
            jdbc.sql("create table " + name + " partition of monitoring_telemetry for values from ('" + from + "') to ('" + to + "')").update();
            jdbc.sql("release savepoint p").update();
        } catch (RuntimeException e) {
            // rows of that day already sit in the default partition: they stay there
            jdbc.sql("rollback to savepoint p").update();
            log.warn("Telemetry partition {} not created: {}", name, e.getMessage());
        }
    }

    List<String> partitions() {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
                where p.relname = 'monitoring_telemetry' and c.relname ~ '^monitoring_telemetry_p[0-9]{8}$' order by c.relname""")
                .query(String.class).list();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return MqttBroker.PHASE - 1;
    }
}
