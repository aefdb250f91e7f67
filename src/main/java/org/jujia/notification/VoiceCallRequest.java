package org.jujia.notification;

/**
 * One automated call to place: the number to ring, the Chinese text the gateway reads out (TTS), and a reference
 * unique per attempt, sent as the gateway's idempotency key (a retry after a lost answer does not ring twice).
 *
 * @param phone     the number to call (mobile or fixed line, digits only or with area code)
 * @param script    the text read out, including the keypad prompt (e.g. "……身体好请按 1，需要帮助请按 2")
 * @param reference unique per attempt, e.g. {@code voice-call:1234:2} (task 1234, second attempt)
 */
public record VoiceCallRequest(String phone, String script, String reference) {

    public VoiceCallRequest {
        if (phone == null || phone.isBlank() || script == null || script.isBlank() || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("phone, script and reference are required");
        }
    }
}
