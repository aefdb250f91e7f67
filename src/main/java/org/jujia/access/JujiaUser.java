package org.jujia.access;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jujia.shared.Jurisdiction;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The authenticated principal, for console sessions and bearer tokens alike. */
record JujiaUser(long id, String username, String displayName, String passwordHash, Set<Role> roles, long homeNodeId,
        String homePath, boolean enabled, Instant lockedUntil) implements UserDetails, java.io.Serializable {

    Set<Permission> permissions() {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions()));
        return all;
    }

    /** Family members (and nobody else) are limited to the elders they are linked to. */
    boolean familyOnly() {
        return roles.contains(Role.FAMILY) && roles.stream().allMatch(r -> r == Role.FAMILY || r == Role.VOLUNTEER);
    }

    Jurisdiction jurisdiction() {
        return new Jurisdiction(id, username, homePath, familyOnly(),
                permissions().stream().map(Enum::name).collect(Collectors.toSet()));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<GrantedAuthority> authorities = new HashSet<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "JujiaUser[" + username + "]";
    }
}
