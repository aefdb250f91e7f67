package org.jujia.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jujia.access.UserAccounts;
import org.jujia.assessment.Assessment;
import org.jujia.assessment.AssessmentManagement;
import org.jujia.assessment.AssessmentReason;
import org.jujia.assessment.AssessmentTask;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.careplan.CarePlanManagement.LineInput;
import org.jujia.careplan.CarePlanStatus;
import org.jujia.careplan.Frequency.Period;
import org.jujia.careplan.SignatureMethod;
import org.jujia.careplan.SignerType;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSummary;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.CareColour;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo city care plans, through the care-plan facade as a street officer would make them: in every community
 * two assessed elders (one in the other streets) with an active plan matching their colour and a signed agreement
 * (drawn signature, fingerprint with witness, or proxy signer); family1's elder with a plan awaiting the family's
 * signature; one draft per street; and, in the first community, an elder whose plan was signed after a decline and
 * who then declined again — an open 48-hour remake task that a newcomer closes by signing version 2. Other elders of
 * the demo assessment history keep their open remake tasks (a first plan closes them too). Deterministic; runs once.
 */
@Component
@Profile("demo")
@Order(2)
class DemoCarePlans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCarePlans.class);

    private final CarePlanManagement plans;
    private final AssessmentManagement assessments;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final UserAccounts users;
    private final DemoProperties props;

    DemoCarePlans(CarePlanManagement plans, AssessmentManagement assessments, ElderRegistry elders, RegionDirectory regions, UserAccounts users,
            DemoProperties props) {
        this.plans = plans;
        this.assessments = assessments;
        this.elders = elders;
        this.regions = regions;
        this.users = users;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        Jurisdiction admin = users.jurisdictionOf("admin").orElse(null);
        Jurisdiction assessor = users.jurisdictionOf("assessor1").orElse(null);
        if (admin == null || assessor == null || plans.counts(admin).values().stream().mapToLong(Long::longValue).sum() > 0) {
            return;
        }
        long started = System.nanoTime();
        Random rnd = new Random(props.seed() + 2);
        Set<Long> withOpenRemake = new HashSet<>();
        assessments.tasks(AssessmentTask.Kind.CARE_PLAN_REMAKE, AssessmentTask.Status.OPEN, false, admin).forEach(t -> withOpenRemake.add(t.elderId()));
        long familyElder = familyElder(admin);
        int active = 0;
        int awaiting = 0;
        int drafts = 0;
        boolean storyDone = false;
        List<Region> communities = regions.ofLevel(RegionLevel.COMMUNITY, admin);
        for (int c = 0; c < communities.size(); c++) {
            Region community = communities.get(c);
            boolean firstStreet = community.code().startsWith("320508001");
            List<ElderSummary> all = elders.search(new ElderSearch(null, null, null, community.code(), null, null, null, null, null,
                    org.jujia.elder.ElderStatus.ACTIVE, null, null, 0, 100, "id"), admin).content().stream()
                    .filter(e -> e.id() != familyElder).toList();
            List<ElderSummary> assessed = all.stream().filter(e -> e.careColour() != null).toList();
            int want = firstStreet ? 2 : 1;
            int made = 0;
            for (ElderSummary e : assessed) {
                if (made >= want) {
                    break;
                }
                if (withOpenRemake.contains(e.id())) {
                    continue;
                }
                signActive(e, admin, made, rnd);
                made++;
                active++;
            }
            // the remake story: a signed plan, then a further decline in the first community
            if (!storyDone && firstStreet) {
                for (ElderSummary e : assessed) {
                    if (!withOpenRemake.contains(e.id()) && plans.history(e.id(), admin).isEmpty() && declineAgain(e, assessor, true)) {
                        signActive(e, admin, 2, rnd);
                        if (declineAgain(e, assessor, false)) {
                            storyDone = true;
                            active++;
                            log.info("Demo care plans: elder {} ({}) has an active plan and an open 48-hour remake task", e.id(), e.name());
                            break;
                        }
                    }
                }
            }
            // a draft per street, in its first community
            if (community.code().endsWith("001")) {
                for (ElderSummary e : all) {
                    if (plans.history(e.id(), admin).isEmpty() && !withOpenRemake.contains(e.id())) {
                        CarePlan d = plans.draft(e.id(), new CarePlanManagement.NewPlan(provider(e.id(), admin), "社区走访后初拟", true), admin);
                        plans.replaceLines(d.id(), lines(e.careColour(), 0), admin);
                        drafts++;
                        break;
                    }
                }
            }
        }
        if (familyElder > 0 && plans.history(familyElder, admin).isEmpty()) {
            CarePlan d = plans.draft(familyElder, new CarePlanManagement.NewPlan(provider(familyElder, admin), "待家属李强签署", true), admin);
            plans.replaceLines(d.id(), List.of(
                    line("MEAL_LUNCH", 1, Period.DAY, List.of(), "11:00", "12:30", null),
                    line("HOME_VISIT", 1, Period.WEEK, List.of(3), "09:00", "11:00", null),
                    line("VOICE_CALL", 1, Period.DAY, List.of(), "09:00", "10:00", null),
                    line("EMERGENCY_BUTTON", 1, Period.MONTH, List.of(), "00:00", "23:59", null)), admin);
            consentIfNeeded(d.id(), "李强", admin);
            plans.submit(d.id(), admin);
            awaiting++;
        }
        log.info("Demo care plans generated in {} ms: {} active with signed agreements, {} awaiting signature, {} drafts",
                (System.nanoTime() - started) / 1_000_000, active, awaiting, drafts);
    }

    private void signActive(ElderSummary e, Jurisdiction admin, int variant, Random rnd) {
        CarePlan d = plans.draft(e.id(), new CarePlanManagement.NewPlan(provider(e.id(), admin), null, true), admin);
        plans.replaceLines(d.id(), lines(e.careColour(), variant), admin);
        String family = e.name().substring(0, 1) + (rnd.nextBoolean() ? "伟" : "芳");
        consentIfNeeded(d.id(), family, admin);
        plans.submit(d.id(), admin);
        SignatureMethod method = switch (variant % 3) {
            case 0 -> SignatureMethod.DRAWN;
            case 1 -> SignatureMethod.FINGERPRINT;
            default -> SignatureMethod.PROXY;
        };
        plans.sign(d.id(), new CarePlanManagement.SignInput(method == SignatureMethod.DRAWN ? SignerType.GUARDIAN : SignerType.ELDER,
                method == SignatureMethod.PROXY ? family : method == SignatureMethod.FINGERPRINT ? e.name() : family, method,
                method == SignatureMethod.DRAWN ? signature(rnd) : null, method == SignatureMethod.DRAWN ? null : "社区社工 王丽"), admin);
    }

    private void consentIfNeeded(long planId, String family, Jurisdiction j) {
        CarePlan p = plans.get(planId, j);
        if (p.needsConsent()) {
            plans.recordConsent(planId, new CarePlanManagement.ConsentInput(family, "子女", p.excessFen()), j);
        }
    }

    /** Lines that suit the elder's colour; variants add an upgrade or a self-paid extra (which needs the family's consent). */
    static List<LineInput> lines(CareColour colour, int variant) {
        List<LineInput> l = new ArrayList<>();
        CareColour c = colour == null ? CareColour.GREEN : colour;
        l.add(line("VOICE_CALL", 1, Period.DAY, List.of(), "09:00", "10:00", null));
        l.add(line("HOME_VISIT", 1, Period.WEEK, List.of(1 + variant % 5), "09:00", "11:30", null));
        if (c != CareColour.GREEN) {
            l.add(line("MEAL_LUNCH", 1, Period.DAY, List.of(), "11:00", "12:30", null));
            l.add(line("ERRAND", 4, Period.MONTH, List.of(), "14:00", "17:00", null));
        }
        if (c == CareColour.ORANGE || c == CareColour.RED) {
            l.add(line("CLEANING_HOME", 1, Period.WEEK, List.of(3), "09:00", "11:00", 90));
            l.add(line("BATHING_HOME", 2, Period.MONTH, List.of(), "14:00", "16:00", 60));
        }
        if (c == CareColour.RED) {
            l.add(line("NURSE_ROUND", 2, Period.WEEK, List.of(2, 5), "15:00", "16:30", null));
            l.add(line("EMERGENCY_BUTTON", 1, Period.MONTH, List.of(), "00:00", "23:59", null));
        }
        if (variant == 1) {
            // a second weekly home visit beyond the entitlement: self-paid, with the family's consent
            l.set(1, line("HOME_VISIT", 2, Period.WEEK, List.of(2, 5), "09:00", "11:30", null));
        }
        return l;
    }

    static LineInput line(String item, int count, Period period, List<Integer> weekdays, String from, String to, Integer minutes) {
        return new LineInput(item, count, period, weekdays, LocalTime.parse(from), LocalTime.parse(to), minutes);
    }

    private long provider(long elderId, Jurisdiction j) {
        return plans.providersFor(elderId, j).get(0).id();
    }

    private long familyElder(Jurisdiction admin) {
        Jurisdiction family = users.jurisdictionOf("family1").orElse(null);
        if (family == null) {
            return -1;
        }
        return elders.search(ElderSearch.all(), family).content().stream().findFirst().map(ElderSummary::id).orElse(-1L);
    }

    /**
     * Signs a reassessment of the elder with Barthel items 10+ points lower than the latest signed assessment (the
     * 10-point rule opens a remake task); {@code check} only answers whether that is possible.
     */
    private boolean declineAgain(ElderSummary e, Jurisdiction assessor, boolean check) {
        List<Assessment> history = assessments.history(e.id(), assessor);
        Assessment latest = history.stream().filter(Assessment::signed).findFirst().orElse(null);
        if (latest == null || latest.barthelTotal() < 40) {
            return false;
        }
        if (check) {
            return true;
        }
        Map<String, Object> answers = new HashMap<>(latest.answers());
        @SuppressWarnings("unchecked")
        Map<String, Object> barthel = new LinkedHashMap<>((Map<String, Object>) answers.get("barthel"));
        int dropped = 0;
        for (String k : List.of("transfer", "mobility", "feeding", "dressing", "toiletUse", "stairs", "bowels", "bladder")) {
            int v = ((Number) barthel.get(k)).intValue();
            if (dropped < 15 && v >= 5) {
                barthel.put(k, v - 5);
                dropped += 5;
            }
        }
        answers.put("barthel", barthel);
        var input = new AssessmentManagement.AssessmentInput("老人家中", assessments.now().minus(Duration.ofHours(3)), AssessmentReason.SCHEDULED, null,
                answers);
        Assessment draft = assessments.draft(e.id(), input, assessor);
        assessments.sign(draft.id(), assessor);
        return true;
    }

    /** A handwritten-looking signature (deterministic strokes), as the signature pad would send it. */
    static String signature(Random rnd) {
        BufferedImage img = new BufferedImage(360, 140, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1a, 0x1a, 0x2e));
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int s = 0; s < 3; s++) {
            int x0 = 30 + s * 105;
            int px = x0;
            int py = 70 + rnd.nextInt(20);
            for (int k = 1; k <= 12; k++) {
                int x = x0 + k * 7;
                int y = 40 + rnd.nextInt(60);
                g.drawLine(px, py, x, y);
                px = x;
                py = y;
            }
        }
        g.dispose();
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
