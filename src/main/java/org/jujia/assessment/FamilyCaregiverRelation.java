package org.jujia.assessment;

/** How a family caregiver is related to the elder they look after. */
public enum FamilyCaregiverRelation {
    SPOUSE, SON, DAUGHTER, SON_IN_LAW, DAUGHTER_IN_LAW, GRANDCHILD, SIBLING, OTHER_RELATIVE, FRIEND_OR_NEIGHBOUR, OTHER
}
