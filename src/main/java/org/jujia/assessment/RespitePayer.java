package org.jujia.assessment;

/** Who pays the respite entitlement. PLATFORM.md §3/§7: a high-risk caregiver's respite hours are paid entirely by government. */
public enum RespitePayer {
    GOVERNMENT
}
