package org.jujia.monitoring;

import java.time.LocalDate;

/**
 * What an installer registers: the device's serial and type, the elder whose home it is installed in (optional
 * for a building gateway only), the room, the install date, the firmware and, for a sensor relayed by a gateway,
 * the gateway's serial.
 */
public record DeviceRegistration(String serial, DeviceType type, Long elderId, String room, LocalDate installedOn, String firmware,
        String gatewaySerial) {
}
