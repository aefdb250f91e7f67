package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The module's scheduled jobs run under a ShedLock lock: a lock held by another node keeps this node out. */
@IntegrationTest
class SchedulerLockIT {

    private static final String JOB = "assessment.escalateOverdueRemakes";

    @Autowired
    AssessmentSchedule schedule;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void release() {
        // released, not deleted: ShedLock remembers which lock rows it has created and only updates them afterwards
        jdbc.sql("UPDATE shedlock SET lock_until = now() - interval '1 second', locked_by = 'released' WHERE name = :n")
                .param("n", JOB).update();
    }

    @Test
    void aRunTakesTheLockAndReleasesItWhenDone() {
        assertThat(org.springframework.aop.support.AopUtils.isAopProxy(schedule)).as("proxied").isTrue();
        schedule.escalateOverdueRemakes();

        var lock = jdbc.sql("SELECT locked_by, lock_until, locked_at FROM shedlock WHERE name = :n").param("n", JOB)
                .query((rs, i) -> new Object[] { rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant() })
                .single();
        assertThat((String) lock[0]).isNotBlank().isNotIn("other-node", "released");
        // released at the end of the run: lock_until is set back to no later than the moment the run ended
        assertThat((Instant) lock[1]).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
    }

    @Test
    void aLockHeldByAnotherNodeKeepsThisNodeOut() {
        Instant until = Instant.now().plusSeconds(600);
        jdbc.sql("""
                INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (:n, :u, now(), 'other-node')
                ON CONFLICT (name) DO UPDATE SET lock_until = :u, locked_at = now(), locked_by = 'other-node'""")
                .param("n", JOB).param("u", java.sql.Timestamp.from(until)).update();

        schedule.escalateOverdueRemakes();

        String holder = jdbc.sql("SELECT locked_by FROM shedlock WHERE name = :n").param("n", JOB).query(String.class).single();
        Instant lockUntil = jdbc.sql("SELECT lock_until FROM shedlock WHERE name = :n").param("n", JOB)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
        assertThat(holder).isEqualTo("other-node");
        assertThat(lockUntil).isAfter(Instant.now().plusSeconds(500));
    }
}
