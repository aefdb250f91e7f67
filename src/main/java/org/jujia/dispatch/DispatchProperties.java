package org.jujia.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of dispatch ({@code jujia.dispatch.*}).
 *
 * @param horizonDays      days of orders generated ahead from active care plans, today included (default 14)
 * @param bookingDaysAhead how far ahead a booking may be made (default 60 days)
 * @param backdateDays     how many days back provider or street staff may record an order for a service arranged by
 *                         phone (default 7; families book from today only)
 * @param urgentWindow     the window of an urgent home visit, from the moment it is requested (default 4 hours)
 * @param horizonCron      when the nightly job extends every active plan's horizon (Asia/Shanghai; default 02:30)
 * @param maxList          the most orders a list answers (default 2000)
 */
@ConfigurationProperties("jujia.dispatch")
record DispatchProperties(Integer horizonDays, Integer bookingDaysAhead, Integer backdateDays, Duration urgentWindow, String horizonCron,
        Integer maxList) {

    DispatchProperties {
        horizonDays = horizonDays == null ? 14 : horizonDays;
        bookingDaysAhead = bookingDaysAhead == null ? 60 : bookingDaysAhead;
        backdateDays = backdateDays == null ? 7 : backdateDays;
        urgentWindow = urgentWindow == null ? Duration.ofHours(4) : urgentWindow;
        horizonCron = horizonCron == null || horizonCron.isBlank() ? "0 30 2 * * *" : horizonCron;
        maxList = maxList == null ? 2000 : maxList;
        if (horizonDays < 1 || horizonDays > 62) {
            throw new IllegalArgumentException("jujia.dispatch.horizon-days must lie between 1 and 62: " + horizonDays);
        }
    }
}
