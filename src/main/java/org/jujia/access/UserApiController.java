package org.jujia.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('PERM_USER_ADMIN')")
@Tag(name = "Users", description = "User administration (administrators only, within their jurisdiction)")
class UserApiController {

    private final UserAccounts accounts;

    UserApiController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "Search users under my node")
    PageResult<UserAccount> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Jurisdiction j) {
        return accounts.list(q, page, size, j);
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id, Jurisdiction j) {
        return accounts.get(id, j);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user", description = "Example: {\"username\":\"worker7\",\"displayName\":\"王芳\",\"password\":\"Strong-pass-9\","
            + "\"roles\":[\"COMMUNITY_WORKER\"],\"homeNodeId\":5}")
    UserAccount create(@RequestBody UserAccounts.NewUser input, Jurisdiction j) {
        return accounts.create(input, j);
    }

    @PutMapping("/{id}")
    UserAccount update(@PathVariable long id, @RequestBody UserAccounts.UserChange change, Jurisdiction j) {
        return accounts.update(id, change, j);
    }

    record PasswordReset(String password) {
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password for a user (revokes their tokens)")
    void resetPassword(@PathVariable long id, @RequestBody PasswordReset body, Jurisdiction j) {
        accounts.resetPassword(id, body.password(), j);
    }

    record CertificateInput(String type, String number, String issuer, java.time.LocalDate validFrom, java.time.LocalDate validTo) {
    }

    @GetMapping("/{id}/certificates")
    java.util.List<Certificate> certificates(@PathVariable long id, Jurisdiction j) {
        accounts.get(id, j);
        return accounts.certificates(id);
    }

    @PostMapping("/{id}/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a certificate on a user", description = "Example: {\"type\":\"ASSESSOR\",\"number\":\"SZPG-2026-0107\","
            + "\"issuer\":\"苏州市民政局\",\"validFrom\":\"2026-01-01\",\"validTo\":\"2028-12-31\"}")
    Certificate addCertificate(@PathVariable long id, @RequestBody CertificateInput in, Jurisdiction j) {
        return accounts.addCertificate(id, in.type(), in.number(), in.issuer(), in.validFrom(), in.validTo(), j);
    }

    @PostMapping("/{id}/revoke-tokens")
    @Operation(summary = "Revoke every API token of a user")
    Map<String, Integer> revokeTokens(@PathVariable long id, Jurisdiction j) {
        return Map.of("revoked", accounts.revokeTokens(id, j));
    }
}
