package org.jujia.access;

import java.util.EnumSet;
import java.util.List;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile: refuses to start while any account still has a default password (such as the demo
 * accounts' {@code demo123}), and on an empty database creates the first administrator from
 * {@code JUJIA_ADMIN_PASSWORD} (which must pass the password policy) at the root of the region tree.
 */
@Component
@Profile("!demo")
@Order(-10)
class BootstrapAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAccounts.class);
    static final List<String> DEMO_USERNAMES = List.of("admin", "street1", "street2", "community1", "assessor1", "provider1",
            "caregiver1", "family1", "operator1");

    private final UserStore users;
    private final UserAccounts accounts;
    private final RegionDirectory regions;
    private final PasswordEncoder encoder;
    private final String adminPassword;

    BootstrapAccounts(UserStore users, UserAccounts accounts, RegionDirectory regions, PasswordEncoder encoder,
            @Value("${jujia.bootstrap.admin-password:}") String adminPassword) {
        this.users = users;
        this.accounts = accounts;
        this.regions = regions;
        this.encoder = encoder;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        refuseDefaultPasswords();
        if (accounts.countUsers() == 0) {
            createFirstAdministrator();
        }
    }

    void refuseDefaultPasswords() {
        for (String name : DEMO_USERNAMES) {
            users.principal(name).ifPresent(u -> {
                for (String weak : List.of("demo123", "admin", "password", "123456", "admin123")) {
                    if (encoder.matches(weak, u.passwordHash())) {
                        throw new IllegalStateException("Refusing to start: account '" + name + "' still has a default password. "
                                + "Run with the demo profile, or change that password first.");
                    }
                }
            });
        }
    }

    void createFirstAdministrator() {
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalStateException("Refusing to start: the database has no users. Set JUJIA_ADMIN_PASSWORD to create the first "
                    + "administrator ('admin'), or run with the demo profile.");
        }
        PasswordPolicy.problem(adminPassword, "admin").ifPresent(p -> {
            throw new IllegalStateException("Refusing to start: JUJIA_ADMIN_PASSWORD is not acceptable (" + p + ")");
        });
        var root = regions.ofLevel(RegionLevel.CITY, Jurisdiction.system("/")).stream().findFirst()
                .orElseGet(() -> regions.create(new RegionDirectory.NewRegion("000000", "本市", "City", RegionLevel.CITY, null, null, null),
                        Jurisdiction.system("/")));
        accounts.provision("admin", "System administrator", encoder.encode(adminPassword), root.id(), null,
                EnumSet.of(Role.SYSTEM_ADMIN, Role.CIVIL_AFFAIRS));
        log.warn("Created the first administrator 'admin' at {}; change its password after the first login", root.name());
    }
}
