package org.jujia.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The voice-call (call-centre / TTS) gateway ({@code jujia.notification.voice.*}); see {@code docs/voice-calls.md}.
 *
 * @param url          where to POST a call; blank: not configured (in the demo profile: the simulator at {@code /sim/voice/calls})
 * @param account      client account, sent as {@code X-Account}
 * @param apiKey       API key, sent as {@code Authorization: Bearer}
 * @param timeout      how long to wait for the gateway's answer; a call is answered when it has ended, so this must cover
 *                     the ring time and the script (default 90 s)
 * @param ringSeconds  how long the gateway lets the phone ring before giving up (NO_ANSWER)
 * @param voice        the TTS voice asked for
 * @param simulator    the demo simulator's behaviour
 */
@ConfigurationProperties("jujia.notification.voice")
record VoiceProperties(@DefaultValue("") String url, @DefaultValue("") String account, @DefaultValue("") String apiKey,
        @DefaultValue("90s") Duration timeout, @DefaultValue("40") int ringSeconds, @DefaultValue("zh-CN-female") String voice,
        @DefaultValue Simulator simulator) {

    boolean configured() {
        return url != null && !url.isBlank();
    }

    /**
     * The demo profile's simulated voice gateway (served while {@code jujia.notification.simulator.enabled}).
     *
     * @param answerRate share of calls answered (0..1); the rest are NO_ANSWER, with one in five of them BUSY
     * @param helpRate   share of answered calls where the elder presses 2 ("need help")
     * @param latency    how long a simulated call takes
     */
    record Simulator(@DefaultValue("0.85") double answerRate, @DefaultValue("0.02") double helpRate,
            @DefaultValue("20ms") Duration latency) {
    }
}
