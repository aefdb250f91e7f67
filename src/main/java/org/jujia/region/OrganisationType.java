package org.jujia.region;

/** Kinds of organisation attached to a node of the region tree. */
public enum OrganisationType {
    CIVIL_AFFAIRS, SERVICE_PROVIDER, STREET_CENTRE, COMMUNITY_CENTRE, SERVICE_POINT
}
