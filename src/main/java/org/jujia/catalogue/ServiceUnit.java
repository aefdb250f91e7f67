package org.jujia.catalogue;

/** What one unit of a service item is: a visit, a meal, an hour, a month (subscription) or a time (a session). */
public enum ServiceUnit {
    VISIT("次上门"), MEAL("餐"), HOUR("小时"), MONTH("月"), TIME("次");

    private final String zh;

    ServiceUnit(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
