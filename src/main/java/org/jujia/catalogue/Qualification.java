package org.jujia.catalogue;

/**
 * The professional qualification a service item requires of whoever performs it. A caregiver item may further
 * require a minimum {@link CaregiverLevel}.
 */
public enum Qualification {
    /** anyone trained by the provider (volunteers, meal couriers, call-centre staff) */
    NONE,
    /** 养老护理员 with a vocational certificate */
    CAREGIVER,
    /** registered nurse (注册护士) */
    NURSE,
    /** certified rehabilitation therapist (康复治疗师) */
    REHAB_THERAPIST,
    /** social worker (社会工作者) */
    SOCIAL_WORKER,
    /** licensed physician (执业医师) */
    PHYSICIAN,
    /** psychological counsellor (心理咨询师) */
    PSYCHOLOGIST,
    /** lawyer or notary (律师/公证员) */
    LEGAL_PROFESSIONAL
}
