package org.jujia.elder;

/** 经济类别: special hardship (特困), minimum living allowance (低保), low income (低收入), ordinary (普通). */
public enum EconomicCategory {
    SPECIAL_HARDSHIP("特困"), MINIMUM_LIVING("低保"), LOW_INCOME("低收入"), ORDINARY("普通");

    private final String zh;

    EconomicCategory(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    static EconomicCategory fromLabel(String s) {
        for (EconomicCategory v : values()) {
            if (v.zh.equals(s) || v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        return null;
    }
}
