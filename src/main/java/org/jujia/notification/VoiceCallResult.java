package org.jujia.notification;

import java.time.Instant;

/**
 * The outcome of one automated call.
 *
 * @param outcome  how it ended
 * @param keypad   the digits the elder pressed after the script (only when ANSWERED; null when none)
 * @param callId   the gateway's id of the call (null when it was never placed)
 * @param endedAt  when the call ended (the gateway's time, or ours when it did not say)
 * @param error    why it FAILED (null otherwise)
 */
public record VoiceCallResult(VoiceOutcome outcome, String keypad, String callId, Instant endedAt, String error) {

    public VoiceCallResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        if (outcome != VoiceOutcome.ANSWERED) {
            keypad = null;
        }
    }

    static VoiceCallResult failed(String error, Instant at) {
        return new VoiceCallResult(VoiceOutcome.FAILED, null, null, at, error);
    }
}
