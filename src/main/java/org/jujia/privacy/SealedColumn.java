package org.jujia.privacy;

import java.util.regex.Pattern;

/**
 * A database column holding values sealed by {@link FieldCipher}. Modules declare one bean per such column so
 * that {@link KeyRotation} re-encrypts it after a key change.
 *
 * @param table table name (lowercase SQL identifier {@code [a-z_][a-z0-9_]*})
 * @param idColumn the table's unique row id column, used to order and address rows
 * @param column the sealed column
 */
public record SealedColumn(String table, String idColumn, String column) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public SealedColumn {
        table = requireIdentifier(table, "table");
        idColumn = requireIdentifier(idColumn, "idColumn");
        column = requireIdentifier(column, "column");
        if (idColumn.equals(column)) {
            throw new IllegalArgumentException("The sealed column cannot be the id column: " + column);
        }
    }

    /** {@code table.column}, the key of {@link RotationReport#reencryptedPerColumn()}. */
    public String qualifiedName() {
        return table + "." + column;
    }

    /** Returns {@code name} if it is a plain lowercase SQL identifier, safe to splice into SQL. */
    static String requireIdentifier(String name, String what) {
        if (name == null || name.length() > 63 || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid SQL identifier for " + what + ": '" + name
                    + "' (must match " + IDENTIFIER.pattern() + ", at most 63 characters)");
        }
        return name;
    }
}
