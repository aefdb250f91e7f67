package org.jujia.monitoring;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Closes a gas detector's shut-off valve through the ingest's device command channel (QoS 1, retried until sent). */
@Component
class ValveControl {

    /** Looked up when needed: the command channel depends on the ingest, which depends on the alarm rules. */
    private final ObjectProvider<DeviceCommands> commands;

    ValveControl(ObjectProvider<DeviceCommands> commands) {
        this.commands = commands;
    }

    /** Sends the shut-off command in the caller's transaction; answers what happened, for the alarm's timeline. */
    String shutOff(String serial, long alarmId) {
        try {
            commands.getObject().send(serial, GasRule.SHUT_OFF_COMMAND, Map.of("reason", "alarm:" + alarmId));
            return "queued (QoS 1, published after commit)";
        } catch (IllegalArgumentException e) {
            return "not sent: " + e.getMessage();
        }
    }
}
