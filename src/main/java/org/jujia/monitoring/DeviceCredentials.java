package org.jujia.monitoring;

/**
 * A device's MQTT/HTTP credentials as handed out once, at registration or reset: user name = serial, password =
 * secret. Only a hash of the secret is stored.
 */
public record DeviceCredentials(DeviceView device, String secret) {

    @Override
    public String toString() {
        return "DeviceCredentials[" + device.serial() + ", secret=***]";
    }
}
