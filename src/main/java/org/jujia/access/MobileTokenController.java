package org.jujia.access;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bridge from a console session to the REST API for the phone pages ({@code /m/**}): a signed-in user's page
 * asks {@code POST /m/token} (session cookie + CSRF header, like any console form) for a bearer token of their own,
 * keeps it on the phone and calls {@code /api/v1/**} with it, so actions queued offline can still be sent after the
 * session has ended. The token has the configured API token lifetime ({@code jujia.security.token-ttl}) and is
 * revoked like any other ({@code DELETE /api/v1/auth/token}, a password change revokes all).
 */
@RestController
class MobileTokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    MobileTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record MobileToken(String accessToken, String tokenType, long expiresIn, Instant expiresAt, long userId, String username) {
    }

    @PostMapping("/m/token")
    ResponseEntity<MobileToken> issue(@AuthenticationPrincipal JujiaUser user) {
        Instant now = clock.instant();
        var issued = tokens.issue(user.id());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new MobileToken(issued.token(), "Bearer", issued.expiresInSeconds(), now.plusSeconds(issued.expiresInSeconds()),
                        user.id(), user.username()));
    }
}
