package org.jujia.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assessments", description = "Assessments of elders, care colour, reassessment and care-plan remake tasks")
class AssessmentApiController {

    private final AssessmentManagement assessments;

    AssessmentApiController(AssessmentManagement assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/api/v1/elders/{elderId}/assessments")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    @Operation(summary = "Start an assessment (draft) from item-level answers; scores are computed, never accepted",
            description = """
                    Needs a valid assessor certificate. Example: {"place":"老人家中","reason":"INITIAL","answers":{
                    "mmse":{"timeOrientation":4,"placeOrientation":5,"registration":3,"attentionCalculation":3,"recall":2,"naming":2,"repetition":1,
                    "threeStepCommand":3,"reading":1,"writing":1,"copying":1,"education":"PRIMARY"},
                    "barthel":{"feeding":10,"bathing":0,"grooming":5,"dressing":5,"bowels":10,"bladder":10,"toiletUse":5,"transfer":10,"mobility":10,"stairs":5},
                    "iadl":{"telephone":"A","shopping":"B","foodPreparation":"C","housekeeping":"B","laundry":"B","transportation":"C","medication":"A","finances":"A"},
                    "frail":{"fatigue":true,"resistance":false,"ambulation":true,"illnessCount":3,"weightLossOver5Percent":false},
                    "nrs2002":{"initial":{"lowBmi":false,"weightLoss3Months":false,"reducedIntakeLastWeek":true,"severelyIll":false},
                               "final":{"nutritionalStatusScore":1,"diseaseSeverityScore":1,"age":78}}}}
                    A correction names {"correctsId": <signed assessment id>}.""")
    ResponseEntity<Assessment> draft(@PathVariable long elderId, @RequestBody AssessmentManagement.AssessmentInput input, Jurisdiction j) {
        Assessment a = assessments.draft(elderId, input, j);
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + a.id())).body(a);
    }

    @GetMapping("/api/v1/elders/{elderId}/assessments")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_READ')")
    @Operation(summary = "Assessment history of an elder, newest first (Barthel total, GB/T total, colour over time)")
    List<Assessment> history(@PathVariable long elderId, Jurisdiction j) {
        return assessments.history(elderId, j);
    }

    @GetMapping("/api/v1/assessments/{id}")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_READ')")
    Assessment get(@PathVariable long id, Jurisdiction j) {
        return assessments.get(id, j);
    }

    @PutMapping("/api/v1/assessments/{id}")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    @Operation(summary = "Change a draft's answers (signed assessments are immutable: 409)")
    Assessment update(@PathVariable long id, @RequestBody AssessmentManagement.AssessmentInput input, Jurisdiction j) {
        return assessments.updateDraft(id, input, j);
    }

    @PostMapping("/api/v1/assessments/{id}/sign")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    @Operation(summary = "Sign a draft: immutable from now on; updates the elder's care colour and reassessment date; may open a 48-hour care-plan remake task")
    Assessment sign(@PathVariable long id, Jurisdiction j) {
        return assessments.sign(id, j);
    }

    record HealthEvent(HealthEventType type, LocalDate occurredOn, String note) {
    }

    @PostMapping("/api/v1/elders/{elderId}/health-events")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    @Operation(summary = "Record a hospital admission, fall or major illness: opens an immediate reassessment task",
            description = "Example: {\"type\":\"FALL\",\"occurredOn\":\"2026-11-20\",\"note\":\"卫生间跌倒，左髋疼痛\"}")
    AssessmentTask healthEvent(@PathVariable long elderId, @RequestBody HealthEvent event, Jurisdiction j) {
        return assessments.recordHealthEvent(elderId, event.type(), event.occurredOn(), event.note(), j);
    }

    @GetMapping("/api/v1/assessment-tasks")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_READ')")
    @Operation(summary = "Reassessment and care-plan remake tasks under my node", description = "Example: ?kind=CARE_PLAN_REMAKE&status=OPEN&overdue=true")
    List<AssessmentTask> tasks(@RequestParam(required = false) AssessmentTask.Kind kind, @RequestParam(required = false) AssessmentTask.Status status,
            @RequestParam(defaultValue = "false") boolean overdue, Jurisdiction j) {
        return assessments.tasks(kind, status, overdue, j);
    }

    record TaskDone(String note) {
    }

    @PostMapping("/api/v1/assessment-tasks/{id}/done")
    @PreAuthorize("hasAuthority('PERM_TASK_MANAGE')")
    AssessmentTask done(@PathVariable long id, @RequestBody TaskDone body, Jurisdiction j) {
        return assessments.completeTask(id, body.note(), j);
    }
}
