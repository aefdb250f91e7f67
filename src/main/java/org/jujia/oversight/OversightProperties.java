package org.jujia.oversight;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Oversight settings ({@code jujia.oversight.*}).
 *
 * @param acknowledgeWorkingDays a complaint must be acknowledged by the end of this many working days after filing (1)
 * @param resolveWorkingDays     and resolved by the end of this many working days after filing (7)
 * @param holidays               public holidays (yyyy-MM-dd) that do not count as working days, beside weekends
 * @param followUpPercent        share of a provider's verified visits of a month sampled for follow-up calls (10)
 * @param escalationInterval     how often the overdue-complaint escalation runs (PT15M)
 */
@ConfigurationProperties("jujia.oversight")
record OversightProperties(Integer acknowledgeWorkingDays, Integer resolveWorkingDays, Set<java.time.LocalDate> holidays,
        Integer followUpPercent, Duration escalationInterval) {

    OversightProperties {
        acknowledgeWorkingDays = acknowledgeWorkingDays == null ? 1 : acknowledgeWorkingDays;
        resolveWorkingDays = resolveWorkingDays == null ? 7 : resolveWorkingDays;
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        followUpPercent = followUpPercent == null ? 10 : followUpPercent;
        escalationInterval = escalationInterval == null ? Duration.ofMinutes(15) : escalationInterval;
        if (acknowledgeWorkingDays < 0 || resolveWorkingDays < acknowledgeWorkingDays) {
            throw new IllegalArgumentException("jujia.oversight: need 0 <= acknowledge-working-days <= resolve-working-days");
        }
        if (followUpPercent < 0 || followUpPercent > 100) {
            throw new IllegalArgumentException("jujia.oversight.follow-up-percent must be 0..100");
        }
    }

    WorkingDays workingDays() {
        return new WorkingDays(holidays);
    }
}
