package org.jujia.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jujia.privacy.FieldCipher;
import org.jujia.privacy.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Seals what a notification says and to whom (SM4, {@link FieldCipher}) for the outbox and the inboxes. */
@Component
class ContentSeal {

    /** Title, body and data of a notification. */
    record Content(String title, String body, Map<String, Object> data) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final FieldCipher cipher;
    private final JsonMapper json;

    ContentSeal(FieldCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    String seal(Content c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("body", c.body());
        m.put("data", c.data());
        return cipher.seal(json.writeValueAsString(m));
    }

    Content open(String envelope) {
        Map<String, Object> m = json.readValue(cipher.open(envelope), MAP);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        return new Content((String) m.get("title"), (String) m.get("body"), data);
    }

    String sealText(String text) {
        return cipher.seal(text);
    }

    String openText(String envelope) {
        return cipher.open(envelope);
    }

    /** The sealed columns, declared so that key rotation re-encrypts them. */
    @Configuration(proxyBeanMethods = false)
    static class Columns {

        @Bean
        SealedColumn notificationOutboxRecipient() {
            return new SealedColumn("notification_outbox", "id", "recipient_enc");
        }

        @Bean
        SealedColumn notificationOutboxContent() {
            return new SealedColumn("notification_outbox", "id", "content_enc");
        }

        @Bean
        SealedColumn notificationPushEndpoint() {
            return new SealedColumn("notification_push_subscription", "id", "endpoint_enc");
        }

        @Bean
        SealedColumn notificationVapidPrivateKey() {
            return new SealedColumn("notification_vapid_key", "id", "private_enc");
        }

        @Bean
        SealedColumn notificationInboxContent() {
            return new SealedColumn("notification_inbox", "id", "content_enc");
        }
    }
}
