package org.jujia.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.jujia.workforce.Workforce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workforce profiles for the demo caregivers: most are 养老护理员 at level 4 or 3 (a few at 2 or 5), every fifth is
 * also a registered nurse, every seventh a rehabilitation therapist, every eleventh a social worker; each starts the
 * day at the provider's station in their street, had a background check, and has a face photo enrolled (a drawn
 * portrait card, so the demo face simulator has something to compare against).
 */
@Component
@Profile("demo")
@Order(3)
class DemoWorkforce implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkforce.class);
    private static final Set<String> ADMIN = Set.of("STAFF_READ", "STAFF_ADMIN", "USER_ADMIN");

    private final Workforce workforce;
    private final UserAccounts users;
    private final RegionDirectory regions;
    private final DemoProperties props;
    private final TransactionTemplate tx;

    DemoWorkforce(Workforce workforce, UserAccounts users, RegionDirectory regions, DemoProperties props, TransactionTemplate tx) {
        this.workforce = workforce;
        this.users = users;
        this.regions = regions;
        this.props = props;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        UserAccount first = users.findByUsername("caregiver1").orElse(null);
        if (first == null || workforce.caregiver(first.id()).isPresent()) {
            return;
        }
        int n = tx.execute(s -> generate(new Random(props.seed() + 21)));
        log.info("Demo workforce: {} caregiver profiles with enrolled faces", n);
    }

    private int generate(Random rnd) {
        Jurisdiction admin = new Jurisdiction(0, "system", "/", false, ADMIN);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int count = 0;
        for (int i = 1; i <= props.staff(); i++) {
            UserAccount u = users.findByUsername("caregiver" + i).orElse(null);
            if (u == null || u.organisationId() == null) {
                continue;
            }
            Set<Qualification> quals = EnumSet.of(Qualification.CAREGIVER);
            if (i % 5 == 0) {
                quals.add(Qualification.NURSE);
            }
            if (i % 7 == 0) {
                quals.add(Qualification.REHAB_THERAPIST);
            }
            if (i % 11 == 0) {
                quals.add(Qualification.SOCIAL_WORKER);
            }
            int roll = rnd.nextInt(100);
            CaregiverLevel level = i == 1 ? CaregiverLevel.LEVEL_3 : roll < 8 ? CaregiverLevel.LEVEL_5 : roll < 55 ? CaregiverLevel.LEVEL_4
                    : roll < 92 ? CaregiverLevel.LEVEL_3 : CaregiverLevel.LEVEL_2;
            Region street = regions.find(u.homeNodeId()).orElse(null);
            Double lat = street == null ? null : street.latitude();
            Double lon = street == null ? null : street.longitude();
            workforce.saveProfile(u.id(), new Workforce.ProfileInput(u.organisationId(), level, quals, lat, lon,
                    today.minusDays(30 + rnd.nextInt(700)), true), admin);
            workforce.enrolFace(u.id(), portrait(u.displayName(), rnd), admin);
            count++;
        }
        return count;
    }

    /** A small JPEG portrait card: a coloured head-and-shoulders silhouette with the caregiver's surname. */
    static byte[] portrait(String name, Random rnd) {
        BufferedImage img = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(225, 232, 240));
            g.fillRect(0, 0, 240, 320);
            g.setColor(new Color(60 + rnd.nextInt(120), 80 + rnd.nextInt(100), 120 + rnd.nextInt(100)));
            g.fillOval(30, 200, 180, 200);
            g.setColor(new Color(240, 205, 170));
            g.fillOval(70, 60, 100, 130);
            g.setColor(new Color(40, 30, 25));
            g.setStroke(new BasicStroke(3));
            g.fillArc(65, 50, 110, 70, 0, 180);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            String label = name == null || name.isBlank() ? "?" : name.substring(name.lastIndexOf(' ') + 1);
            g.drawString(label, 12, 24);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
