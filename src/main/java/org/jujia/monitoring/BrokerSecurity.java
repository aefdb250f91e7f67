package org.jujia.monitoring;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's security extension. CONNECT: user name = device serial, password = device secret, checked
 * against the registry (cached); the client id must be the serial (or start with {@code serial-}), so a device
 * cannot take over another's session. The platform's own client authenticates with its generated credentials.
 * PUBLISH and SUBSCRIBE are authorised by {@link DeviceTopics}: anything else is refused (PUBACK/SUBACK "not
 * authorized"). Secrets are never logged.
 */
class BrokerSecurity implements ExtensionMain {

    private static final Logger log = LoggerFactory.getLogger(BrokerSecurity.class);

    private final DeviceDirectory directory;
    private final String platformUsername;
    private final byte[] platformPassword;
    /** Who authenticated under which client id. */
    private final Map<String, String> usernameByClientId = new ConcurrentHashMap<>();

    private volatile com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor fastPath;

    BrokerSecurity(DeviceDirectory directory, String platformUsername, String platformPassword) {
        this.directory = directory;
        this.platformUsername = platformUsername;
        this.platformPassword = platformPassword.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(in -> (SimpleAuthenticator) this::authenticate);
        Services.securityRegistry().setAuthorizerProvider(in -> new ClientAuthorizer());
        var interceptor = fastPath;
        if (interceptor != null) {
            Services.initializerRegistry().setClientInitializer((init, client) -> client.addPublishInboundInterceptor(interceptor));
        }
    }

    /** Installs the ingest fast path (before the broker starts). */
    void fastPath(com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor interceptor) {
        this.fastPath = interceptor;
    }

    /** May this client, authenticated as a device (not the platform), publish to the topic? */
    boolean deviceMayPublish(String clientId, String topic) {
        String username = usernameByClientId.get(clientId);
        if (username == null || username.equals(platformUsername)) {
            return false;
        }
        DeviceTopics.Principal p = principal(clientId);
        return p != null && DeviceTopics.mayPublish(p, topic);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        var connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        String username = connect.getUserName().orElse(null);
        byte[] password = connect.getPassword().map(BrokerSecurity::bytes).orElse(null);
        if (username == null || password == null) {
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "user name and password required");
            return;
        }
        try {
            if (username.equals(platformUsername)) {
                if (MessageDigest.isEqual(password, platformPassword)) {
                    usernameByClientId.put(clientId, username);
                    output.authenticateSuccessfully();
                } else {
                    log.warn("MQTT connection refused: wrong password for the platform user (client {})", clientId);
                    output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
                }
                return;
            }
            if (!(clientId.equals(username) || clientId.startsWith(username + "-"))) {
                output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "the client id must be the device serial");
                return;
            }
            Optional<DeviceStore.Record> device = directory.authenticate(username, new String(password, StandardCharsets.UTF_8));
            if (device.isEmpty()) {
                log.info("MQTT connection refused for device '{}' (unknown, retired or wrong secret)", username);
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
                return;
            }
            usernameByClientId.put(clientId, username);
            output.authenticateSuccessfully();
        } catch (RuntimeException e) {
            log.error("MQTT authentication of '{}' failed", username, e);
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "try again later");
        }
    }

    private DeviceTopics.Principal principal(String clientId) {
        String username = usernameByClientId.get(clientId);
        if (username == null) {
            return null;
        }
        if (username.equals(platformUsername)) {
            return DeviceTopics.Principal.platform(username);
        }
        return directory.find(username).filter(d -> d.status() == DeviceStatus.ACTIVE)
                .map(d -> DeviceTopics.Principal.device(d.serial(), directory.relayedBy(d))).orElse(null);
    }

    private class ClientAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {

        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            String clientId = input.getClientInformation().getClientId();
            String topic = input.getPublishPacket().getTopic();
            DeviceTopics.Principal p = principal(clientId);
            if (p != null && DeviceTopics.mayPublish(p, topic)) {
                output.authorizeSuccessfully();
            } else {
                log.warn("MQTT publish refused: client {} may not publish to {}", clientId, topic);
                output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not authorised for this topic");
            }
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            String clientId = input.getClientInformation().getClientId();
            String filter = input.getSubscription().getTopicFilter();
            DeviceTopics.Principal p = principal(clientId);
            if (p != null && DeviceTopics.maySubscribe(p, filter)) {
                output.authorizeSuccessfully();
            } else {
                log.warn("MQTT subscription refused: client {} may not subscribe to {}", clientId, filter);
                output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not authorised for this topic filter");
            }
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
