package org.jujia.dispatch;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console page of the daily voice-call round ({@code /voice-calls}). */
@Controller
@PreAuthorize("hasAuthority('PERM_ELDER_READ') and hasAuthority('PERM_ORDER_READ')")
class VoiceCallConsoleController {

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VoiceCallRound.ZONE);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(VoiceCallRound.ZONE);

    private final VoiceCallBoard board;

    VoiceCallConsoleController(VoiceCallBoard board) {
        this.board = board;
    }

    /** Formats times on the page (Asia/Shanghai). */
    public static final class Fmt {
        public String hm(Instant i) {
            return i == null ? "" : HM.format(i);
        }

        public String dt(Instant i) {
            return i == null ? "" : DT.format(i);
        }
    }

    @ExceptionHandler(ValidationException.class)
    String invalid(ValidationException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("error", e.violations().stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        return "error";
    }

    @GetMapping("/voice-calls")
    String page(@RequestParam(required = false) String date, @RequestParam(required = false) Long community, Jurisdiction j, Model model) {
        var day = board.day(VoiceCallApiController.parse(date, board), community, j);
        model.addAttribute("day", day);
        model.addAttribute("community", community);
        model.addAttribute("prev", day.date().minusDays(1));
        model.addAttribute("next", day.date().plusDays(1));
        model.addAttribute("vfmt", new Fmt());
        return "dispatch/voice-calls";
    }
}
