package org.jujia.notification;

import java.util.Map;
import java.util.Objects;

/**
 * One notification to send. The data map is sent along as structured content (the 120 gateway's case, the app's
 * payload); recognised keys are listed in the notification module's readme, among them:
 * <ul>
 * <li>{@code regionPath} (String, e.g. {@code /1/4/7/}): where the notification belongs; it scopes the console's log.</li>
 * <li>{@code elderId} (Number): the elder the notification is about.</li>
 * <li>for {@link Channel#EMERGENCY_120}: {@code type}, {@code severity}, {@code occurredAt} (Instant or ISO-8601
 * String), {@code elder} (Map: {@code name, age, address, lat, lon, phone}), optional {@code callback}.</li>
 * <li>for {@link Channel#COMMUNITY_WORKER}: optional {@code phone}, which adds a text message.</li>
 * <li>{@code link} (String): where the inbox entry leads in the console, e.g. {@code /alarms/42}.</li>
 * </ul>
 *
 * @param channel   where it goes
 * @param recipient the channel's address: centre code (120), phone number (SMS) or user account id (app, worker)
 * @param title     a short title (SMS: prefixed to the body)
 * @param body      the text
 * @param data      structured content, may be empty, never null after construction
 * @param reference what it is about, e.g. {@code alarm:42}; {@link Notifications#forReference(String)} finds it
 * @param urgent    urgent notifications are dispatched first and never given up
 */
public record NotificationRequest(Channel channel, String recipient, String title, String body, Map<String, Object> data,
        String reference, boolean urgent) {

    public NotificationRequest {
        Objects.requireNonNull(channel, "channel");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** The region path carried in the data ({@code regionPath}), or null. */
    public String regionPath() {
        return data.get("regionPath") instanceof String s && !s.isBlank() ? s : null;
    }
}
