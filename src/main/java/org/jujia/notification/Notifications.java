package org.jujia.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.PhoneNumber;
import org.jujia.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification module's facade. {@link #enqueue} persists a notification in the caller's transaction; once that
 * commits it is dispatched at once (no poller in the way) and retried with backoff until the channel acknowledges it;
 * {@link NotificationDelivered} is published then.
 */
@Service
public class Notifications {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;
    static final int MAX_REFERENCE = 120;
    private static final Pattern REGION_PATH = Pattern.compile("(/\\d+)+/");
    private static final Pattern USER_ID = Pattern.compile("[1-9]\\d{0,18}");

    private final OutboxStore store;
    private final ContentSeal seal;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final PushSubscriptions push;

    Notifications(OutboxStore store, ContentSeal seal, Dispatcher dispatcher, Clock clock, PushSubscriptions push) {
        this.push = push;
        this.store = store;
        this.seal = seal;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Persist a notification in the caller's transaction (or a new one); it is dispatched right after commit and
     * retried with backoff until the channel acknowledges it. Nothing is sent when the transaction rolls back.
     *
     * @throws ValidationException naming the field when the request cannot be sent (e.g. an SMS to a non-mobile number)
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public NotificationId enqueue(NotificationRequest request) {
        String recipient = validate(request);
        Long user = request.channel() == Channel.FAMILY_APP || request.channel() == Channel.COMMUNITY_WORKER || request.channel() == Channel.WEB_PUSH
                ? Long.valueOf(recipient) : null;
        Instant now = clock.instant();
        long id = store.insert(request.channel(), seal.sealText(recipient), mask(request.channel(), recipient), user,
                seal.seal(new ContentSeal.Content(request.title(), request.body(), request.data())), request.reference(), request.regionPath(),
                request.urgent(), now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.dispatchSoon(id, request.channel(), request.urgent());
                }
            });
        } else {
            dispatcher.dispatchSoon(id, request.channel(), request.urgent());
        }
        return new NotificationId(id);
    }

    /**
     * Of these users, those with a browser subscribed to Web Push (so that a {@link Channel#WEB_PUSH} notification
     * reaches someone); empty when Web Push is disabled.
     */
    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public java.util.Set<Long> pushSubscribers(java.util.Collection<Long> userIds) {
        return dispatcher.adapter(Channel.WEB_PUSH).configured() ? push.subscribed(userIds) : java.util.Set.of();
    }

    /**
     * Saves a browser's Web Push subscription for a user (what {@code POST /api/v1/me/push/subscriptions} does, for
     * seeding and imports); answers its id.
     *
     * @throws ValidationException naming {@code endpoint}, {@code keys.p256dh} or {@code keys.auth}
     */
    @Transactional
    public long registerPushSubscription(long userId, String endpoint, String p256dh, String auth, String userAgent) {
        return push.subscribe(userId, endpoint, p256dh, auth, userAgent, false);
    }

    /** Every notification with this reference (e.g. {@code alarm:42}), oldest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> forReference(String reference) {
        return store.byReference(reference).stream().map(OutboxStore.Entry::view).toList();
    }

    /** One notification, if it lies in the caller's region. */
    @Transactional(readOnly = true)
    public NotificationView find(long id, Jurisdiction j) {
        return store.find(id).filter(e -> visible(e, j)).map(OutboxStore.Entry::view)
                .orElseThrow(() -> new NotFoundException("notification", id));
    }

    /** Is the channel reachable (a configured gateway, the demo simulator, or an in-app channel)? */
    public boolean configured(Channel channel) {
        return dispatcher.adapter(channel).configured();
    }

    PageResult<OutboxStore.Entry> search(Jurisdiction j, Channel channel, OutboxStatus status, String reference, int page, int size) {
        return store.search(j, channel, status, reference, page, size);
    }

    static boolean visible(OutboxStore.Entry e, Jurisdiction j) {
        return e.regionPath() == null ? OutboxStore.atRoot(j) : j.covers(e.regionPath());
    }

    /** Checks the request; returns the recipient normalised (phone numbers as 11 digits). */
    static String validate(NotificationRequest r) {
        List<FieldViolation> v = new ArrayList<>();
        String recipient = r.recipient() == null ? "" : r.recipient().strip();
        switch (r.channel()) {
            case SMS -> {
                if (!PhoneNumber.isValid(recipient) || !PhoneNumber.parse(recipient).value().startsWith("1")) {
                    v.add(new FieldViolation("recipient", "notification.recipient.mobile", "SMS needs a mainland mobile number"));
                } else {
                    recipient = PhoneNumber.parse(recipient).value();
                }
            }
            case FAMILY_APP, COMMUNITY_WORKER, WEB_PUSH -> {
                if (!USER_ID.matcher(recipient).matches()) {
                    v.add(new FieldViolation("recipient", "notification.recipient.user", "the recipient must be a user account id"));
                }
            }
            case EMERGENCY_120 -> {
                if (recipient.isEmpty()) {
                    recipient = "120";
                } else if (recipient.length() > 32) {
                    v.add(new FieldViolation("recipient", "notification.recipient.length", "at most 32 characters"));
                }
            }
        }
        if (r.channel() == Channel.COMMUNITY_WORKER && r.data().get("phone") instanceof Object phone
                && (!PhoneNumber.isValid(phone.toString()) || !PhoneNumber.parse(phone.toString()).value().startsWith("1"))) {
            v.add(new FieldViolation("data.phone", "notification.phone.mobile", "the worker's phone must be a mainland mobile number"));
        }
        if ((r.title() == null || r.title().isBlank()) && (r.body() == null || r.body().isBlank())) {
            v.add(new FieldViolation("body", "notification.body.required", "a title or a body is required"));
        }
        if (r.title() != null && r.title().length() > MAX_TITLE) {
            v.add(new FieldViolation("title", "notification.title.length", "at most " + MAX_TITLE + " characters"));
        }
        if (r.body() != null && r.body().length() > MAX_BODY) {
            v.add(new FieldViolation("body", "notification.body.length", "at most " + MAX_BODY + " characters"));
        }
        if (r.reference() != null && r.reference().length() > MAX_REFERENCE) {
            v.add(new FieldViolation("reference", "notification.reference.length", "at most " + MAX_REFERENCE + " characters"));
        }
        Object region = r.data().get("regionPath");
        if (region != null && (!(region instanceof String s) || !REGION_PATH.matcher(s).matches() || s.length() > 512)) {
            v.add(new FieldViolation("data.regionPath", "notification.regionPath.format", "a region path like /1/4/7/"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return recipient;
    }

    /** How the recipient is shown: phones masked, users by id, the 120 centre by its code. */
    static String mask(Channel channel, String recipient) {
        return switch (channel) {
            case SMS -> PhoneNumber.parse(recipient).masked();
            case FAMILY_APP, COMMUNITY_WORKER, WEB_PUSH -> "user#" + recipient;
            case EMERGENCY_120 -> recipient;
        };
    }
}
