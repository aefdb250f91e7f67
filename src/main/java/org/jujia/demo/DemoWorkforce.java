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
import java.util.List;
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
 *
 * <p>Behind each profile a staff record (name and ID number sealed), certificates (a few expiring within weeks, one
 * today, one expired), pre-job training and the monthly in-service training of the last six months (some months
 * missed). Four more caregiver accounts are not assignable on purpose: {@code trainee1} is half an hour short of the
 * 160 pre-job hours, {@code lapsed1}'s caregiver certificate expired five days ago, {@code unchecked1}'s background
 * check is pending; {@code suspect1} is proposed for the blacklist, confirmed by {@code street1} and {@code police1}
 * and waiting for civil affairs ({@code admin}). Each provider also employs nurses, therapists, social workers and data operators —
 * the third provider one community nurse too few for its red and orange elders — and the ratio history has the last
 * six months.
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
    private final java.time.Clock clock;

    DemoWorkforce(Workforce workforce, UserAccounts users, RegionDirectory regions, DemoProperties props, TransactionTemplate tx,
            java.time.Clock clock) {
        this.clock = clock;
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
        long t0 = System.nanoTime();
        int n = tx.execute(s -> generate(new Random(props.seed() + 21)));
        int staff = tx.execute(s -> staffRecords(new Random(props.seed() + 22)));
        log.info("Demo workforce in {} ms: {} caregiver profiles with enrolled faces, {} staff records with certificates and training",
                (System.nanoTime() - t0) / 1_000_000, n, staff);
    }

    /** The demo's deliberately non-assignable caregivers (not caregiver1..n, which the tests and the demo orders rely on). */
    static final String TRAINEE = "trainee1";
    static final String LAPSED = "lapsed1";
    static final String UNCHECKED = "unchecked1";
    static final String SUSPECT = "suspect1";
    private static final String[][] SPECIAL = { { TRAINEE, "见习护理员 方小雨" }, { LAPSED, "护理员 严春梅" }, { UNCHECKED, "新入职护理员 柏宇" },
            { SUSPECT, "护理员 封立新" } };

    private List<String> usernames() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i <= props.staff(); i++) {
            out.add("caregiver" + i);
        }
        for (String[] sp : SPECIAL) {
            out.add(sp[0]);
        }
        return out;
    }

    /** The four special caregivers' accounts, at the providers of caregiver1..3 (the suspect at caregiver1's). */
    private void provisionSpecialCases() {
        String hash = users.hashPassword("demo123");
        for (int k = 0; k < SPECIAL.length; k++) {
            if (users.findByUsername(SPECIAL[k][0]).isPresent()) {
                continue;
            }
            UserAccount like = users.findByUsername("caregiver" + (1 + k % 3)).orElse(null);
            if (like != null) {
                users.provision(SPECIAL[k][0], SPECIAL[k][1], hash, like.homeNodeId(), like.organisationId(), EnumSet.of(org.jujia.access.Role.CAREGIVER));
            }
        }
    }

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢".split("");
    private static final String[] GIVEN = { "敏", "静", "丽", "婷", "芳", "娟", "霞", "燕", "红", "伟", "磊", "军", "洋", "勇", "杰", "涛", "明", "超",
            "秀梅", "海燕", "晓红", "春花", "建华", "志强", "文静", "雪梅" };
    private static final String[] SHIFTS = { "白班 08:00-17:00", "早班 07:00-15:00", "晚班 14:00-22:00", "做五休二", "两班倒" };
    private static final Set<String> DEMO_ADMIN = Set.of("STAFF_READ", "STAFF_ADMIN", "USER_ADMIN", "BLACKLIST_CONFIRM");

    /** Staff records, certificates, training, promotions, the other professions, a blacklist case and the ratio history. */
    private int staffRecords(Random rnd) {
        Jurisdiction admin = new Jurisdiction(0, "system", "/", false, DEMO_ADMIN);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        java.time.Instant now = clock.instant();
        int count = 0;
        java.util.Set<String> usedIds = new java.util.HashSet<>();
        List<String> names = usernames();
        for (int i = 1; i <= names.size(); i++) {
            String username = names.get(i - 1);
            UserAccount u = users.findByUsername(username).orElse(null);
            if (u == null) {
                continue;
            }
            var profile = workforce.caregiver(u.id()).orElse(null);
            Long staffId = workforce.staffIdOf(u.id()).orElse(null);
            if (profile == null || staffId == null) {
                continue;
            }
            // the first caregivers have been there longest (the ITs use them); the last ones joined this year
            boolean special = !username.startsWith("caregiver");
            LocalDate hired = !special && i <= 40 ? today.minusDays(400 + rnd.nextInt(900)) : today.minusDays(45 + rnd.nextInt(200));
            boolean female = rnd.nextInt(100) < 80;
            String idNumber = uniqueId(rnd, today.minusYears(24 + rnd.nextInt(30)), female, usedIds);
            workforce.updateStaff(staffId, new org.jujia.workforce.Staff.Input(u.id(), u.organisationId(), null,
                    org.jujia.workforce.StaffRole.CAREGIVER, profile.level(), u.displayName(), idNumber, org.jujia.workforce.EmploymentStatus.ACTIVE,
                    hired, null, profile.base() == null ? null : profile.base().latitude() + (rnd.nextDouble() - 0.5) * 0.02,
                    profile.base() == null ? null : profile.base().longitude() + (rnd.nextDouble() - 0.5) * 0.02, SHIFTS[rnd.nextInt(SHIFTS.length)],
                    hired.minusDays(10 + rnd.nextInt(20)), username.equals(UNCHECKED) ? org.jujia.workforce.BackgroundCheck.PENDING : org.jujia.workforce.BackgroundCheck.PASSED,
                    480_000L + 10_000L * rnd.nextInt(12)), admin);
            // certificates: the caregiver certificate of the profile's level; expiring soon for some, today for one, expired for one
            LocalDate validTo = username.equals(LAPSED) ? today.minusDays(5) : i == 6 ? today.plusDays(75) : i % 12 == 0 ? today.plusDays(10 + rnd.nextInt(40))
                    : hired.plusYears(4).isAfter(today.plusDays(90)) ? hired.plusYears(4) : today.plusYears(2);
            workforce.addCertificate(staffId, new org.jujia.workforce.Staff.CertificateInput("CAREGIVER", "YL-3205-" + (20000 + i * 7),
                    profile.level(), "苏州市人力资源和社会保障局", hired.minusMonths(2), validTo), admin);
            int cert = 1;
            for (var q : profile.qualifications()) {
                if (q != Qualification.CAREGIVER) {
                    workforce.addCertificate(staffId, new org.jujia.workforce.Staff.CertificateInput(q.name(), q.name().substring(0, 2) + "-" + (3100 + i * 13 + cert++),
                            null, q == Qualification.NURSE ? "江苏省卫生健康委员会" : "江苏省民政厅", hired.minusYears(1), today.plusYears(3)), admin);
                }
            }
            preJob(staffId, hired, username.equals(TRAINEE), now, admin);
            inService(staffId, hired, today, i, rnd, now, admin);
            if (i % 9 == 0 && !special && i <= 40) {
                workforce.promote(staffId, new org.jujia.workforce.Staff.PromotionInput(hired.plusYears(1), "年度考核优秀，晋升高级护理员"), admin);
            }
            count++;
        }
        count += otherProfessions(rnd, today, usedIds, admin);
        blacklistCase(admin);
        for (int m = 5; m >= 0; m--) {
            java.time.YearMonth month = java.time.YearMonth.from(today).minusMonths(m);
            workforce.snapshotRatios(month, m == 0 ? today : month.atEndOfMonth());
        }
        return count;
    }

    private String uniqueId(Random rnd, LocalDate birth, boolean female, java.util.Set<String> used) {
        String id;
        do {
            id = org.jujia.shared.ResidentIdNumber.of("320508", birth, female ? org.jujia.shared.Sex.FEMALE : org.jujia.shared.Sex.MALE,
                    rnd.nextInt(1000)).value();
        } while (!used.add(id));
        return id;
    }

    private static final String[][] PRE_JOB = { { "PJ-LAW", "1440" }, { "PJ-PSY", "1440" }, { "PJ-FIRSTAID", "1920" }, { "PJ-TURNING", "1440" },
            { "PJ-HEIMLICH", "1440" }, { "PJ-AED", "1920" } };

    /** The six pre-job modules in the weeks before the hire date; {@code halfHourShort}: the AED practical 30 minutes short. */
    private void preJob(long staffId, LocalDate hired, boolean halfHourShort, java.time.Instant now, Jurisdiction admin) {
        for (int k = 0; k < PRE_JOB.length; k++) {
            LocalDate on = hired.minusDays(30 - k * 5L);
            int minutes = Integer.parseInt(PRE_JOB[k][1]) - (halfHourShort && k == 5 ? 30 : 0);
            boolean exam = k >= 3;
            workforce.recordAttendance(staffId, new org.jujia.workforce.Staff.AttendanceInput(PRE_JOB[k][0], on, minutes,
                    on.atTime(8, 55).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), exam ? Boolean.TRUE : null), admin);
        }
    }

    /** The monthly in-service course over the last twelve months since hiring; a few caregivers missed a month or more. */
    private void inService(long staffId, LocalDate hired, LocalDate today, int i, Random rnd, java.time.Instant now, Jurisdiction admin) {
        java.time.YearMonth first = java.time.YearMonth.from(hired).plusMonths(1);
        for (int m = 12; m >= 1; m--) {
            java.time.YearMonth month = java.time.YearMonth.from(today).minusMonths(m);
            if (month.isBefore(first) || (i % 7 == 3 && m % 4 == 0) || (i % 13 == 5 && m == 2)) {
                continue;
            }
            LocalDate on = month.atDay(10 + rnd.nextInt(15));
            workforce.recordAttendance(staffId, new org.jujia.workforce.Staff.AttendanceInput("IS-MONTHLY", on, 240,
                    on.atTime(14, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), null), admin);
        }
    }

    /**
     * Nurses, rehab therapists, social workers and data operators per provider, as many as its red and orange elders
     * need (and level-3+ caregivers without an app account where the accounts fall short) — except the third provider,
     * one community nurse short.
     */
    private int otherProfessions(Random rnd, LocalDate today, java.util.Set<String> usedIds, Jurisdiction admin) {
        List<org.jujia.workforce.Staff.RatioLine> lines = workforce.ratioReport(today, admin).stream().filter(l -> l.streetId() == null).toList();
        List<Long> providers = lines.stream().map(org.jujia.workforce.Staff.RatioLine::providerId).distinct().sorted().toList();
        int count = 0;
        for (int p = 0; p < providers.size(); p++) {
            long provider = providers.get(p);
            for (var line : lines) {
                if (line.providerId() != provider) {
                    continue;
                }
                int add = line.shortfall() + ("COMMUNITY_NURSE".equals(line.role()) && p == 2 ? -1 : 0);
                for (int k = 0; k < add; k++) {
                    org.jujia.workforce.StaffRole role = "CAREGIVER_L3".equals(line.role()) ? org.jujia.workforce.StaffRole.CAREGIVER
                            : org.jujia.workforce.StaffRole.valueOf(line.role());
                    boolean female = rnd.nextInt(100) < 70;
                    LocalDate hired = today.minusDays(300 + rnd.nextInt(1500));
                    var m = workforce.createStaff(new org.jujia.workforce.Staff.Input(null, provider, null, role,
                            role == org.jujia.workforce.StaffRole.CAREGIVER ? CaregiverLevel.LEVEL_3 : null,
                            SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)], uniqueId(rnd, today.minusYears(25 + rnd.nextInt(25)),
                                    female, usedIds), org.jujia.workforce.EmploymentStatus.ACTIVE, hired, null, null, null, SHIFTS[rnd.nextInt(SHIFTS.length)],
                            hired.minusDays(15), org.jujia.workforce.BackgroundCheck.PASSED, 520_000L + 20_000L * rnd.nextInt(10)), admin);
                    String type = switch (role) {
                        case CAREGIVER -> "CAREGIVER";
                        case COMMUNITY_NURSE -> "NURSE";
                        case REHAB_THERAPIST -> "REHAB_THERAPIST";
                        case SOCIAL_WORKER -> "SOCIAL_WORKER";
                        default -> null;
                    };
                    if (type != null) {
                        workforce.addCertificate(m.id(), new org.jujia.workforce.Staff.CertificateInput(type, type.substring(0, 2) + "-" + (700000 + m.id()),
                                role == org.jujia.workforce.StaffRole.CAREGIVER ? CaregiverLevel.LEVEL_3 : null,
                                role == org.jujia.workforce.StaffRole.COMMUNITY_NURSE ? "江苏省卫生健康委员会" : "江苏省民政厅", hired.minusYears(1),
                                today.plusDays(k == 0 && p == 1 ? 20 : 900)), admin);
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /** suspect1: a fake-service finding, proposed with evidence and confirmed by street1 and police1, awaiting civil affairs. */
    private void blacklistCase(Jurisdiction admin) {
        UserAccount u = users.findByUsername(SUSPECT).orElse(null);
        UserAccount street = users.findByUsername("street1").orElse(null);
        UserAccount police = users.findByUsername("police1").orElse(null);
        if (u == null || street == null || police == null || workforce.staffIdOf(u.id()).isEmpty()) {
            return;
        }
        var c = workforce.proposeBlacklist(new org.jujia.workforce.Staff.ProposalInput(null, workforce.staffIdOf(u.id()).get(), "MANUAL",
                "虚假服务：连续 3 次未上门却提交服务记录并代签",
                "家属投诉 3 起；GPS 轨迹显示签到时不在老人家中；社区走访笔录（平江新村社区，2 份）"), admin);
        workforce.confirmBlacklist(c.id(), "STREET", "已核实走访笔录", users.jurisdictionOf("street1").orElseThrow());
        workforce.confirmBlacklist(c.id(), "POLICE", "经调查情况属实", users.jurisdictionOf("police1").orElseThrow());
    }

    private int generate(Random rnd) {
        Jurisdiction admin = new Jurisdiction(0, "system", "/", false, ADMIN);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int count = 0;
        provisionSpecialCases();
        List<String> names = usernames();
        for (int i = 1; i <= names.size(); i++) {
            UserAccount u = users.findByUsername(names.get(i - 1)).orElse(null);
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
