package org.jujia.region;

/** A node of the region tree. */
public record Region(long id, String code, String name, String nameEn, RegionLevel level, Long parentId, String path,
        Double latitude, Double longitude, int version) {

    public String displayName(boolean english) {
        return english && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }
}
