package org.jujia.monitoring;

import java.util.Map;

/** Small helpers the rules share. */
final class Rules {

    private Rules() {
    }

    static void copy(DeviceSignal s, Map<String, Object> into, String... names) {
        for (String n : names) {
            Object v = s.values().get(n);
            if (v != null) {
                into.put(n, v);
            }
        }
    }

    /** The event with the values that came with it, e.g. {@code GAS ppm=850}. */
    static String summary(String event, Map<String, Object> details) {
        StringBuilder b = new StringBuilder(event);
        details.forEach((k, v) -> b.append(' ').append(k).append('=').append(v instanceof Number n ? num(n.doubleValue()) : v));
        return b.toString();
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
    }
}
