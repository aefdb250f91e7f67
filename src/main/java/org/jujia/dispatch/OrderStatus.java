package org.jujia.dispatch;

/**
 * Where an order stands:
 * <pre>
 * PENDING ──accept──▶ ACCEPTED ──assign──▶ ASSIGNED ──unassign──▶ ACCEPTED
 *    │                   │                    │
 *    └──refuse───────────┴────────────────────┴──▶ REFUSED ──reassign (street, another provider)──▶ PENDING
 * any open state ──cancel──▶ CANCELLED
 * </pre>
 */
public enum OrderStatus {
    /** awaiting the provider's acceptance */
    PENDING,
    /** accepted by the provider, no caregiver yet */
    ACCEPTED,
    /** a caregiver is assigned */
    ASSIGNED,
    /** the provider refused it (with a reason): the street moves it to another provider */
    REFUSED,
    /** withdrawn (plan changed or ended, booking withdrawn), with a reason */
    CANCELLED;

    public boolean open() {
        return this != CANCELLED;
    }
}
