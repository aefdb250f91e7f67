package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jujia.shared.ValidationException;
import org.junit.jupiter.api.Test;

/** How requests become what the channels receive, and what requests are refused. */
class PayloadMappingTest {

    static final Instant ENQUEUED = Instant.parse("2026-11-29T19:00:00Z");

    static ChannelAdapter.Outbound outbound(Channel channel, String recipient, Map<String, Object> data, String reference, boolean urgent) {
        return new ChannelAdapter.Outbound(42, channel, recipient, null, "跌倒报警", "王秀英（82 岁）在卧室跌倒", data, reference, urgent, 1, ENQUEUED,
                "k:sealed");
    }

    @Test
    void theEmergencyCaseCarriesTheElderAndTheTimeOfTheDevicesMessage() {
        Map<String, Object> elder = new LinkedHashMap<>();
        elder.put("name", "王秀英");
        elder.put("age", 82);
        elder.put("address", "苏州市姑苏区平江路 1 号");
        elder.put("lat", 31.31);
        elder.put("lon", 120.63);
        elder.put("phone", "13800138000");
        elder.put("idNumber", "not sent");
        Instant occurred = Instant.parse("2026-11-29T18:59:59.250Z");
        var body = Emergency120Adapter.caseBody(outbound(Channel.EMERGENCY_120, "120",
                Map.of("type", "FALL", "severity", "CRITICAL", "elder", elder, "occurredAt", occurred, "callback", "https://x/cb"), "alarm:7", true));
        assertThat(body).containsEntry("caseRef", "alarm:7").containsEntry("notificationId", 42L).containsEntry("type", "FALL")
                .containsEntry("severity", "CRITICAL").containsEntry("title", "跌倒报警").containsEntry("description", "王秀英（82 岁）在卧室跌倒")
                .containsEntry("callback", "https://x/cb").containsEntry("occurredAt", "2026-11-29T18:59:59.250Z").containsEntry("urgent", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> sentElder = (Map<String, Object>) body.get("elder");
        assertThat(sentElder).containsOnlyKeys("name", "age", "address", "lat", "lon", "phone").containsEntry("name", "王秀英")
                .containsEntry("age", 82).containsEntry("lat", 31.31).containsEntry("phone", "13800138000");
    }

    @Test
    void missingValuesAreNullAndDefaultsComeFromTheNotification() {
        var body = Emergency120Adapter.caseBody(outbound(Channel.EMERGENCY_120, "120", Map.of("occurredAt", "2026-11-29T18:00:00Z"), null, false));
        assertThat(body).containsEntry("caseRef", "notification:42").containsEntry("severity", "NORMAL").containsEntry("type", null)
                .containsEntry("occurredAt", "2026-11-29T18:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> elder = (Map<String, Object>) body.get("elder");
        assertThat(elder).containsEntry("name", null).containsEntry("address", null);
        var noTime = Emergency120Adapter.caseBody(outbound(Channel.EMERGENCY_120, "120", Map.of(), "alarm:1", true));
        assertThat(noTime).containsEntry("occurredAt", ENQUEUED.toString()).containsEntry("severity", "CRITICAL");
    }

    @Test
    void theIdempotencyKeyIsTheOutboxId() {
        assertThat(outbound(Channel.SMS, "13800138000", Map.of(), null, false).idempotencyKey()).isEqualTo("jujia-notification-42");
    }

    @Test
    void smsTextIsSignatureTitleAndBodyCutToTheLimit() {
        assertThat(SmsAdapter.text("【居家养老】", "跌倒报警", "请尽快联系")).isEqualTo("【居家养老】跌倒报警：请尽快联系");
        assertThat(SmsAdapter.text("", "只有标题", null)).isEqualTo("只有标题");
        assertThat(SmsAdapter.text(null, null, "只有正文")).isEqualTo("只有正文");
        String exact = "字".repeat(SmsAdapter.MAX_TEXT);
        assertThat(SmsAdapter.text(null, null, exact)).isEqualTo(exact);
        String tooLong = SmsAdapter.text(null, null, exact + "多");
        assertThat(tooLong).hasSize(SmsAdapter.MAX_TEXT).endsWith("…");
    }

    static NotificationRequest request(Channel c, String recipient, Map<String, Object> data) {
        return new NotificationRequest(c, recipient, "标题", "正文", data, "alarm:1", true);
    }

    @Test
    void recipientsAreCheckedPerChannel() {
        assertThat(Notifications.validate(request(Channel.SMS, "+86 138-0013-8000", Map.of()))).isEqualTo("13800138000");
        assertThat(Notifications.validate(request(Channel.FAMILY_APP, "17", Map.of()))).isEqualTo("17");
        assertThat(Notifications.validate(request(Channel.EMERGENCY_120, null, Map.of()))).isEqualTo("120");
        assertField(() -> Notifications.validate(request(Channel.SMS, "0512-65220000", Map.of())), "recipient");
        assertField(() -> Notifications.validate(request(Channel.SMS, "12345", Map.of())), "recipient");
        assertField(() -> Notifications.validate(request(Channel.FAMILY_APP, "family1", Map.of())), "recipient");
        assertField(() -> Notifications.validate(request(Channel.COMMUNITY_WORKER, "0", Map.of())), "recipient");
        assertField(() -> Notifications.validate(request(Channel.COMMUNITY_WORKER, "5", Map.of("phone", "110"))), "data.phone");
        assertThat(Notifications.validate(request(Channel.COMMUNITY_WORKER, "5", Map.of("phone", "13900001111")))).isEqualTo("5");
    }

    @Test
    void contentAndRegionAreChecked() {
        assertField(() -> Notifications.validate(new NotificationRequest(Channel.SMS, "13800138000", " ", null, null, null, false)), "body");
        assertField(() -> Notifications.validate(new NotificationRequest(Channel.SMS, "13800138000", "t".repeat(201), "b", null, null, false)),
                "title");
        Notifications.validate(new NotificationRequest(Channel.SMS, "13800138000", "t".repeat(200), "b".repeat(2000), null, "r".repeat(120), false));
        assertField(() -> Notifications.validate(new NotificationRequest(Channel.SMS, "13800138000", "t", "b".repeat(2001), null, null, false)),
                "body");
        assertField(() -> Notifications.validate(new NotificationRequest(Channel.SMS, "13800138000", "t", "b", null, "r".repeat(121), false)),
                "reference");
        assertField(() -> Notifications.validate(request(Channel.SMS, "13800138000", Map.of("regionPath", "1/2"))), "data.regionPath");
        assertField(() -> Notifications.validate(request(Channel.SMS, "13800138000", Map.of("regionPath", 12))), "data.regionPath");
        Notifications.validate(request(Channel.SMS, "13800138000", Map.of("regionPath", "/1/4/7/")));
    }

    @Test
    void requestsCopyTheirDataAndReadTheRegion() {
        Map<String, Object> data = new HashMap<>();
        data.put("regionPath", "/1/4/");
        var r = request(Channel.SMS, "13800138000", data);
        data.put("regionPath", "/9/");
        assertThat(r.regionPath()).isEqualTo("/1/4/");
        assertThat(new NotificationRequest(Channel.SMS, "1", "t", "b", null, null, false).data()).isEmpty();
    }

    @Test
    void recipientsAreMaskedForDisplay() {
        assertThat(Notifications.mask(Channel.SMS, "13800138000")).isEqualTo("138****8000");
        assertThat(Notifications.mask(Channel.FAMILY_APP, "17")).isEqualTo("user#17");
        assertThat(Notifications.mask(Channel.EMERGENCY_120, "120")).isEqualTo("120");
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).contains(field));
    }
}
