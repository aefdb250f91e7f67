package org.jujia.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The voice-call port (PLATFORM.md §4, the daily automated call of the basic package): places one automated call
 * through the call-centre / TTS gateway and answers how it ended. The call is <b>synchronous</b>: the gateway holds
 * the HTTP request until the call has ended (ring timeout, script, keypad reply) and answers the outcome in the
 * response, so no callback endpoint is needed and the caller decides about retries. The contract:
 *
 * <pre>
 * POST {jujia.notification.voice.url}
 * Authorization: Bearer {api-key}     X-Account: {account}     Idempotency-Key: {reference}
 * {"to": "13912345678", "script": "张阿姨您好……身体好请按 1，需要帮助请按 2。", "reference": "voice-call:1234:1",
 *  "voice": "zh-CN-female", "ringSeconds": 40, "maxDigits": 1}
 *
 * 200 {"callId": "VC000042", "outcome": "ANSWERED", "keypad": "1", "endedAt": "2026-11-30T01:00:31Z"}
 *     outcome one of ANSWERED, NO_ANSWER, BUSY, FAILED; keypad only with ANSWERED (absent: no key pressed)
 * </pre>
 *
 * A non-2xx answer, an unknown outcome, a timeout or an unreachable gateway is a FAILED call (with the reason), never
 * an exception. Without a URL the demo profile's simulator ({@code /sim/voice/calls}) is used; elsewhere every call
 * FAILS with "not configured". A repeated {@code Idempotency-Key} must get the first call's answer, not a second call.
 */
@Service
public class VoiceCalls {

    static final String SIM_PATH = "/sim/voice/calls";

    private final GatewayHttp http;
    private final VoiceProperties voice;
    private final NotificationProperties props;
    private final Clock clock;

    VoiceCalls(GatewayHttp http, VoiceProperties voice, NotificationProperties props, Clock clock) {
        this.http = http;
        this.voice = voice;
        this.props = props;
        this.clock = clock;
    }

    /** Is there a gateway to call through (a configured URL, or the demo simulator)? */
    public boolean configured() {
        return voice.configured() || props.simulator().enabled();
    }

    /** Places the call and waits until it has ended (at most the configured timeout). */
    public VoiceCallResult place(VoiceCallRequest call) {
        var gateway = new NotificationProperties.Gateway(voice.url(), voice.account(), voice.apiKey(), "", voice.timeout());
        var target = http.target(gateway, props.simulator(), SIM_PATH);
        if (target.isEmpty()) {
            return VoiceCallResult.failed("voice gateway not configured (jujia.notification.voice.url)", clock.instant());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", call.phone());
        body.put("script", call.script());
        body.put("reference", call.reference());
        body.put("voice", voice.voice());
        body.put("ringSeconds", voice.ringSeconds());
        body.put("maxDigits", 1);
        try {
            var answer = http.post(target.get(), Map.of("Authorization", "Bearer " + target.get().password(), "X-Account",
                    target.get().username(), "Idempotency-Key", call.reference()), body);
            return read(answer, clock.instant());
        } catch (IOException e) {
            return VoiceCallResult.failed("voice gateway unreachable: " + e.getMessage(), clock.instant());
        }
    }

    /** The gateway's answer as a result: 2xx with a known outcome, else FAILED with the reason. */
    static VoiceCallResult read(GatewayHttp.Answer answer, Instant now) {
        if (!answer.ok()) {
            return VoiceCallResult.failed(GatewayHttp.describe(answer), now);
        }
        String outcome = answer.text("outcome");
        VoiceOutcome o;
        try {
            o = outcome == null ? null : VoiceOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            o = null;
        }
        if (o == null) {
            return VoiceCallResult.failed("voice gateway answered no known outcome: " + GatewayHttp.describe(answer), now);
        }
        Instant ended = now;
        String endedAt = answer.text("endedAt");
        if (endedAt != null) {
            try {
                ended = Instant.parse(endedAt);
            } catch (DateTimeParseException e) {
                ended = now;
            }
        }
        String keypad = answer.text("keypad");
        if (keypad != null) {
            keypad = keypad.strip();
            if (keypad.isEmpty() || keypad.length() > 8 || !keypad.chars().allMatch(c -> Character.isDigit(c) || c == '*' || c == '#')) {
                keypad = null;
            }
        }
        return new VoiceCallResult(o, keypad, answer.text("callId"), ended, o == VoiceOutcome.FAILED ? orDefault(answer.text("error"),
                "the gateway could not place the call") : null);
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s;
    }
}
