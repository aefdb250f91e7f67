package org.jujia.monitoring;

import java.util.List;

/**
 * The outcome of a spreadsheet registration: either every row was registered (with each device's secret, shown
 * this once) or none was, and every problem is listed with its row number (as Excel shows it), column and reason.
 */
public record DeviceImport(int rows, boolean imported, List<RowError> errors, List<DeviceCredentials> registered) {

    public record RowError(int row, String column, String field, String code, String message) {
    }
}
