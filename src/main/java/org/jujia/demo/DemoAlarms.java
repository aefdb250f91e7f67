package org.jujia.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.monitoring.AlarmCentre;
import org.jujia.monitoring.Responder;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alarm centre's responder roster for the demo city: every provider caregiver (placed at a residential complex of
 * their provider's street, as if between visits), the community worker at their community centre, and six volunteers
 * ({@code volunteer1} … {@code volunteer6}, password {@code demo123}) living in the first street's communities; about
 * four in five on duty.
 */
@Component
@Profile("demo")
@Order(5)
class DemoAlarms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAlarms.class);
    private static final String[] VOLUNTEERS = { "志愿者 党员 张建华", "志愿者 医学生 林晓", "志愿者 退休教师 顾文英", "志愿者 社区医生 周宁",
            "志愿者 大学生 王一帆", "志愿者 党员 钱国庆" };

    private final AlarmCentre centre;
    private final UserAccounts users;
    private final RegionDirectory regions;
    private final DemoProperties props;
    private final TransactionTemplate tx;

    DemoAlarms(AlarmCentre centre, UserAccounts users, RegionDirectory regions, DemoProperties props, TransactionTemplate tx) {
        this.centre = centre;
        this.users = users;
        this.regions = regions;
        this.props = props;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (centre.hasResponders() || users.findByUsername("caregiver1").isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> generate(new Random(props.seed() + 12)));
        log.info("Demo alarm centre: responders on the roster");
    }

    private void generate(Random rnd) {
        Jurisdiction root = Jurisdiction.system("/");
        for (int i = 1; i <= props.staff(); i++) {
            UserAccount u = users.findByUsername("caregiver" + i).orElse(null);
            if (u == null) {
                continue;
            }
            List<Region> complexes = complexesUnder(u.homeNodeId(), root);
            if (complexes.isEmpty()) {
                continue;
            }
            Region at = complexes.get(rnd.nextInt(complexes.size()));
            centre.registerResponder(u.id(), Responder.Kind.STAFF, jitter(at.latitude(), rnd), jitter(at.longitude(), rnd), rnd.nextInt(100) < 80);
        }
        users.findByUsername("community1").ifPresent(u -> regions.find(u.homeNodeId()).ifPresent(c -> centre.registerResponder(u.id(),
                Responder.Kind.COMMUNITY_WORKER, c.latitude(), c.longitude(), true)));
        Region street1 = regions.findByCode("320508001").orElse(null);
        if (street1 == null) {
            return;
        }
        List<Region> communities = regions.children(street1.id(), root);
        String hash = users.hashPassword("demo123");
        for (int v = 0; v < VOLUNTEERS.length && !communities.isEmpty(); v++) {
            Region community = communities.get(v % communities.size());
            String username = "volunteer" + (v + 1);
            String name = VOLUNTEERS[v];
            long id = users.findByUsername(username).map(UserAccount::id)
                    .orElseGet(() -> users.provision(username, name, hash, community.id(), null, EnumSet.of(Role.VOLUNTEER)));
            centre.registerResponder(id, Responder.Kind.VOLUNTEER, jitter(community.latitude(), rnd), jitter(community.longitude(), rnd),
                    v != 5);
        }
    }

    private List<Region> complexesUnder(long nodeId, Jurisdiction root) {
        List<Region> out = new ArrayList<>();
        for (Region community : regions.children(nodeId, root)) {
            out.addAll(regions.children(community.id(), root));
        }
        if (out.isEmpty()) {
            regions.find(nodeId).filter(r -> r.latitude() != null).ifPresent(out::add);
        }
        return out;
    }

    private static double jitter(Double v, Random rnd) {
        return Math.round(((v == null ? 31.31 : v) + (rnd.nextDouble() - 0.5) * 0.003) * 1_000_000d) / 1_000_000d;
    }
}
