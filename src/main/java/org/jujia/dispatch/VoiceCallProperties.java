package org.jujia.dispatch;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily voice-call round ({@code jujia.voice-calls.*}); see {@code docs/voice-calls.md}.
 *
 * @param enabled        run the scheduled round (off: nothing is called; the page and API still show the records)
 * @param itemCode       the care-plan item that entitles an elder to the daily call (default {@code VOICE_CALL}, BASIC package)
 * @param attemptTimes   Asia/Shanghai times of the day's attempts: the first call and the retries after no answer
 * @param cutoff         no call is placed from this time on; a task still pending then is closed for the day
 * @param concurrency    calls in progress at the same time (lines of the call centre used by this node)
 * @param unansweredDays consecutive unanswered days that request an urgent home visit
 * @param helpDigit      the keypad reply meaning "I need help" (raises an urgent visit at once)
 * @param script         the text read out; {@code {name}} is replaced by the elder's name
 *
 * <p>How often the round runs is {@code jujia.voice-calls.tick-cron} (default every 5 minutes, Asia/Shanghai), read by
 * the {@code @Scheduled} annotation of {@link VoiceCallRound#scheduled()}.
 */
@ConfigurationProperties("jujia.voice-calls")
record VoiceCallProperties(Boolean enabled, String itemCode, List<LocalTime> attemptTimes, LocalTime cutoff, Integer concurrency,
        Integer unansweredDays, String helpDigit, String script) {

    static final String DEFAULT_SCRIPT = "{name}您好，这里是居家养老服务中心的每日问候。您今天身体好吗？身体好请按 1，需要帮助请按 2。";

    VoiceCallProperties {
        enabled = enabled == null || enabled;
        itemCode = itemCode == null || itemCode.isBlank() ? "VOICE_CALL" : itemCode;
        attemptTimes = attemptTimes == null || attemptTimes.isEmpty()
                ? List.of(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(15, 0)) : List.copyOf(attemptTimes);
        cutoff = cutoff == null ? LocalTime.of(20, 0) : cutoff;
        concurrency = concurrency == null ? 8 : concurrency;
        unansweredDays = unansweredDays == null ? 3 : unansweredDays;
        helpDigit = helpDigit == null || helpDigit.isBlank() ? "2" : helpDigit;
        script = script == null || script.isBlank() ? DEFAULT_SCRIPT : script;
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("jujia.voice-calls.concurrency must be 1..256");
        }
        if (unansweredDays < 1) {
            throw new IllegalArgumentException("jujia.voice-calls.unanswered-days must be at least 1");
        }
    }

    VoiceCallSchedule schedule() {
        return new VoiceCallSchedule(attemptTimes, cutoff);
    }

    VoiceCallStreak streak() {
        return new VoiceCallStreak(unansweredDays);
    }

    String scriptFor(String elderName) {
        return script.replace("{name}", elderName == null ? "" : elderName);
    }
}
