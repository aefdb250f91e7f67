package org.jujia.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jujia.shared.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.authentication.LockedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Bearer tokens for the REST API")
class AuthApiController {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;
    private final UserAccounts accounts;

    AuthApiController(AuthenticationManager authenticationManager, ApiTokens tokens, UserAccounts accounts) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange username and password for a bearer token",
            description = "Example: {\"username\":\"street1\",\"password\":\"demo123\"} → {\"accessToken\":\"…\",\"tokenType\":\"Bearer\",\"expiresIn\":28800}. "
                    + "Repeated failures lock the account for a while.")
    ResponseEntity<?> token(@RequestBody TokenRequest request) {
        new Violations()
                .require(request.username() != null && !request.username().isBlank(), "username", "required", "username is required")
                .require(request.password() != null && !request.password().isEmpty(), "password", "required", "password is required")
                .throwIfAny();
        try {
            var auth = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
            JujiaUser user = (JujiaUser) auth.getPrincipal();
            var issued = tokens.issue(user.id());
            return ResponseEntity.ok(new TokenResponse(issued.token(), "Bearer", issued.expiresInSeconds()));
        } catch (LockedException e) {
            return problem(HttpStatus.UNAUTHORIZED, "locked", "Account locked", "Too many failed logins; try again later");
        } catch (AuthenticationException e) {
            return problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "Bad credentials", "Username or password is wrong");
        }
    }

    @DeleteMapping("/token")
    @Operation(summary = "Revoke the bearer token of this request")
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).trim());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "Who am I: username, roles, permissions and jurisdiction")
    Map<String, Object> me(@AuthenticationPrincipal JujiaUser user) {
        return Map.of("id", user.id(), "username", user.username(), "displayName", user.displayName(),
                "roles", user.roles(), "permissions", user.permissions(), "homeNodeId", user.homeNodeId());
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/password")
    @Operation(summary = "Change my password (revokes all my tokens)")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal JujiaUser user, @RequestBody PasswordChange change) {
        accounts.changeOwnPassword(user.id(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String title, String detail) {
        var body = org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(java.net.URI.create("https://jujia.org/problems/" + type));
        body.setTitle(title);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
