package org.jujia.privacy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every value of every {@link SealedColumn} that is not yet sealed under the active key, without
 * downtime: {@link FieldCipher#open(String)} reads values under old and new keys alike meanwhile.
 * <p>
 * Each column is walked in id order in batches of {@value #BATCH_SIZE} rows, each batch in its own short
 * transaction. A row is only updated if it still holds the value that was read ({@code where id = ? and column =
 * <old value>}), so values written concurrently by the application are never overwritten; such rows are counted as
 * skipped (if they are still under an old key, the next run picks them up). Running twice, or on two nodes at
 * once, is harmless. A value that cannot be opened (unknown key, tampered, not an envelope) stops the run with an
 * exception naming the row; batches committed before stay committed, so a later run resumes.
 */
@Component
public class KeyRotation {

    static final int BATCH_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate transactions;
    private final List<SealedColumn> columns;

    KeyRotation(JdbcClient jdbc, FieldCipher cipher, PlatformTransactionManager transactionManager,
            List<SealedColumn> columns) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.columns = List.copyOf(new LinkedHashSet<>(columns));
    }

    /**
     * Re-encrypts all declared sealed columns under {@link FieldCipher#activeKeyId()}.
     *
     * @throws IllegalStateException if called inside a transaction (batches must commit on their own) or if a
     *         stored value cannot be opened
     */
    public RotationReport rotate() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Key rotation must not run inside a transaction: every batch of "
                    + BATCH_SIZE + " rows commits on its own");
        }
        String activeKeyId = cipher.activeKeyId();
        String notUnderActiveKey = likePrefixPattern(activeKeyId + ":");
        Map<String, Integer> reencrypted = new LinkedHashMap<>();
        int skipped = 0;
        for (SealedColumn column : columns) {
            ColumnProgress progress = rotateColumn(column, notUnderActiveKey);
            reencrypted.merge(column.qualifiedName(), progress.reencrypted, Integer::sum);
            skipped += progress.skipped;
            log.info("Key rotation to '{}': {} re-encrypted {} rows, skipped {} changed concurrently", activeKeyId,
                    column.qualifiedName(), progress.reencrypted, progress.skipped);
        }
        return new RotationReport(activeKeyId, reencrypted, skipped);
    }

    private ColumnProgress rotateColumn(SealedColumn column, String notUnderActiveKey) {
        String selectFirst = selectSql(column, false);
        String selectNext = selectSql(column, true);
        String update = updateSql(column);
        ColumnProgress progress = new ColumnProgress();
        Object lastId = null;
        boolean more = true;
        while (more) {
            Object after = lastId;
            List<Row> batch = transactions.execute(status -> {
                var select = after == null
                        ? jdbc.sql(selectFirst).param(notUnderActiveKey)
                        : jdbc.sql(selectNext).param(notUnderActiveKey).param(after);
                List<Row> rows = select.query((rs, n) -> new Row(rs.getObject(1), rs.getString(2))).list();
                for (Row row : rows) {
                    String fresh = reseal(column, row);
                    int updated = jdbc.sql(update).param(fresh).param(row.id).param(row.value).update();
                    if (updated == 1) {
                        progress.reencrypted++;
                    } else {
                        progress.skipped++;
                    }
                }
                return rows;
            });
            more = batch != null && batch.size() == BATCH_SIZE;
            if (more) {
                lastId = batch.getLast().id;
            }
        }
        return progress;
    }

    private String reseal(SealedColumn column, Row row) {
        try {
            return cipher.seal(cipher.open(row.value));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Key rotation cannot open " + column.qualifiedName() + " of row "
                    + column.idColumn() + " = " + row.id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Next batch of rows not sealed under the active key, in id order ({@code afterId}: only ids above the last
     * one seen, so rows skipped or changed meanwhile are not read again in this run).
     * Parameters: the {@link #likePrefixPattern(String) like pattern}, then the last id if {@code afterId}.
     */
    static String selectSql(SealedColumn column, boolean afterId) {
        String id = quote(column.idColumn());
        String value = quote(column.column());
        return "select " + id + ", " + value + " from " + quote(column.table())
                + " where " + value + " is not null and " + value + " not like ? escape '\\'"
                + (afterId ? " and " + id + " > ?" : "")
                + " order by " + id + " limit " + BATCH_SIZE;
    }

    /** Optimistic update. Parameters: new value, id, value read before. */
    static String updateSql(SealedColumn column) {
        String value = quote(column.column());
        return "update " + quote(column.table()) + " set " + value + " = ? where " + quote(column.idColumn())
                + " = ? and " + value + " = ?";
    }

    /** A LIKE pattern matching values starting with {@code prefix} literally (escape character backslash). */
    static String likePrefixPattern(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Double-quotes a validated lowercase identifier; quoting lets reserved words such as {@code user} or
     * {@code order} be used and means the same as the unquoted lowercase name in PostgreSQL.
     */
    private static String quote(String identifier) {
        return '"' + SealedColumn.requireIdentifier(identifier, "identifier") + '"';
    }

    private record Row(Object id, String value) {
    }

    private static final class ColumnProgress {
        int reencrypted;
        int skipped;
    }
}
