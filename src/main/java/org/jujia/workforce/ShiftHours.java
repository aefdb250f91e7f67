package org.jujia.workforce;

import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of a staff member's shift, read from the shift pattern of their staff record ("白班 08:00-17:00",
 * "晚班 14:00～22:00", "8:00 至 17:30"). A shift past midnight ("22:00-06:00") keeps the part of the day it starts in
 * ({@code end} = {@link LocalTime#MAX}). A pattern without hours ("做五休二", "两班倒") has none.
 */
public record ShiftHours(LocalTime start, LocalTime end) {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})[:：](\\d{2})\\s*[-–—~～至到]\\s*(\\d{1,2})[:：](\\d{2})");

    public ShiftHours {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a shift ends after it starts: " + start + "-" + end);
        }
    }

    /** The hours in a shift pattern, if it names them. */
    public static Optional<ShiftHours> of(String pattern) {
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher m = HOURS.matcher(pattern);
        if (!m.find()) {
            return Optional.empty();
        }
        Optional<LocalTime> start = time(m.group(1), m.group(2));
        Optional<LocalTime> end = time(m.group(3), m.group(4));
        if (start.isEmpty() || end.isEmpty() || start.get().equals(LocalTime.MAX)) {
            return Optional.empty();
        }
        LocalTime to = end.get().isAfter(start.get()) ? end.get() : LocalTime.MAX; // past midnight: the rest of this day
        return Optional.of(new ShiftHours(start.get(), to));
    }

    private static Optional<LocalTime> time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h == 24 && m == 0) {
            return Optional.of(LocalTime.MAX);
        }
        return h < 24 && m < 60 ? Optional.of(LocalTime.of(h, m)) : Optional.empty();
    }

    /** Does the shift cover the time from {@code from} for {@code seconds} (ending exactly at the shift's end still does)? */
    public boolean covers(LocalTime from, long seconds) {
        long start = from.toSecondOfDay();
        return start >= startSecond() && start + seconds <= endSecond();
    }

    /** As people write it: "08:00-17:00" ("22:00-24:00" for the rest of the day). */
    public String label() {
        return start + "-" + (end.equals(LocalTime.MAX) ? "24:00" : end.toString());
    }

    /** Seconds after midnight of the start. */
    public long startSecond() {
        return start.toSecondOfDay();
    }

    /** Seconds after midnight of the end (24 h for the end of the day). */
    public long endSecond() {
        return end.equals(LocalTime.MAX) ? 24 * 3600L : end.toSecondOfDay();
    }
}
