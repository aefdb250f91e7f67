package org.jujia.elder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The state of a spreadsheet import, polled by the console and the API. */
public record ImportJob(UUID id, String fileName, ImportMode mode, Status status, int totalRows, int processedRows,
        int importedRows, List<RowError> errors, boolean hasRejectsFile, String message, String createdBy, Instant createdAt,
        Instant finishedAt) {

    public enum Status {
        PENDING, RUNNING, SUCCEEDED, REJECTED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == REJECTED || this == FAILED;
        }
    }

    /** One problem of one row: the spreadsheet row number, the column header, the field and the reason. */
    public record RowError(int row, String column, String field, String code, String message) {
    }

    /** How many distinct rows had problems. */
    public long rejectedRows() {
        return errors.stream().mapToInt(RowError::row).distinct().count();
    }

    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return totalRows == 0 ? 0 : Math.min(99, processedRows * 100 / totalRows);
    }
}
