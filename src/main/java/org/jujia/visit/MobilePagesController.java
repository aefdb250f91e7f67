package org.jujia.visit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jujia.shared.Jurisdiction;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page shells of the phone web app for caregivers ({@code /m/caregiver}) and families ({@code /m/family}). The
 * pages hold no business logic: their scripts ({@code static/js/mobile-*.js}) call the public REST API with a
 * bearer token from {@code POST /m/token}. The shell carries the user's identity and every {@code mobile.*}
 * message in the request's language as JSON, so the scripts speak the page's language.
 */
@Controller
class MobilePagesController {

    /**
     * Message key prefixes the scripts need → the name they have there: the pages' own {@code mobile.*} keys and the
     * names the console already has for alarm types and states, packages and payers.
     */
    private static final Map<String, String> PREFIXES = Map.of("mobile.", "", "monitoring.type.", "alarmType.",
            "monitoring.status.", "alarmStatus.", "cat.package.", "package.", "cat.payer.", "payer.");
    private static final List<String> BUNDLES = List.of("messages.properties", "i18n/monitoring.properties", "i18n/catalogue.properties");

    private final MessageSource messages;
    private final JsonMapper json;
    private final List<String> keys;

    MobilePagesController(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
        this.keys = mobileKeys();
    }

    /** The keys with those prefixes in the default bundles (the Chinese ones, which the English bundles mirror). */
    private static List<String> mobileKeys() {
        var props = new Properties();
        for (String bundle : BUNDLES) {
            try (var in = new InputStreamReader(new ClassPathResource(bundle).getInputStream(), StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return props.stringPropertyNames().stream().filter(k -> prefixOf(k) != null).sorted().toList();
    }

    private static String prefixOf(String key) {
        return PREFIXES.keySet().stream().filter(key::startsWith).findFirst().orElse(null);
    }

    @GetMapping({ "/m", "/m/" })
    String home(Jurisdiction j) {
        if (j.can("VISIT_PERFORM")) {
            return "redirect:/m/caregiver";
        }
        if (j.can("VISIT_CONFIRM")) {
            return "redirect:/m/family";
        }
        return "redirect:/";
    }

    @GetMapping("/m/caregiver")
    @PreAuthorize("hasAuthority('PERM_VISIT_PERFORM')")
    String caregiver(Model model) {
        return shell("caregiver", model);
    }

    @GetMapping("/m/family")
    @PreAuthorize("hasAuthority('PERM_VISIT_CONFIRM')")
    String family(Model model) {
        return shell("family", model);
    }

    private String shell(String page, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> text = new TreeMap<>();
        keys.forEach(k -> {
            String prefix = prefixOf(k);
            text.put(PREFIXES.get(prefix) + k.substring(prefix.length()), messages.getMessage(k, null, k, locale));
        });
        model.addAttribute("mobilePage", page);
        model.addAttribute("mobileMessages", json.writeValueAsString(text));
        return "mobile/" + page;
    }
}
