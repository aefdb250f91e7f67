package org.jujia.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Outcome of {@link KeyRotation#rotate()}.
 *
 * @param activeKeyId the key every re-encrypted value is now sealed under
 * @param reencryptedPerColumn re-encrypted rows per {@link SealedColumn#qualifiedName() table.column}
 * @param skippedConcurrentlyChanged rows left alone because they changed between read and update (their new
 *        value was written by the application, hence already under a current key, or is picked up next run)
 */
public record RotationReport(String activeKeyId, Map<String, Integer> reencryptedPerColumn,
        int skippedConcurrentlyChanged) {

    public RotationReport {
        reencryptedPerColumn = Collections.unmodifiableMap(new LinkedHashMap<>(reencryptedPerColumn));
    }

    /** Total re-encrypted rows over all columns. */
    public int totalReencrypted() {
        return reencryptedPerColumn.values().stream().mapToInt(Integer::intValue).sum();
    }
}
