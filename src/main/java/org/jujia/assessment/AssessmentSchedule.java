package org.jujia.assessment;

import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The module's clockwork: every night the reassessments that fell due are opened as tasks; every minute care-plan
 * remake tasks past their 48-hour deadline are escalated. Each run holds a ShedLock lock, so with several nodes only one
 * of them does it.
 */
@Component
class AssessmentSchedule {

    private static final Logger log = LoggerFactory.getLogger(AssessmentSchedule.class);

    private final AssessmentManagement assessments;

    AssessmentSchedule(AssessmentManagement assessments) {
        this.assessments = assessments;
    }

    @Scheduled(cron = "${jujia.assessment.reassessment-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "assessment.openDueReassessments", lockAtMostFor = "PT2H")
    public void openDueReassessments() {
        LocalDate today = assessments.today();
        long started = System.nanoTime();
        int opened = assessments.openDueReassessments(today);
        log.info("Reassessments due by {}: {} task(s) opened in {} ms", today, opened, (System.nanoTime() - started) / 1_000_000);
    }

    @Scheduled(fixedDelayString = "${jujia.assessment.escalation-interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "assessment.escalateOverdueRemakes", lockAtMostFor = "PT5M")
    public void escalateOverdueRemakes() {
        assessments.escalateOverdueRemakes();
    }
}
