package org.jujia;

import jakarta.servlet.http.HttpServletResponse;
import org.jujia.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Console pages: a record outside the caller's jurisdiction or missing is a plain 404 page. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrorHandler {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("error", "Not Found");
        return "error";
    }
}
