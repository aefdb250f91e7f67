package org.jujia.notification;

/** Where a notification is on its way. */
enum OutboxStatus {
    /** persisted, not tried yet */
    PENDING,
    /** a node is sending it (it holds a lease; a crashed node's rows are taken over when the lease runs out) */
    SENDING,
    /** the channel acknowledged it */
    DELIVERED,
    /** the last attempt failed; retried with backoff */
    FAILED_RETRYING,
    /** an urgent notification that failed many times: shown to operators, still retried */
    FAILING,
    /** a non-urgent notification given up after the maximum attempts */
    GAVE_UP;

    public boolean retryable() {
        return this == PENDING || this == FAILED_RETRYING || this == FAILING;
    }
}
