package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.barthelAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.map;
import static org.jujia.assessment.scoring.ScoringFixtures.with;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jujia.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** Dispatch by name and the generic validation of ASSESSMENT.md §0. */
class ScoringEngineTest {

    final ScoringEngine engine = new ScoringEngine();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void knowsTheElevenInstrumentsOfTheSpecInOrder() {
        assertThat(engine.instruments()).containsExactly("mmse", "barthel", "barthel-band", "lawton-iadl", "frail", "nrs2002", "zbi",
                "gbt42195", "gbt42195-level", "hardship-self-care", "care-colour");
        assertThat(ScoringEngine.SCORER_VERSION).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = { "adl", "MMSE", "Barthel", "", "care_colour" })
    void unknownInstrumentsAreNotFound(String name) {
        assertThatThrownBy(() -> engine.score(name, barthelAnswers())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> engine.score(name, json.readTree("{}"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void jsonTreeInputIsScoredLikeAMap() {
        var tree = json.readTree("""
                {"feeding":10,"bathing":5,"grooming":5,"dressing":10,"bowels":10,"bladder":5,"toiletUse":10,
                 "transfer":15,"mobility":10,"stairs":5}""");
        assertThat(engine.score("barthel", tree)).isEqualTo(new BarthelScorer.Result(85, BarthelScorer.Band.MILD));
    }

    @Test
    void integralNumbersInAnyRepresentationAreIntegers() {
        assertThat(engine.score("barthel-band", map("total", 60L))).isEqualTo(engine.barthelBand(60));
        assertThat(engine.score("barthel-band", map("total", 60.0))).isEqualTo(engine.barthelBand(60));
        assertThat(engine.score("barthel-band", map("total", new BigDecimal("60.00")))).isEqualTo(engine.barthelBand(60));
        assertThat(engine.score("barthel-band", map("total", BigInteger.valueOf(60)))).isEqualTo(engine.barthelBand(60));
        assertThat(engine.score("barthel-band", json.readTree("{\"total\": 60.0}"))).isEqualTo(engine.barthelBand(60));
    }

    @Test
    void nonIntegersAreRejectedWithTheirCode() {
        assertThat(assertInvalid(() -> engine.score("barthel-band", json.readTree("{\"total\": 60.5}")), "total")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("barthel-band", json.readTree("{\"total\": \"60\"}")), "total")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("barthel-band", json.readTree("{\"total\": true}")), "total")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("barthel-band", json.readTree("{\"total\": [60]}")), "total")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("barthel-band", json.readTree("{\"total\": {}}")), "total")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("barthel-band", map("total", Double.NaN)), "total")).isEqualTo("notInteger");
    }

    @Test
    void hugeIntegersAreOutOfRangeNotOverflowed() {
        assertThat(assertInvalid(() -> engine.score("barthel-band", json.readTree("{\"total\": 18446744073709551676}")), "total"))
                .isEqualTo("notAllowed");
        assertThat(assertInvalid(() -> engine.score("barthel-band", map("total", 4294967356L)), "total")).isEqualTo("notAllowed");
        assertThat(assertInvalid(() -> engine.score("gbt42195-level", map("total", -4294967206L)), "total")).isEqualTo("notAllowed");
    }

    @Test
    void aMissingBodyReportsTheFirstItem() {
        assertThat(assertInvalid(() -> engine.score("barthel", (tools.jackson.databind.JsonNode) null), "feeding")).isEqualTo("required");
        assertInvalid(() -> engine.score("barthel", json.readTree("null")), "feeding");
        assertInvalid(() -> engine.score("zbi", (Map<String, ?>) null), "q1");
        assertInvalid(() -> engine.score("nrs2002", json.readTree("{}")), "initial");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        assertThat(assertInvalid(() -> engine.score("barthel", json.readTree("[1,2]")), "$")).isEqualTo("notObject");
        assertInvalid(() -> engine.score("barthel", json.readTree("42")), "$");
    }

    @Test
    void documentedOrderWinsOverJsonOrder() {
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("stairs", 99);
        reversed.putAll(with(barthelAnswers(), "grooming", 1));
        reversed.put("stairs", 99);
        assertInvalid(() -> engine.score("barthel", reversed), "grooming");
        var tree = json.readTree("""
                {"stairs":99,"mobility":10,"transfer":15,"toiletUse":10,"bladder":5,"bowels":10,"dressing":10,"grooming":1,
                 "bathing":5,"feeding":10}""");
        assertInvalid(() -> engine.score("barthel", tree), "grooming");
    }

    @Test
    void unknownKeysAreIgnored() {
        assertThat(engine.score("barthel", with(barthelAnswers(), "comment", "checked at home"))).isEqualTo(engine.barthelBand(100));
    }

    @Test
    void enumeratedAnswersMayBePassedAsEnumsByJavaCallers() {
        var answers = with(ScoringFixtures.mmseAnswers(), "education", MmseScorer.Education.ILLITERATE);
        assertThat(((MmseScorer.Result) engine.score("mmse", answers)).cutoff()).isEqualTo(17);
        var iadl = with(ScoringFixtures.iadlAnswers(), "laundry", LawtonIadlScorer.Option.C);
        assertThat(engine.score("lawton-iadl", iadl)).isEqualTo(new LawtonIadlScorer.Result(7, false));
    }

    @Test
    void typedEntryPointsAgreeWithGenericOnes() {
        assertThat(engine.barthel(BarthelScorer.Input.fullyIndependent())).isEqualTo(engine.score("barthel", barthelAnswers()));
        assertThat(engine.lawtonIadl(LawtonIadlScorer.Input.allA())).isEqualTo(engine.score("lawton-iadl", ScoringFixtures.iadlAnswers()));
        assertThat(engine.hardshipSelfCare(HardshipSelfCareScorer.Input.allAble()))
                .isEqualTo(engine.score("hardship-self-care", ScoringFixtures.hardshipAnswers()));
        assertThat(engine.gbt42195(Gbt42195Scorer.Input.fullMarks())).isEqualTo(engine.score("gbt42195", ScoringFixtures.gbt42195Answers()));
        assertThat(engine.zbi(ZbiScorer.Input.of(new int[22]))).isEqualTo(engine.score("zbi", ScoringFixtures.zbiAnswers(0)));
        assertThat(engine.frail(ScoringFixtures.frail(0))).isEqualTo(engine.score("frail", ScoringFixtures.frailAnswers()));
        assertThat(engine.nrs2002(ScoringFixtures.nrs2002(null))).isEqualTo(engine.score("nrs2002", ScoringFixtures.nrs2002NegativeAnswers()));
        assertThat(engine.mmse(ScoringFixtures.mmse(30, MmseScorer.Education.MIDDLE_OR_ABOVE)))
                .isEqualTo(engine.score("mmse", ScoringFixtures.mmseAnswers()));
        assertThat(engine.careColour(new CareColourScorer.Input(BarthelScorer.Input.fullyIndependent(), LawtonIadlScorer.Input.allA(),
                ScoringFixtures.mmse(30, MmseScorer.Education.MIDDLE_OR_ABOVE), ScoringFixtures.frail(0), ScoringFixtures.nrs2002(null), null,
                null))).isEqualTo(engine.score("care-colour", ScoringFixtures.careColourAnswers()));
    }

    @Test
    void validationMessagesAreHumanReadable() {
        assertThatThrownBy(() -> engine.score("barthel", with(barthelAnswers(), "feeding", 7)))
                .hasMessage("feeding: must be one of 0, 5, 10 (got 7)");
        assertThatThrownBy(() -> engine.score("frail", with(ScoringFixtures.frailAnswers(), "fatigue", "yes")))
                .hasMessage("fatigue: must be true or false (got yes)");
    }
}
