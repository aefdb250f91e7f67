package org.jujia.support;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.workforce.BackgroundCheck;
import org.jujia.workforce.EmploymentStatus;
import org.jujia.workforce.Staff;
import org.jujia.workforce.StaffRole;
import org.jujia.workforce.Workforce;

/** New caregivers for tests, so that no test changes the demo's people others rely on. */
public final class StaffFixtures {

    public static final Jurisdiction ADMIN = new Jurisdiction(0, "system", "/", false, Set.of("STAFF_READ", "STAFF_ADMIN", "USER_ADMIN"));
    private static final AtomicInteger SEQ = new AtomicInteger();

    private StaffFixtures() {
    }

    /** A new caregiver. */
    public record Fresh(long userId, long staffId, String idNumber) {
    }

    /**
     * A new caregiver account at caregiver1's provider (provider1's organisation) with a level-3 caregiver profile and a
     * staff record (ID number, background check passed, the given shift pattern), hired three months before {@code today};
     * no certificate, no training.
     */
    public static Fresh newCaregiver(UserAccounts users, Workforce workforce, String name, String shiftPattern, LocalDate today) {
        int n = SEQ.incrementAndGet();
        UserAccount cg1 = users.findByUsername("caregiver1").orElseThrow();
        String username = "fixture" + n + "x" + (System.nanoTime() % 100000);
        long user = users.provision(username, name, users.hashPassword("demo123"), cg1.homeNodeId(), cg1.organisationId(), EnumSet.of(Role.CAREGIVER));
        workforce.saveProfile(user, new Workforce.ProfileInput(cg1.organisationId(), CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), null,
                null, null, true), ADMIN);
        long staffId = workforce.staffIdOf(user).orElseThrow();
        String idNumber = ResidentIdNumber.of("320508", LocalDate.of(1980, 1, 1).plusDays(user % 3000), Sex.FEMALE, (int) (user % 1000)).value();
        workforce.updateStaff(staffId, new Staff.Input(user, cg1.organisationId(), null, StaffRole.CAREGIVER, CaregiverLevel.LEVEL_3, name, idNumber,
                EmploymentStatus.ACTIVE, today.minusMonths(3), null, null, null, shiftPattern, today.minusMonths(4), BackgroundCheck.PASSED, 500_000L),
                ADMIN);
        return new Fresh(user, staffId, idNumber);
    }
}
