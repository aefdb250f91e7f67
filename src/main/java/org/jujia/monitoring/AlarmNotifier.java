package org.jujia.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.elder.EmergencyProfile;
import org.jujia.notification.Channel;
import org.jujia.notification.NotificationRequest;
import org.jujia.notification.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Who hears of an alarm, and what they are told (in Chinese: these go to phones and the 120 centre). Every
 * notification carries the reference {@code alarm:<id>} and joins the caller's transaction.
 *
 * <ul>
 * <li>critical: the 120 emergency gateway (with the elder's name, age, address, coordinates, phone, conditions and the
 * centre's callback number), every contact's phone (SMS), every linked family app account (and a Web Push to each of
 * them with a subscribed browser), the community worker(s) of the elder's community — all urgent;</li>
 * <li>high: contacts (SMS), family app, community worker;</li>
 * <li>low (device faults): family app and community worker.</li>
 * </ul>
 * Escalation level 1 notifies the next alarm-centre operator and the street's elder-care officers; level 2 and above
 * the district/city civil-affairs officers as well.
 */
@Component
class AlarmNotifier {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private final Notifications notifications;
    private final UserAccounts users;
    private final MessageSource messages;
    private final EscalationProperties escalation;
    private final Map<String, Cached> usersCache = new ConcurrentHashMap<>();

    private record Cached(List<Recipient> usernames, long expiresAt) {
    }

    AlarmNotifier(Notifications notifications, UserAccounts users, MessageSource messages, EscalationProperties escalation) {
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
        this.escalation = escalation;
    }

    static String reference(long alarmId) {
        return "alarm:" + alarmId;
    }

    /** Enqueues the notifications of a new alarm; answers one line per recipient for the timeline. */
    List<String> raised(long alarmId, Trigger t, String regionPath, EmergencyProfile elder) {
        AlarmType type = t.type();
        boolean critical = type.severity() == AlarmSeverity.CRITICAL;
        String typeName = msg("monitoring.type." + type.name());
        String name = elder == null ? (t.serial() == null ? "" : t.serial()) : elder.name();
        String title = msg("monitoring.notify.title." + type.severity().name(), typeName, name);
        String body = msg("monitoring.notify.body", name, typeName, TIME.format(t.occurredAt()), t.summary());
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("regionPath", regionPath);
        if (t.elderId() != null) {
            base.put("elderId", t.elderId());
        }
        base.put("alarmId", alarmId);
        base.put("type", type.name());
        base.put("severity", type.severity().name());
        base.put("occurredAt", t.occurredAt().toString());
        base.put("link", "/alarm-centre/alarms/" + alarmId);
        if (t.deviceId() != null) {
            base.put("deviceId", t.deviceId());
        }
        if (t.details().get("messageId") != null) {
            base.put("messageId", t.details().get("messageId"));
        }
        String ref = reference(alarmId);
        List<String> sent = new ArrayList<>();
        if (critical && elder != null) {
            Map<String, Object> data = new LinkedHashMap<>(base);
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("name", elder.name());
            who.put("sex", elder.sex());
            who.put("age", elder.age());
            who.put("address", elder.address());
            who.put("lat", elder.latitude());
            who.put("lon", elder.longitude());
            who.put("phone", elder.phone());
            who.put("conditions", elder.conditions());
            who.put("medications", elder.medications());
            data.put("elder", who);
            data.put("callback", escalation.centrePhone());
            if (t.details().get("lat") != null) {
                data.put("position", Map.of("lat", t.details().get("lat"), "lon", t.details().getOrDefault("lon", "")));
            }
            notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", title, body, data, ref, true));
            sent.add("EMERGENCY_120 120");
        }
        if (elder != null) {
            Map<String, Object> familyData = new LinkedHashMap<>(base);
            familyData.put("link", "/family/alarms");
            Set<String> phones = new LinkedHashSet<>();
            Map<Long, String> apps = new LinkedHashMap<>();
            for (EmergencyProfile.Contact c : elder.contacts()) {
                if (c.phone() != null && type.severity() != AlarmSeverity.LOW) {
                    phones.add(c.phone());
                }
                if (c.appUserId() != null) {
                    apps.put(c.appUserId(), c.appUsername());
                }
            }
            for (String phone : phones) {
                notifications.enqueue(new NotificationRequest(Channel.SMS, phone, title, body, base, ref, critical));
                sent.add("SMS " + maskPhone(phone));
            }
            for (var app : apps.entrySet()) {
                notifications.enqueue(new NotificationRequest(Channel.FAMILY_APP, String.valueOf(app.getKey()), title, body, familyData, ref,
                        critical));
                sent.add("FAMILY_APP " + app.getValue());
            }
            // critical: also a Web Push to the family's subscribed phones, which show it even with the page closed
            if (critical && !apps.isEmpty()) {
                for (Long user : notifications.pushSubscribers(apps.keySet())) {
                    notifications.enqueue(new NotificationRequest(Channel.WEB_PUSH, String.valueOf(user), title, body, familyData, ref, true));
                    sent.add("WEB_PUSH " + apps.get(user));
                }
            }
        }
        for (Recipient worker : covering(Role.COMMUNITY_WORKER, regionPath, true)) {
            notifications.enqueue(new NotificationRequest(Channel.COMMUNITY_WORKER, worker.id(), title, body, base, ref, critical));
            sent.add("COMMUNITY_WORKER " + worker.username());
        }
        return sent;
    }

    /** Escalation of an unacknowledged alarm to the next operator and the officers of this level. */
    List<String> escalated(Alarm a, int level) {
        String typeName = msg("monitoring.type." + a.type().name());
        String title = msg("monitoring.notify.escalated.title", level, typeName, a.elderName() == null ? "" : a.elderName());
        long waited = Duration.between(a.raisedAt(), a.nextEscalationAt() == null ? a.raisedAt() : a.nextEscalationAt()).toSeconds();
        String body = msg("monitoring.notify.escalated.body", a.elderName() == null ? "" : a.elderName(), typeName,
                TIME.format(a.raisedAt()), waited);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("regionPath", a.regionPath());
        if (a.elderId() != null) {
            data.put("elderId", a.elderId());
        }
        data.put("alarmId", a.id());
        data.put("escalationLevel", level);
        data.put("link", "/alarm-centre/alarms/" + a.id());
        Set<Recipient> to = new LinkedHashSet<>();
        List<Recipient> operators = covering(Role.ALARM_OPERATOR, a.regionPath(), false);
        if (!operators.isEmpty()) {
            to.add(operators.get(level % operators.size()));
        }
        to.addAll(covering(Role.STREET_OFFICER, a.regionPath(), false));
        if (level >= 2) {
            to.addAll(covering(Role.CIVIL_AFFAIRS, a.regionPath(), false));
        }
        List<String> sent = new ArrayList<>();
        for (Recipient u : to) {
            notifications.enqueue(new NotificationRequest(Channel.COMMUNITY_WORKER, u.id(), title, body, data, reference(a.id()), true));
            sent.add(u.username());
        }
        return sent;
    }

    /** Tells the responder where to go. */
    void dispatched(Alarm a, Responder r, double km) {
        String typeName = msg("monitoring.type." + a.type().name());
        String title = msg("monitoring.notify.dispatch.title", typeName, a.elderName() == null ? "" : a.elderName());
        String body = msg("monitoring.notify.dispatch.body", a.elderName() == null ? "" : a.elderName(), typeName, String.format("%.1f", km));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("regionPath", a.regionPath());
        if (a.elderId() != null) {
            data.put("elderId", a.elderId());
        }
        data.put("alarmId", a.id());
        data.put("link", "/alarm-centre/alarms/" + a.id());
        notifications.enqueue(new NotificationRequest(Channel.COMMUNITY_WORKER, String.valueOf(r.userId()), title, body, data, reference(a.id()),
                a.severity() == AlarmSeverity.CRITICAL));
    }

    /** A user to notify: the account id (the channel's recipient) and the username (for the timeline). */
    record Recipient(String id, String username) {
    }

    /** Users with the role covering the place; the nearest level only when {@code nearestOnly}. */
    private List<Recipient> covering(Role role, String regionPath, boolean nearestOnly) {
        String key = role + "|" + regionPath + "|" + nearestOnly;
        long now = System.nanoTime();
        Cached c = usersCache.get(key);
        if (c != null && c.expiresAt() > now) {
            return c.usernames();
        }
        List<UserAccount> found = users.withRoleCovering(role, regionPath);
        List<Recipient> names = new ArrayList<>();
        String nearest = found.isEmpty() ? null : found.get(0).homePath();
        for (UserAccount u : found) {
            if (!nearestOnly || u.homePath().equals(nearest)) {
                names.add(new Recipient(String.valueOf(u.id()), u.username()));
            }
        }
        if (usersCache.size() > 10_000) {
            usersCache.clear();
        }
        usersCache.put(key, new Cached(List.copyOf(names), now + CACHE_TTL.toNanos()));
        return names;
    }

    static String maskPhone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }
}
