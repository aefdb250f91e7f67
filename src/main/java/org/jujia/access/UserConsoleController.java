package org.jujia.access;

import java.util.List;
import java.util.Set;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console user administration for administrators, within their jurisdiction. */
@Controller
@PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
class UserConsoleController {

    private final UserAccounts accounts;
    private final RegionDirectory regions;

    UserConsoleController(UserAccounts accounts, RegionDirectory regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Jurisdiction j, Model model) {
        model.addAttribute("result", accounts.list(q, page, 30, j));
        model.addAttribute("q", q);
        model.addAttribute("nodes", regions.tree(j));
        model.addAttribute("roles", Role.values());
        return "access/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            @RequestParam(required = false) Set<Role> roles, @RequestParam Long homeNodeId, Jurisdiction j, RedirectAttributes flash) {
        try {
            accounts.create(new UserAccounts.NewUser(username, displayName, password, roles == null ? Set.of() : roles, homeNodeId, null), j);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Jurisdiction j, Model model) {
        model.addAttribute("user", accounts.get(id, j));
        model.addAttribute("nodes", regions.tree(j));
        model.addAttribute("roles", List.of(Role.values()));
        return "access/user-edit";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam String displayName, @RequestParam(required = false) Set<Role> roles,
            @RequestParam Long homeNodeId, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String newPassword, Jurisdiction j, RedirectAttributes flash) {
        try {
            accounts.update(id, new UserAccounts.UserChange(displayName, roles == null ? Set.of() : roles, homeNodeId, null, enabled), j);
            if (newPassword != null && !newPassword.isBlank()) {
                accounts.resetPassword(id, newPassword, j);
            }
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/admin/users/" + id;
        }
        return "redirect:/admin/users";
    }
}
