package org.jujia.catalogue;

/**
 * Vocational skill level of an elder caregiver (养老护理员国家职业技能标准), from lowest to highest:
 * 五级/初级工 … 一级/高级技师. Compare with {@link #atLeast(CaregiverLevel)}.
 */
public enum CaregiverLevel {
    LEVEL_5("五级/初级工"), LEVEL_4("四级/中级工"), LEVEL_3("三级/高级工"), LEVEL_2("二级/技师"), LEVEL_1("一级/高级技师");

    private final String zh;

    CaregiverLevel(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public boolean atLeast(CaregiverLevel minimum) {
        return minimum == null || ordinal() >= minimum.ordinal();
    }
}
