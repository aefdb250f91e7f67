package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jujia.shared.ConflictException;
import org.jujia.shared.ValidationException;
import org.jujia.workforce.BlacklistCase.Party;
import org.junit.jupiter.api.Test;

class BlacklistCaseTest {

    private static final BlacklistCase PROPOSED = new BlacklistCase("PROPOSED", Map.of());

    @Test
    void threeDifferentPeopleOfTheThreePartiesConfirm() {
        var one = PROPOSED.confirm(Party.STREET, 1);
        var two = one.confirm(Party.POLICE, 2);
        assertThat(two.status()).as("two of three is not enough").isEqualTo("PROPOSED");
        var three = two.confirm(Party.CIVIL_AFFAIRS, 3);
        assertThat(three.status()).isEqualTo("CONFIRMED");
        assertThat(three.confirmations()).containsOnlyKeys(Party.values());
    }

    @Test
    void theSameUserTwiceIsNotEnough() {
        var one = PROPOSED.confirm(Party.STREET, 1);
        assertThatThrownBy(() -> one.confirm(Party.CIVIL_AFFAIRS, 1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> one.confirm(Party.STREET, 1)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aPartyConfirmsOnce() {
        var one = PROPOSED.confirm(Party.STREET, 1);
        assertThatThrownBy(() -> one.confirm(Party.STREET, 9)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyProposedCasesAreConfirmed() {
        var confirmed = PROPOSED.confirm(Party.STREET, 1).confirm(Party.POLICE, 2).confirm(Party.CIVIL_AFFAIRS, 3);
        assertThatThrownBy(() -> confirmed.confirm(Party.STREET, 4)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> new BlacklistCase("REJECTED", Map.of()).confirm(Party.STREET, 4)).isInstanceOf(ConflictException.class);
    }

    @Test
    void correctionNeedsAReasonAndEndsTheCase() {
        assertThatThrownBy(() -> PROPOSED.correct(" ")).isInstanceOf(ValidationException.class);
        assertThat(PROPOSED.correct("evidence withdrawn").status()).isEqualTo("REJECTED");
        var confirmed = PROPOSED.confirm(Party.STREET, 1).confirm(Party.POLICE, 2).confirm(Party.CIVIL_AFFAIRS, 3);
        assertThat(confirmed.correct("court overturned the finding").status()).isEqualTo("CORRECTED");
        assertThatThrownBy(() -> confirmed.correct("x").correct("again")).isInstanceOf(ConflictException.class);
    }
}
