package org.jujia.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The access module's facade: user accounts, their roles and passwords, the current caller. */
@Service
public class UserAccounts {

    private final UserStore store;
    private final RegionDirectory regions;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;

    UserAccounts(UserStore store, RegionDirectory regions, PasswordEncoder encoder, ApiTokens tokens) {
        this.store = store;
        this.regions = regions;
        this.encoder = encoder;
        this.tokens = tokens;
    }

    /** The authenticated caller's jurisdiction (for code that is not a controller). */
    public Jurisdiction currentJurisdiction() {
        return JurisdictionArgumentResolver.current();
    }

    /** The jurisdiction a user has when the platform acts on their behalf later (e.g. a background import job). */
    public Optional<Jurisdiction> jurisdictionOf(String username) {
        return store.principal(username).filter(JujiaUser::isEnabled).map(JujiaUser::jurisdiction);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return store.findByUsername(username);
    }

    public UserAccount get(long id, Jurisdiction j) {
        return store.find(id, j).orElseThrow(() -> new NotFoundException("user", id));
    }

    /**
     * Enabled users with this role whose jurisdiction covers the place with this region path, nearest node first
     * (e.g. the community workers of an elder's community, then of its street): for the platform's own routing of
     * notifications, so not scoped to a caller.
     */
    public List<UserAccount> withRoleCovering(Role role, String placePath) {
        return store.withRoleCovering(role, placePath);
    }

    public PageResult<UserAccount> list(String q, int page, int size, Jurisdiction j) {
        int s = Math.max(1, Math.min(size, 200));
        int p = Math.max(0, page);
        return new PageResult<>(store.list(j, q, s, p * s), p, s, store.count(j, q));
    }

    public long countUsers() {
        return store.count(Jurisdiction.system("/"), null);
    }

    @Transactional
    public UserAccount create(NewUser input, Jurisdiction j) {
        var v = new Violations();
        v.require(input.username() != null && input.username().matches("[a-zA-Z][a-zA-Z0-9._-]{2,63}"), "username", "format",
                "username must be 3-64 letters, digits, '.', '_' or '-', starting with a letter");
        v.require(input.displayName() != null && !input.displayName().isBlank(), "displayName", "required", "display name is required");
        v.require(input.roles() != null && !input.roles().isEmpty(), "roles", "required", "at least one role is required");
        v.require(input.homeNodeId() != null, "homeNodeId", "required", "home node is required");
        PasswordPolicy.problem(input.password(), input.username()).ifPresent(p -> v.add("password", "weak", p));
        v.throwIfAny();
        requireGrantable(input.roles(), j);
        regions.get(input.homeNodeId(), j);
        if (store.usernameTaken(input.username())) {
            throw new ConflictException("username", "username " + input.username() + " is taken");
        }
        long id = store.insert(input.username(), input.displayName().trim(), encoder.encode(input.password()), input.homeNodeId(),
                input.organisationId(), input.roles());
        return get(id, j);
    }

    @Transactional
    public UserAccount update(long id, UserChange change, Jurisdiction j) {
        UserAccount current = get(id, j);
        var v = new Violations();
        v.require(change.displayName() != null && !change.displayName().isBlank(), "displayName", "required", "display name is required");
        v.require(change.roles() != null && !change.roles().isEmpty(), "roles", "required", "at least one role is required");
        v.require(change.homeNodeId() != null, "homeNodeId", "required", "home node is required");
        v.throwIfAny();
        requireGrantable(change.roles(), j);
        regions.get(change.homeNodeId(), j);
        if (current.id() == j.userId() && !change.enabled()) {
            throw ValidationException.of("enabled", "self", "you cannot disable your own account");
        }
        store.update(id, change.displayName().trim(), change.homeNodeId(), change.organisationId(), change.enabled(), change.roles());
        if (!change.enabled()) {
            tokens.revokeAll(id);
        }
        return get(id, j);
    }

    @Transactional
    public void resetPassword(long id, String newPassword, Jurisdiction j) {
        UserAccount user = get(id, j);
        PasswordPolicy.problem(newPassword, user.username()).ifPresent(p -> {
            throw ValidationException.of("password", "weak", p);
        });
        store.setPassword(id, encoder.encode(newPassword));
        tokens.revokeAll(id);
    }

    @Transactional
    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        JujiaUser user = store.principal(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (currentPassword == null || !encoder.matches(currentPassword, store.passwordHash(userId))) {
            throw ValidationException.of("currentPassword", "mismatch", "current password is wrong");
        }
        PasswordPolicy.problem(newPassword, user.username()).ifPresent(p -> {
            throw ValidationException.of("newPassword", "weak", p);
        });
        store.setPassword(userId, encoder.encode(newPassword));
        tokens.revokeAll(userId);
    }

    /** Revokes every API token of a user; answers how many were live. */
    @Transactional
    public int revokeTokens(long id, Jurisdiction j) {
        get(id, j);
        return tokens.revokeAll(id);
    }

    /**
     * Creates an account with an already-hashed password, bypassing the password policy: for the platform's
     * own provisioning (bootstrap administrator, demo accounts), never for user input.
     */
    @Transactional
    public long provision(String username, String displayName, String passwordHash, long homeNodeId, Long organisationId, Set<Role> roles) {
        return store.insert(username, displayName, passwordHash, homeNodeId, organisationId, roles);
    }

    /** The certificates a user holds. */
    public java.util.List<Certificate> certificates(long userId) {
        return store.certificates(userId);
    }

    /** Whether the user holds a certificate of this type valid on the date. */
    public boolean holdsValidCertificate(long userId, String type, java.time.LocalDate date) {
        return store.certificates(userId).stream().anyMatch(c -> c.type().equals(type) && c.validOn(date));
    }

    /** Records a certificate on a user within the caller's jurisdiction. */
    @Transactional
    public Certificate addCertificate(long userId, String type, String number, String issuer, java.time.LocalDate validFrom,
            java.time.LocalDate validTo, Jurisdiction j) {
        get(userId, j);
        new Violations()
                .require(type != null && type.matches("[A-Z_]{2,32}"), "type", "format", "type is required, e.g. ASSESSOR")
                .require(number != null && !number.isBlank(), "number", "required", "certificate number is required")
                .require(validFrom != null, "validFrom", "required", "valid-from date is required")
                .require(validTo != null && (validFrom == null || !validTo.isBefore(validFrom)), "validTo", "range", "valid-to must not be before valid-from")
                .throwIfAny();
        try {
            return store.addCertificate(userId, type, number.trim(), issuer, validFrom, validTo);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("number", "certificate " + number + " is already recorded");
        }
    }

    public String hashPassword(String raw) {
        return encoder.encode(raw);
    }

    boolean passwordMatches(String username, String raw) {
        return store.principal(username).map(u -> encoder.matches(raw, u.passwordHash())).orElse(false);
    }

    /** User administrators grant any role but the system administrator's, which only a system administrator grants. */
    private static void requireGrantable(Set<Role> roles, Jurisdiction j) {
        if (!j.can(Permission.USER_ADMIN.name())) {
            throw ValidationException.of("roles", "not-grantable", "granting roles needs the USER_ADMIN permission");
        }
        if (roles.contains(Role.SYSTEM_ADMIN) && !j.can(Permission.KEY_ADMIN.name())) {
            throw ValidationException.of("roles", "not-grantable", "only a system administrator can grant SYSTEM_ADMIN");
        }
    }

    /** Input for a new user. */
    public record NewUser(String username, String displayName, String password, Set<Role> roles, Long homeNodeId, Long organisationId) {
        public NewUser {
            roles = roles == null ? Set.of() : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
        }
    }

    /** Editable attributes of a user. */
    public record UserChange(String displayName, Set<Role> roles, Long homeNodeId, Long organisationId, boolean enabled) {
    }

    static List<Role> allRoles() {
        return List.of(Role.values());
    }
}
