package org.jujia.region;

/** Levels of the region tree, top-down. */
public enum RegionLevel {
    CITY, DISTRICT, STREET, COMMUNITY, COMPLEX;

    /** The only level a child of this level may have; null for a complex. */
    public RegionLevel childLevel() {
        return this == COMPLEX ? null : values()[ordinal() + 1];
    }
}
