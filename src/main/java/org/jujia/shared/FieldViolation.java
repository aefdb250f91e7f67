package org.jujia.shared;

/** One offending input field: its name (JSON property or spreadsheet column), a stable code and a message. */
public record FieldViolation(String field, String code, String message) {
}
