package org.jujia.catalogue;

/** A category of service items (生活照料, 基础照护 …); categories are data, so the city can add its own. */
public record ServiceCategory(String code, String nameZh, String nameEn) {
}
