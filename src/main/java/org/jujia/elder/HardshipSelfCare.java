package org.jujia.elder;

/**
 * Self-care category of a special-hardship (特困) elder, the basis of the monthly hardship subsidy (PLATFORM.md §7):
 * 具备生活自理能力 capable, 部分丧失 partially lost, 完全丧失 fully lost. Only meaningful for
 * {@link EconomicCategory#SPECIAL_HARDSHIP}.
 */
public enum HardshipSelfCare {
    SELF_CARE_CAPABLE("具备自理能力"), PARTIALLY_LOST("部分丧失自理能力"), FULLY_LOST("完全丧失自理能力");

    private final String zh;

    HardshipSelfCare(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    static HardshipSelfCare fromLabel(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        for (HardshipSelfCare v : values()) {
            if (v.zh.equals(s.trim()) || v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        return null;
    }
}
