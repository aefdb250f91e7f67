package org.jujia.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes check-in and check-out photos of visits captured more than {@code jujia.visit.photo-retention-days} (default
 * 180) ago, every night, in batches; the visit keeps its scores and notes that its photos were purged. Runs on one node
 * at a time (ShedLock).
 */
@Component
class PhotoRetention {

    private static final Logger log = LoggerFactory.getLogger(PhotoRetention.class);
    static final int BATCH = 2_000;

    private final VisitStore store;
    private final VisitProperties props;
    private final Clock clock;

    PhotoRetention(VisitStore store, VisitProperties props, Clock clock) {
        this.store = store;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(cron = "${jujia.visit.photo-retention-cron:0 20 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "visit.photo-retention", lockAtMostFor = "PT30M")
    public void nightly() {
        int n = purge(clock.instant().minus(Duration.ofDays(props.photoRetentionDays())));
        if (n > 0) {
            log.info("visit photo retention: photos of {} visits older than {} days deleted", n, props.photoRetentionDays());
        }
    }

    /** Deletes the photos of visits captured before {@code cutoff}; answers how many visits lost photos. */
    int purge(Instant cutoff) {
        int total = 0;
        int n;
        do {
            n = store.purgePhotos(cutoff, clock.instant(), BATCH);
            total += n;
        } while (n == BATCH);
        return total;
    }
}
