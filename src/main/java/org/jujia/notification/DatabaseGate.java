package org.jujia.notification;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds the module's concurrent database calls ({@code jujia.notification.dispatch.db-concurrency}), so that a burst
 * of notifications sent on many virtual threads cannot drain the connection pool the rest of the platform needs.
 */
@Component
class DatabaseGate {

    private final Semaphore permits;

    DatabaseGate(NotificationProperties props) {
        this.permits = new Semaphore(props.dispatch().dbConcurrency());
    }

    <T> T call(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
