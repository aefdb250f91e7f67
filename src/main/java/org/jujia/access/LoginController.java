package org.jujia.access;

import org.jujia.shared.ValidationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console login page and the signed-in user's own password change. */
@Controller
class LoginController {

    private final UserAccounts accounts;

    LoginController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "access/login";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "access/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal JujiaUser user, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String confirmPassword, Model model) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "access.password.mismatch");
            return "access/password";
        }
        try {
            accounts.changeOwnPassword(user.id(), currentPassword, newPassword);
        } catch (ValidationException e) {
            model.addAttribute("errorText", e.violations().get(0).message());
            return "access/password";
        }
        model.addAttribute("changed", true);
        return "access/password";
    }
}
