package org.jujia.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Voice calls", description = "The daily automated voice call of the basic package: the day's round, outcomes, unanswered streaks")
class VoiceCallApiController {

    private final VoiceCallBoard board;

    VoiceCallApiController(VoiceCallBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/voice-calls")
    @PreAuthorize("hasAuthority('PERM_ELDER_READ') and hasAuthority('PERM_ORDER_READ')")
    @Operation(summary = "The call round of a day (default today, Asia/Shanghai) under my node, optionally of one community",
            description = "Example: /api/v1/voice-calls?date=2026-11-29&community=12. Per call: status (PENDING, ANSWERED, UNANSWERED, "
                    + "FAILED), attempts, last outcome (ANSWERED, NO_ANSWER, BUSY, FAILED), keypad reply, needHelp, the next retry, "
                    + "the run of unanswered days and the last 7 days. Staff only (family members get 403).")
    VoiceCallBoard.Day day(@RequestParam(required = false) String date, @RequestParam(required = false) Long community, Jurisdiction j) {
        return board.day(parse(date, board), community, j);
    }

    static LocalDate parse(String date, VoiceCallBoard board) {
        if (date == null || date.isBlank()) {
            return board.today();
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("date", "voice.date", "a date like 2026-11-29");
        }
    }
}
