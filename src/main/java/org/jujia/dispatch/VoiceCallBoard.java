package org.jujia.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The day's call round as staff see it (console page and API): per community how many answered, did not answer,
 * asked for help, are still pending or could not be called; per elder the day's calls, the last seven days and the
 * current run of unanswered days — elders one day short of the urgent visit are listed first. Limited to the caller's
 * jurisdiction; family members are refused.
 */
@Service
class VoiceCallBoard {

    static final int HISTORY_DAYS = 7;

    private final VoiceCallStore store;
    private final RegionDirectory regions;
    private final VoiceCallProperties props;
    private final Clock clock;

    VoiceCallBoard(VoiceCallStore store, RegionDirectory regions, VoiceCallProperties props, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.props = props;
        this.clock = clock;
    }

    /** One community's figures of the day. */
    record Community(long communityId, String name, String nameEn, int total, int answered, int needHelp, int unanswered, int pending,
            int failed) {
    }

    /** One day of an elder's calls in the history strip. */
    record DayCell(LocalDate date, String status, boolean needHelp) {
    }

    /**
     * One elder's call of the day.
     *
     * @param status        PENDING, ANSWERED, UNANSWERED or FAILED
     * @param lastError     why the last attempt could not be placed (FAILED attempts only)
     * @param nextAttemptAt when the next retry is due (pending tasks of today only)
     * @param unansweredRun consecutive unanswered days up to this date ({@link VoiceCallStreak#current})
     */
    record Call(long taskId, long elderId, String elderName, long communityId, String status, int attempts, String lastOutcome,
            String keypad, String lastError, boolean needHelp, Instant firstAttemptAt, Instant lastAttemptAt, Instant answeredAt, LocalTime nextAttemptAt,
            int unansweredRun, List<DayCell> lastDays) {
    }

    /** An urgent visit requested after unanswered days. */
    record Alert(long elderId, String elderName, LocalDate firstDate, LocalDate lastDate, int days, Instant requestedAt) {
    }

    /**
     * The round of one date.
     *
     * @param nearStreak   elders at {@code unanswered-days − 1} unanswered days (one more and a visit is requested)
     * @param attemptTimes the configured attempt times
     */
    record Day(LocalDate date, boolean today, List<LocalTime> attemptTimes, int unansweredDays, Map<String, Integer> totals,
            List<Community> communities, List<Call> calls, List<Call> nearStreak, List<Alert> alerts) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VoiceCallRound.ZONE));
    }

    Day day(LocalDate date, Long communityId, Jurisdiction j) {
        if (j.familyOnly()) {
            throw new AccessDeniedException("the voice-call round is for staff");
        }
        LocalDate today = today();
        List<VoiceCallStore.Task> tasks = store.ofDay(date, j.likePattern()).stream()
                .filter(t -> communityId == null || t.communityId() == communityId).toList();
        List<Long> elderIds = tasks.stream().map(VoiceCallStore.Task::elderId).toList();
        Map<Long, Map<LocalDate, VoiceCallStore.Task>> history = new HashMap<>();
        for (VoiceCallStore.Task t : store.ofElders(elderIds, date.minusDays(60), date)) {
            history.computeIfAbsent(t.elderId(), k -> new HashMap<>()).put(t.date(), t);
        }
        VoiceCallSchedule schedule = props.schedule();
        List<Call> calls = new ArrayList<>();
        for (VoiceCallStore.Task t : tasks) {
            Map<LocalDate, VoiceCallStore.Task> mine = history.getOrDefault(t.elderId(), Map.of());
            Map<LocalDate, VoiceCallStreak.Day> days = mine.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().day()));
            int run = VoiceCallStreak.current(date, days).map(VoiceCallStreak.Run::days).orElse(0);
            List<DayCell> strip = new ArrayList<>();
            for (int i = HISTORY_DAYS - 1; i >= 0; i--) {
                LocalDate d = date.minusDays(i);
                VoiceCallStore.Task x = mine.get(d);
                strip.add(new DayCell(d, x == null ? "NONE" : x.status(), x != null && x.needHelp()));
            }
            LocalTime next = t.status().equals("PENDING") && date.equals(today) ? schedule.nextAttempt(t.attempts()).orElse(null) : null;
            calls.add(new Call(t.id(), t.elderId(), t.elderName(), t.communityId(), t.status(), t.attempts(), t.lastOutcome(), t.keypad(),
                    t.lastError(), t.needHelp(), t.firstAttemptAt(), t.lastAttemptAt(), t.answeredAt(), next, run, strip));
        }
        Map<Long, List<Call>> byCommunity = calls.stream().collect(Collectors.groupingBy(Call::communityId, LinkedHashMap::new, Collectors.toList()));
        List<Community> communities = new ArrayList<>();
        byCommunity.forEach((id, list) -> {
            Region r = regions.find(id).orElse(null);
            communities.add(new Community(id, r == null ? String.valueOf(id) : r.name(), r == null ? String.valueOf(id) : r.displayName(true),
                    list.size(), count(list, "ANSWERED"), (int) list.stream().filter(Call::needHelp).count(), count(list, "UNANSWERED"),
                    count(list, "PENDING"), count(list, "FAILED")));
        });
        Map<String, Integer> totals = new LinkedHashMap<>();
        totals.put("total", calls.size());
        for (String s : List.of("ANSWERED", "UNANSWERED", "PENDING", "FAILED")) {
            totals.put(s, count(calls, s));
        }
        totals.put("NEED_HELP", (int) calls.stream().filter(Call::needHelp).count());
        int threshold = props.unansweredDays();
        List<Call> near = calls.stream().filter(c -> c.unansweredRun() == threshold - 1).toList();
        List<Alert> alerts = store.alerts(j.likePattern(), date.minusDays(HISTORY_DAYS - 1), date).stream()
                .map(a -> new Alert(((Number) a.get("elder_id")).longValue(), (String) a.get("elder_name"), date(a.get("first_date")),
                        date(a.get("last_date")), ((Number) a.get("days")).intValue(), instant(a.get("requested_at"))))
                .filter(a -> communityId == null || calls.stream().anyMatch(c -> c.elderId() == a.elderId()))
                .toList();
        return new Day(date, date.equals(today), schedule.attemptTimes(), threshold, totals, communities, calls, near, alerts);
    }

    private static int count(List<Call> calls, String status) {
        return (int) calls.stream().filter(c -> c.status().equals(status)).count();
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : o instanceof LocalDate l ? l : LocalDate.parse(o.toString());
    }

    private static Instant instant(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toInstant() : o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) o;
    }
}
