package org.jujia.assessment.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The scoring engine (ASSESSMENT.md): scores item-level answers of any instrument, either typed (one method per
 * instrument) or generic (by instrument name, from a decoded JSON object as the scoring API receives it). Totals
 * are always computed, never accepted (except by the two pure band functions). Invalid input throws
 * {@link ValidationException} naming the first offending field in documented item order; an unknown instrument
 * name throws {@link NotFoundException}. Stateless and thread-safe.
 */
@Component
public class ScoringEngine {

    /**
     * Version of the scoring rules; stored with every assessment so a result can be traced to the rules that
     * produced it. Change it whenever any rule, cut-off, validation or output field changes.
     */
    public static final String SCORER_VERSION = "1.0.0";

    private final Map<Instrument, Function<Answers, ScoringResult>> generic = new EnumMap<>(Instrument.class);

    public ScoringEngine() {
        generic.put(Instrument.MMSE, a -> MmseScorer.score(MmseScorer.read(a)));
        generic.put(Instrument.BARTHEL, a -> BarthelScorer.score(BarthelScorer.read(a)));
        generic.put(Instrument.BARTHEL_BAND, a -> BarthelBandScorer.score(BarthelBandScorer.read(a)));
        generic.put(Instrument.LAWTON_IADL, a -> LawtonIadlScorer.score(LawtonIadlScorer.read(a)));
        generic.put(Instrument.FRAIL, a -> FrailScorer.score(FrailScorer.read(a)));
        generic.put(Instrument.NRS2002, a -> Nrs2002Scorer.score(Nrs2002Scorer.read(a)));
        generic.put(Instrument.ZBI, a -> ZbiScorer.score(ZbiScorer.read(a)));
        generic.put(Instrument.GBT42195, a -> Gbt42195Scorer.score(Gbt42195Scorer.read(a)));
        generic.put(Instrument.GBT42195_LEVEL, a -> Gbt42195LevelScorer.score(Gbt42195LevelScorer.read(a)));
        generic.put(Instrument.HARDSHIP_SELF_CARE, a -> HardshipSelfCareScorer.score(HardshipSelfCareScorer.read(a)));
        generic.put(Instrument.CARE_COLOUR, a -> CareColourScorer.score(CareColourScorer.read(a)));
    }

    /** The API names of all instruments, in the order of ASSESSMENT.md §0.1. */
    public List<String> instruments() {
        return Arrays.stream(Instrument.values()).map(Instrument::apiName).toList();
    }

    /**
     * Scores answers given by instrument API name ({@code "mmse"}, {@code "care-colour"}…).
     *
     * @param answers a decoded JSON object: {@code String}, {@code Boolean}, {@code Number}, nested {@code Map}s;
     *        {@code null} counts as an empty object (so the first required item is reported missing)
     * @throws NotFoundException if the instrument is unknown
     * @throws ValidationException naming the first offending field
     */
    public ScoringResult score(String instrument, Map<String, ?> answers) {
        return score(instrumentNamed(instrument), answers);
    }

    /** As {@link #score(String, Map)}, from a JSON tree; a body that is not a JSON object is rejected (field {@code "$"}). */
    public ScoringResult score(String instrument, JsonNode answers) {
        Instrument i = instrumentNamed(instrument);
        return score(i, toMap(answers));
    }

    public ScoringResult score(Instrument instrument, Map<String, ?> answers) {
        return generic.get(instrument).apply(Answers.of(answers));
    }

    private static Instrument instrumentNamed(String name) {
        return Instrument.byApiName(name).orElseThrow(() -> new NotFoundException("Scoring instrument", name));
    }

    // ---- typed entry points -------------------------------------------------------------------------------

    public MmseScorer.Result mmse(MmseScorer.Input input) {
        return MmseScorer.score(input);
    }

    public BarthelScorer.Result barthel(BarthelScorer.Input input) {
        return BarthelScorer.score(input);
    }

    public BarthelScorer.Result barthelBand(int total) {
        return BarthelBandScorer.score(new BarthelBandScorer.Input(total));
    }

    public LawtonIadlScorer.Result lawtonIadl(LawtonIadlScorer.Input input) {
        return LawtonIadlScorer.score(input);
    }

    public FrailScorer.Result frail(FrailScorer.Input input) {
        return FrailScorer.score(input);
    }

    public Nrs2002Scorer.Result nrs2002(Nrs2002Scorer.Input input) {
        return Nrs2002Scorer.score(input);
    }

    public ZbiScorer.Result zbi(ZbiScorer.Input input) {
        return ZbiScorer.score(input);
    }

    public Gbt42195Scorer.Result gbt42195(Gbt42195Scorer.Input input) {
        return Gbt42195Scorer.score(input);
    }

    public Gbt42195LevelScorer.Result gbt42195Level(int total) {
        return Gbt42195LevelScorer.score(new Gbt42195LevelScorer.Input(total));
    }

    public HardshipSelfCareScorer.Result hardshipSelfCare(HardshipSelfCareScorer.Input input) {
        return HardshipSelfCareScorer.score(input);
    }

    public CareColourScorer.Result careColour(CareColourScorer.Input input) {
        return CareColourScorer.score(input);
    }

    // ---- JSON tree → plain values -------------------------------------------------------------------------

    /**
     * A JSON object as a map of plain Java values. A missing or {@code null} body is an empty object [D, §0.1: the
     * client then learns the first missing item]; any other non-object body is a validation error on {@code "$"}.
     */
    static Map<String, Object> toMap(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ValidationException.of("$", Checks.NOT_OBJECT, "the request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(node);
        return map;
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (var e : node.properties()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode v : node.values()) {
                list.add(plain(v));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? node.bigIntegerValue() : node.decimalValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return node.toString();
    }
}
