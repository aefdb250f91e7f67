package org.jujia.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (picked up by component scanning of the test classpath): receives {@link NotificationDelivered}
 * as another module would, through Spring Modulith (after commit, asynchronously, with a publication record).
 */
@Component
class NotificationEventProbe {

    private final List<NotificationDelivered> received = new CopyOnWriteArrayList<>();

    @ApplicationModuleListener
    void on(NotificationDelivered event) {
        received.add(event);
    }

    List<NotificationDelivered> of(long id) {
        return received.stream().filter(e -> e.id() == id).toList();
    }
}
