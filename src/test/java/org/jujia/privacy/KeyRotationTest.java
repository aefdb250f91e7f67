package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class KeyRotationTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Elder", "elder-person", "1elder", "elder.person", "public.elder", "\"elder\"",
            "elder person", "elder;drop table elder", "elder--", "id_number'", "名字", "elder\n"})
    void rejectsInvalidIdentifiers(String name) {
        assertThatThrownBy(() -> new SealedColumn(name, "id", "id_number"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table");
        assertThatThrownBy(() -> new SealedColumn("elder", name, "id_number"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idColumn");
        assertThatThrownBy(() -> new SealedColumn("elder", "id", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column");
    }

    @Test
    void acceptsPlainLowercaseIdentifiers() {
        SealedColumn column = new SealedColumn("elder_person", "id", "id_number_2");

        assertThat(column.qualifiedName()).isEqualTo("elder_person.id_number_2");
        assertThat(new SealedColumn("_t", "_id", "a".repeat(63)).column()).hasSize(63);
        assertThatThrownBy(() -> new SealedColumn("t", "id", "a".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedColumn("t", "phone", "phone"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsQuotedPostgresqlStatements() {
        SealedColumn column = new SealedColumn("user", "id", "phone");

        assertThat(KeyRotation.selectSql(column, false)).isEqualTo(
                "select \"id\", \"phone\" from \"user\" where \"phone\" is not null and \"phone\" not like ? "
                        + "escape '\\' order by \"id\" limit 500");
        assertThat(KeyRotation.selectSql(column, true)).isEqualTo(
                "select \"id\", \"phone\" from \"user\" where \"phone\" is not null and \"phone\" not like ? "
                        + "escape '\\' and \"id\" > ? order by \"id\" limit 500");
        assertThat(KeyRotation.updateSql(column))
                .isEqualTo("update \"user\" set \"phone\" = ? where \"id\" = ? and \"phone\" = ?");
    }

    @Test
    void escapesLikeWildcardsInTheKeyPrefix() {
        assertThat(KeyRotation.likePrefixPattern("k2:")).isEqualTo("k2:%");
        assertThat(KeyRotation.likePrefixPattern("k_2026:")).isEqualTo("k\\_2026:%");
        assertThat(KeyRotation.likePrefixPattern("a%b\\:")).isEqualTo("a\\%b\\\\:%");
    }

    @Test
    void refusesToRunInsideATransaction() {
        FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", Sm4GcmTest.randomKey()), null,
                Sm4GcmTest.randomKey()));
        KeyRotation rotation = new KeyRotation(null, cipher, null, List.of());
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(rotation::rotate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside a transaction");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(rotation.rotate()).isEqualTo(new RotationReport("k1", Map.of(), 0));
    }

    @Test
    void reportIsAnImmutableSnapshot() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("elder.id_number", 3);
        counts.put("elder.phone", 4);
        RotationReport report = new RotationReport("k2", counts, 1);
        counts.put("elder.address", 5);

        assertThat(report.reencryptedPerColumn()).containsOnlyKeys("elder.id_number", "elder.phone");
        assertThat(report.totalReencrypted()).isEqualTo(7);
        assertThatThrownBy(() -> report.reencryptedPerColumn().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
