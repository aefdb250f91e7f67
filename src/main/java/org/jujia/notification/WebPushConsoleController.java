package org.jujia.notification;

import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same as {@link WebPushApiController} for the console's pages (session login, CSRF token in a header): the family
 * alarm page's script subscribes the browser here.
 */
@RestController
class WebPushConsoleController {

    private final WebPushApiController api;

    WebPushConsoleController(WebPushApiController api) {
        this.api = api;
    }

    @GetMapping(path = "/me/push", produces = "application/json")
    Map<String, Object> status(Jurisdiction j) {
        return api.status(j);
    }

    @PostMapping(path = "/me/push/subscriptions", consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> subscribe(Jurisdiction j, @RequestBody(required = false) WebPushApiController.SubscriptionBody body,
            @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        return api.subscribe(j, body, userAgent);
    }

    @DeleteMapping("/me/push/subscriptions")
    ResponseEntity<Void> unsubscribe(Jurisdiction j, @RequestParam String endpoint) {
        return api.unsubscribe(j, endpoint);
    }
}
