package org.jujia.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jujia.access.UserAccounts;
import org.jujia.assessment.Assessment;
import org.jujia.assessment.AssessmentManagement;
import org.jujia.assessment.AssessmentReason;
import org.jujia.assessment.FamilyCaregiverInput;
import org.jujia.assessment.FamilyCaregiverRelation;
import org.jujia.assessment.FamilyCaregivers;
import org.jujia.assessment.HealthEventType;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderSummary;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo city an assessment history: in every community some elders assessed by {@code assessor1} over the
 * past months (all four colours, some reassessments overdue), a few reassessed with a Barthel drop (care-plan remake
 * tasks for the street officers), falls recorded (immediate reassessment tasks), and family caregivers with Zarit
 * interviews (the respite list). Runs once, after the demo city, through the modules' own facades.
 */
@Component
@Profile("demo")
@Order(1)
class DemoAssessments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AssessmentManagement assessments;
    private final FamilyCaregivers caregivers;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final UserAccounts users;
    private final DemoProperties props;

    DemoAssessments(AssessmentManagement assessments, FamilyCaregivers caregivers, ElderRegistry elders, RegionDirectory regions,
            UserAccounts users, DemoProperties props) {
        this.assessments = assessments;
        this.caregivers = caregivers;
        this.elders = elders;
        this.regions = regions;
        this.users = users;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        Jurisdiction assessor = users.jurisdictionOf("assessor1").orElse(null);
        Jurisdiction street = users.jurisdictionOf("street1").orElse(null);
        if (assessor == null || street == null || props.assessedPerCommunity() <= 0
                || !assessments.tasks(null, null, false, assessor).isEmpty()
                || elders.search(new ElderSearch(null, null, null, null, null, null, null, null, null, null,
                        org.jujia.shared.CareColour.GREEN, null, 0, 1, null), assessor).totalElements() > 0) {
            return;
        }
        long started = System.nanoTime();
        Random rnd = new Random(props.seed() + 1);
        Instant now = assessments.now();
        int assessed = 0;
        int remakes = 0;
        for (Region community : regions.ofLevel(RegionLevel.COMMUNITY, assessor)) {
            List<ElderSummary> list = elders.search(new ElderSearch(null, null, null, community.code(), null, null, null, null, null, null, null,
                    null, 0, props.assessedPerCommunity(), "id"), assessor).content();
            for (int i = 0; i < list.size(); i++) {
                ElderSummary e = list.get(i);
                double ability = ability(rnd, e.age());
                int daysAgo = 20 + rnd.nextInt(420);
                Assessment first = sign(e, ability, now.minus(Duration.ofDays(daysAgo)), AssessmentReason.INITIAL, assessor, rnd);
                assessed++;
                if (i % 6 == 1 && first.barthelTotal() >= 30) {
                    // a reassessment after a decline: the 10-point rule gives the street officer a 48-hour remake task
                    sign(e, Math.max(0, ability - 0.2), now.minus(Duration.ofDays(rnd.nextInt(10))), AssessmentReason.SCHEDULED, assessor, rnd);
                    remakes++;
                } else if (i % 9 == 4) {
                    assessments.recordHealthEvent(e.id(), i % 2 == 0 ? HealthEventType.FALL : HealthEventType.HOSPITAL_ADMISSION,
                            LocalDate.now(ZONE).minusDays(rnd.nextInt(5)), i % 2 == 0 ? "家中跌倒，已送医检查" : "肺部感染住院", assessor);
                }
            }
            if (community.code().endsWith("001001")) {
                addCaregivers(list, assessor, rnd);
            }
        }
        int due = assessments.openDueReassessments(LocalDate.now(ZONE));
        log.info("Demo assessments generated in {} ms: {} elders assessed, {} reassessed after a decline, {} reassessments due",
                (System.nanoTime() - started) / 1_000_000, assessed, remakes, due);
    }

    private Assessment sign(ElderSummary e, double ability, Instant at, AssessmentReason reason, Jurisdiction assessor, Random rnd) {
        var input = new AssessmentManagement.AssessmentInput(rnd.nextInt(4) == 0 ? "社区养老服务站" : "老人家中", at, reason, null,
                answers(ability, e.age(), rnd));
        Assessment draft = assessments.draft(e.id(), input, assessor);
        return assessments.sign(draft.id(), assessor);
    }

    private void addCaregivers(List<ElderSummary> list, Jurisdiction j, Random rnd) {
        FamilyCaregiverRelation[] relations = { FamilyCaregiverRelation.DAUGHTER, FamilyCaregiverRelation.SON, FamilyCaregiverRelation.SPOUSE,
                FamilyCaregiverRelation.DAUGHTER_IN_LAW };
        String[] names = { "王丽", "李建国", "张秀英", "陈敏", "刘芳", "周强", "吴静", "赵磊" };
        for (int i = 0; i < Math.min(8, list.size()); i++) {
            ElderSummary e = list.get(i);
            var caregiver = caregivers.add(e.id(), new FamilyCaregiverInput(names[i], relations[i % relations.length],
                    Population.mobile(rnd), null, i % 2 == 0, 20 + rnd.nextInt(40), LocalDate.now(ZONE).minusYears(1 + rnd.nextInt(5)), true, null), j);
            int burden = i % 3 == 0 ? 3 : i % 3 == 1 ? 2 : 1;
            Map<String, Object> zbi = new LinkedHashMap<>();
            for (int q = 1; q <= 22; q++) {
                zbi.put("q" + q, Math.max(0, Math.min(4, burden + rnd.nextInt(3) - 1)));
            }
            caregivers.recordInterview(caregiver.id(), LocalDate.now(ZONE).minusDays(5 + rnd.nextInt(60)), zbi, j);
        }
    }

    /** 1.0 = fully independent, 0 = fully dependent; older elders are on average less able. */
    private static double ability(Random rnd, int age) {
        double r = rnd.nextDouble();
        double base = r < 0.55 ? 1.0 : r < 0.80 ? 0.8 : r < 0.93 ? 0.55 : 0.25;
        return Math.max(0, Math.min(1, base - Math.max(0, age - 85) * 0.02 + (rnd.nextDouble() - 0.5) * 0.1));
    }

    private static int scaled(int max, double f) {
        return (int) Math.max(0, Math.min(max, Math.round(max * f / 5.0) * 5));
    }

    static Map<String, Object> answers(double f, int age, Random rnd) {
        Map<String, Object> a = new HashMap<>();
        double cognition = Math.max(0, Math.min(1, f + (rnd.nextDouble() - 0.4) * 0.3));
        Map<String, Object> mmse = new LinkedHashMap<>();
        int[] max = { 5, 5, 3, 5, 3, 2, 1, 3, 1, 1, 1 };
        String[] keys = { "timeOrientation", "placeOrientation", "registration", "attentionCalculation", "recall", "naming", "repetition",
                "threeStepCommand", "reading", "writing", "copying" };
        for (int i = 0; i < keys.length; i++) {
            mmse.put(keys[i], (int) Math.round(max[i] * cognition));
        }
        mmse.put("education", rnd.nextInt(3) == 0 ? "ILLITERATE" : rnd.nextBoolean() ? "PRIMARY" : "MIDDLE_OR_ABOVE");
        a.put("mmse", mmse);
        Map<String, Object> barthel = new LinkedHashMap<>();
        barthel.put("feeding", scaled(10, f));
        barthel.put("bathing", f >= 0.8 ? 5 : 0);
        barthel.put("grooming", f >= 0.5 ? 5 : 0);
        barthel.put("dressing", scaled(10, f));
        barthel.put("bowels", scaled(10, Math.min(1, f + 0.2)));
        barthel.put("bladder", scaled(10, Math.min(1, f + 0.2)));
        barthel.put("toiletUse", scaled(10, f));
        barthel.put("transfer", scaled(15, f));
        barthel.put("mobility", scaled(15, f));
        barthel.put("stairs", scaled(10, f - 0.1));
        a.put("barthel", barthel);
        boolean able = f >= 0.75;
        a.put("iadl", Map.of("telephone", able ? "A" : "C", "shopping", able ? "A" : "B", "foodPreparation", able ? "A" : "B",
                "housekeeping", able ? "A" : f >= 0.5 ? "C" : "E", "laundry", able ? "A" : "C", "transportation", able ? "A" : "D",
                "medication", able ? "A" : "B", "finances", able ? "A" : "C"));
        a.put("frail", Map.of("fatigue", rnd.nextDouble() > f, "resistance", rnd.nextDouble() > f + 0.1, "ambulation", rnd.nextDouble() > f + 0.1,
                "illnessCount", rnd.nextInt(f > 0.7 ? 3 : 6), "weightLossOver5Percent", rnd.nextDouble() > f + 0.3));
        boolean reducedIntake = rnd.nextDouble() > f + 0.2;
        Map<String, Object> nrs = new HashMap<>();
        nrs.put("initial", Map.of("lowBmi", false, "weightLoss3Months", false, "reducedIntakeLastWeek", reducedIntake, "severelyIll", false));
        if (reducedIntake) {
            nrs.put("final", Map.of("nutritionalStatusScore", 1 + rnd.nextInt(2), "diseaseSeverityScore", rnd.nextInt(2), "age", age));
        }
        a.put("nrs2002", nrs);
        return a;
    }
}
