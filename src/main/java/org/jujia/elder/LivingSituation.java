package org.jujia.elder;

/** 居住状况. */
public enum LivingSituation {
    ALONE("独居"), EMPTY_NEST("空巢"), WITH_FAMILY("与家人同住");

    private final String zh;

    LivingSituation(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    static LivingSituation fromLabel(String s) {
        for (LivingSituation v : values()) {
            if (v.zh.equals(s) || v.name().equalsIgnoreCase(s)) {
                return v;
            }
        }
        return null;
    }
}
