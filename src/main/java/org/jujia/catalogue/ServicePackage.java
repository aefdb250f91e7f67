package org.jujia.catalogue;

/**
 * The three service packages (PLATFORM.md §4): BASIC is government-purchased (free for red and orange elders),
 * UPGRADE is paid by the family with long-term-care and commercial insurance, PERSONAL is fully self-paid.
 */
public enum ServicePackage {
    BASIC("基础包", "Basic package"), UPGRADE("升级包", "Upgrade package"), PERSONAL("个性化包", "Personal package");

    private final String zh;
    private final String en;

    ServicePackage(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
