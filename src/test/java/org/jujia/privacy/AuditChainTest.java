package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final String RECORD = "2026-01-05T09:30:00+08:00|staff:42|VIEW|elder:1001|id_number";

    @Test
    void genesisIs64Zeros() {
        assertThat(AuditChain.genesis()).isEqualTo("0".repeat(64));
    }

    @Test
    void linkIsSm3OfPreviousHashNewlineRecord() {
        String first = AuditChain.link(null, RECORD);

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(first).isEqualTo(Sm3.hashHex("0".repeat(64) + "\n" + RECORD));
        assertThat(AuditChain.link(AuditChain.genesis(), RECORD)).isEqualTo(first);
        String second = AuditChain.link(first, "next");
        assertThat(second).isEqualTo(Sm3.hashHex(first + "\n" + "next"));
    }

    @Test
    void isDeterministic() {
        String previous = AuditChain.link(null, "a");
        assertThat(AuditChain.link(previous, RECORD)).isEqualTo(AuditChain.link(previous, RECORD));
    }

    @Test
    void changingAnyInputChangesTheHash() {
        String previous = AuditChain.link(null, "a");
        String hash = AuditChain.link(previous, RECORD);

        assertThat(AuditChain.link(AuditChain.link(null, "b"), RECORD)).isNotEqualTo(hash);
        assertThat(AuditChain.link(null, RECORD)).isNotEqualTo(hash);
        assertThat(AuditChain.link(previous, RECORD + " ")).isNotEqualTo(hash);
        assertThat(AuditChain.link(previous, RECORD.replace("42", "43"))).isNotEqualTo(hash);
        assertThat(AuditChain.link(previous, "")).isNotEqualTo(hash);
    }

    @Test
    void tamperingWithAnEarlierRecordBreaksEveryLaterLink() {
        List<String> records = List.of("r1", "r2", "r3", "r4");
        List<String> original = chain(records);
        List<String> tampered = chain(List.of("r1", "r2 changed", "r3", "r4"));

        assertThat(tampered.get(0)).isEqualTo(original.get(0));
        for (int i = 1; i < records.size(); i++) {
            assertThat(tampered.get(i)).isNotEqualTo(original.get(i));
        }
    }

    @Test
    void rejectsMalformedPreviousHashes() {
        assertThatThrownBy(() -> AuditChain.link("abc", RECORD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditChain.link("A".repeat(64), RECORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditChain.link(null, null)).isInstanceOf(NullPointerException.class);
    }

    private static List<String> chain(List<String> records) {
        List<String> hashes = new ArrayList<>();
        String previous = AuditChain.genesis();
        for (String record : records) {
            previous = AuditChain.link(previous, record);
            hashes.add(previous);
        }
        return hashes;
    }
}
