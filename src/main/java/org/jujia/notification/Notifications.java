package org.jujia.notification;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's facade. {@link #enqueue} persists a notification in the caller's transaction; once that
 * commits it is dispatched at once (no poller in the way) and retried with backoff until the channel acknowledges it;
 * {@link NotificationDelivered} is published then.
 */
@Service
public class Notifications {

    /**
     * Persist a notification in the caller's transaction (or a new one); it is dispatched right after commit and
     * retried with backoff until the channel acknowledges it. Nothing is sent when the transaction rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public NotificationId enqueue(NotificationRequest request) {
        throw new UnsupportedOperationException("being built on branch notify");
    }

    /** Every notification with this reference (e.g. {@code alarm:42}), oldest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> forReference(String reference) {
        throw new UnsupportedOperationException("being built on branch notify");
    }
}
