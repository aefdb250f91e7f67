package org.jujia.monitoring;

/** Where devices connect: the broker's host and port (the embedded broker's, or the configured external one). */
public record MqttEndpoint(String host, int port, boolean tls) {
}
