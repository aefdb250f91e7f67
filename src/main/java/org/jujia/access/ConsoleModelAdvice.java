package org.jujia.access;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user and their permissions into every console page's model (for navigation by role). */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModelAdvice {

    private final boolean demo;

    ConsoleModelAdvice(org.springframework.core.env.Environment env) {
        this.demo = env.matchesProfiles("demo");
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo;
    }

    record Me(long id, String username, String displayName, Set<String> roles, Set<String> perms) {
        public boolean can(String permission) {
            return perms.contains(permission);
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }

    @ModelAttribute("me")
    Me me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof JujiaUser u) {
            return new Me(u.id(), u.username(), u.displayName(),
                    u.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                    u.permissions().stream().map(Enum::name).collect(Collectors.toSet()));
        }
        return null;
    }

    /** The current page in the other language, keeping its query (e.g. the search filters). */
    @ModelAttribute("langSwitchUrl")
    String langSwitchUrl(jakarta.servlet.http.HttpServletRequest request) {
        String target = english() ? "zh_CN" : "en";
        return org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", target).build().toUriString();
    }

    @ModelAttribute("english")
    boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
