package org.jujia.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.jujia.assessment.ReassessmentDue;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A stand-in for the module that will react to {@link ReassessmentDue} (notifications, the officer's work list):
 * an ordinary {@code @ApplicationModuleListener} that does nothing but count. It is registered only by
 * {@link AssessmentBench} and is detached from the event multicaster for every phase except the what-if one, so
 * the job is measured as it is today (no module listens to {@code ReassessmentDue} yet, so nothing is written to
 * {@code event_publication}) and then as it will be once one does.
 */
public class AssessmentBenchListener {

    private final AtomicLong handled = new AtomicLong();

    @ApplicationModuleListener
    public void on(ReassessmentDue event) {
        handled.incrementAndGet();
    }

    /** Events handled so far (a method, not a field: the bean is a proxy). */
    public long handled() {
        return handled.get();
    }
}
