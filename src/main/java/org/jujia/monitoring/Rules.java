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

    /** "kitchen: " when the device's room is known. */
    static String where(DeviceSignal s) {
        return s.room() == null || s.room().isBlank() ? "" : s.room() + ": ";
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
    }
}
