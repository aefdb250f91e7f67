package org.jujia.region;

/** An organisation (provider, centre, service point, bureau) attached to a node of the region tree. */
public record Organisation(long id, String code, String name, OrganisationType type, long nodeId, String phone,
        String address, boolean active, int version) {
}
