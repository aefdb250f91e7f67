package org.jujia.oversight;

import java.time.Clock;
import java.time.YearMonth;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Oversight's scheduled jobs, each on one node at a time (ShedLock): escalation of overdue complaints (every
 * {@code jujia.oversight.escalation-interval}, 15 min) and the monthly follow-up sample of the previous month (the 1st,
 * 01:10 Asia/Shanghai).
 */
@Component
class ComplaintEscalation {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEscalation.class);

    private final Complaints complaints;
    private final FollowUps followUps;
    private final Clock clock;

    ComplaintEscalation(Complaints complaints, FollowUps followUps, Clock clock) {
        this.complaints = complaints;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jujia.oversight.escalation-interval:PT15M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "oversight.complaint-escalation", lockAtMostFor = "PT10M")
    public void escalate() {
        complaints.escalateDue(clock.instant());
    }

    @Scheduled(cron = "${jujia.oversight.follow-up-cron:0 10 1 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "oversight.follow-up-sample", lockAtMostFor = "PT30M")
    public void monthlySample() {
        YearMonth previous = YearMonth.now(clock.withZone(WorkingDays.ZONE)).minusMonths(1);
        int n = followUps.sampleAll(previous);
        log.info("follow-up sample of {}: {} calls to make", previous, n);
    }
}
