package org.jujia.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.assessment.scoring.ScoringResult;
import org.jujia.shared.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateless scoring API of ASSESSMENT.md §0.1. Any authenticated caller may use it: it reads and stores
 * nothing about anyone, and the console forms use the same engine [D, §0.1: the spec names no permission].
 */
@RestController
@RequestMapping("/api/v1/scoring")
@Tag(name = "Scoring", description = "Stateless geriatric assessment scoring (ASSESSMENT.md): item-level answers in, computed totals, "
        + "bands and the four-colour care level out. The same engine scores stored assessments.")
class ScoringApiController {

    /** Response header carrying {@link ScoringEngine#SCORER_VERSION}, so a caller can record which rules scored it. */
    static final String VERSION_HEADER = "X-Scorer-Version";

    private final ScoringEngine engine;
    private final JsonMapper json;

    ScoringApiController(ScoringEngine engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
    }

    @PostMapping(path = "/{instrument}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Score one instrument from item-level answers",
            description = """
                    Totals are always computed from the items, never accepted (except by the two pure band functions \
                    `barthel-band` and `gbt42195-level`). An invalid answer (missing or null required item, value outside the \
                    item's allowed set, non-integer for an integer item, non-boolean for a yes/no item) gives 400 with \
                    `"error": "VALIDATION_ERROR"` and `"field"`: the first offending field in documented item order (nested \
                    fields as a dotted path, e.g. `final.age`, `barthel.feeding`). The rules' version is in the \
                    `X-Scorer-Version` header.

                    Request examples, one per instrument:

                    * `mmse` → total, cutoff, cognitiveImpairment, severityBand
                    ```json
                    {"timeOrientation":4,"placeOrientation":5,"registration":3,"attentionCalculation":3,"recall":2,"naming":2,
                     "repetition":1,"threeStepCommand":3,"reading":1,"writing":1,"copying":0,"education":"PRIMARY"}
                    ```
                    * `barthel` → total, band
                    ```json
                    {"feeding":10,"bathing":5,"grooming":5,"dressing":10,"bowels":10,"bladder":5,"toiletUse":10,
                     "transfer":15,"mobility":10,"stairs":5}
                    ```
                    * `barthel-band` → total, band
                    ```json
                    {"total":61}
                    ```
                    * `lawton-iadl` → total, independent
                    ```json
                    {"telephone":"A","shopping":"B","foodPreparation":"A","housekeeping":"D","laundry":"B",
                     "transportation":"C","medication":"A","finances":"B"}
                    ```
                    * `frail` → total, band
                    ```json
                    {"fatigue":true,"resistance":false,"ambulation":true,"illnessCount":5,"weightLossOver5Percent":false}
                    ```
                    * `nrs2002` → finalScreeningRequired, total, agePoint, atRisk, action
                    ```json
                    {"initial":{"lowBmi":true,"weightLoss3Months":false,"reducedIntakeLastWeek":false,"severelyIll":false},
                     "final":{"nutritionalStatusScore":1,"diseaseSeverityScore":1,"age":78}}
                    ```
                    * `zbi` → total, band, highRiskCaregiver
                    ```json
                    {"q1":2,"q2":2,"q3":1,"q4":2,"q5":1,"q6":2,"q7":3,"q8":2,"q9":1,"q10":2,"q11":1,"q12":2,"q13":1,
                     "q14":3,"q15":2,"q16":1,"q17":2,"q18":2,"q19":2,"q20":1,"q21":2,"q22":3}
                    ```
                    * `gbt42195` → total, dimensions {selfCare, basicMotor, mentalState, perceptionSocial}, initialLevel, \
                    finalLevel, adjustmentReasons
                    ```json
                    {"B1.1":4,"B1.2":4,"B1.3":3,"B1.4":4,"B1.5":3,"B1.6":4,"B1.7":4,"B1.8":4,
                     "B2.1":4,"B2.2":4,"B2.3":3,"B2.4":2,
                     "B3.1":3,"B3.2":4,"B3.3":4,"B3.4":3,"B3.5":4,"B3.6":4,"B3.7":1,"B3.8":1,"B3.9":2,
                     "B4.1":2,"B4.2":1,"B4.3":3,"B4.4":2,"B4.5":3,
                     "coma":false,"dementiaOrMentalDisorder":true,"careRiskEvents30Days":0}
                    ```
                    * `gbt42195-level` → total, level
                    ```json
                    {"total":66}
                    ```
                    * `hardship-self-care` → unableCount, category
                    ```json
                    {"eating":true,"dressing":false,"bedTransfer":true,"toileting":false,"indoorWalking":true,"bathing":false}
                    ```
                    * `care-colour` → colour, baseFromBarthel, flags (`gbt42195` and `hardship` optional)
                    ```json
                    {"barthel":{"feeding":10,"bathing":5,"grooming":5,"dressing":10,"bowels":10,"bladder":10,"toiletUse":10,
                                "transfer":15,"mobility":15,"stairs":5},
                     "iadl":{"telephone":"A","shopping":"A","foodPreparation":"A","housekeeping":"A","laundry":"A",
                             "transportation":"A","medication":"A","finances":"A"},
                     "mmse":{"timeOrientation":5,"placeOrientation":5,"registration":3,"attentionCalculation":5,"recall":2,
                             "naming":2,"repetition":1,"threeStepCommand":3,"reading":1,"writing":1,"copying":1,
                             "education":"MIDDLE_OR_ABOVE"},
                     "frail":{"fatigue":false,"resistance":true,"ambulation":false,"illnessCount":2,"weightLossOver5Percent":false},
                     "nrs2002":{"initial":{"lowBmi":false,"weightLoss3Months":false,"reducedIntakeLastWeek":false,"severelyIll":false}},
                     "hardship":{"eating":true,"dressing":true,"bedTransfer":true,"toileting":true,"indoorWalking":true,"bathing":true}}
                    ```
                    """)
    @ApiResponse(responseCode = "200", description = "The computed result (fields per instrument, see above)")
    @ApiResponse(responseCode = "400", description = "Invalid answers: problem document with error VALIDATION_ERROR and field",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "Unknown instrument", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ScoringResult> score(
            @Parameter(description = "The instrument", schema = @Schema(allowableValues = { "mmse", "barthel", "barthel-band",
                    "lawton-iadl", "frail", "nrs2002", "zbi", "gbt42195", "gbt42195-level", "hardship-self-care", "care-colour" }))
            @PathVariable String instrument,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Item-level answers (see the examples above)",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody(required = false) String body) {
        ScoringResult result = engine.score(instrument, parse(body));
        return ResponseEntity.ok().header(VERSION_HEADER, ScoringEngine.SCORER_VERSION).body(result);
    }

    /**
     * The body is parsed here rather than by the message converter so that malformed JSON, like any other invalid
     * input, answers a {@code VALIDATION_ERROR} problem (ASSESSMENT.md §0.1), on field {@code "$"} (the whole body).
     * An empty body is an empty object: the first required item is then reported missing.
     */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw ValidationException.of("$", "malformed", "the request body is not valid JSON");
        }
    }
}
