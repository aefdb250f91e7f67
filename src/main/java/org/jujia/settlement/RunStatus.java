package org.jujia.settlement;

/**
 * Where a settlement run stands:
 * <pre>
 * QUEUED ──▶ RUNNING ──▶ PREVIEW ──close──▶ QUEUED (closing) ──▶ RUNNING ──▶ CLOSED
 *                 └──▶ FAILED (error kept; may be run again)
 * </pre>
 * A CLOSED run is immutable.
 */
public enum RunStatus {
    QUEUED, RUNNING, PREVIEW, CLOSING, CLOSED, FAILED;

    public boolean busy() {
        return this == QUEUED || this == RUNNING || this == CLOSING;
    }
}
