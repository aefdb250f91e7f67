package org.jujia.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jujia.access.UserAccounts;
import org.jujia.oversight.Complaint;
import org.jujia.oversight.Complaints;
import org.jujia.oversight.Evaluations;
import org.jujia.oversight.FollowUps;
import org.jujia.oversight.PerformanceScores;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo oversight, once (when no performance score exists yet):
 * <ol>
 * <li>Last year's evidence for the three providers. The platform did not run last year, so the visit and order ledgers
 * oversight keeps from visit and dispatch events are back-filled directly (synthetic rows with negative ids, never
 * colliding with real visits or orders): ~1,200 planned orders per provider with different completion, flag rates; the
 * monthly follow-up samples drawn by the real sampler and their calls answered; upheld complaints; third-party
 * evaluations. Then the real score computation for last year (publishing PerformanceScoreComputed): 颐家 and 乐龄 score
 * above 80, 康乃馨 below.</li>
 * <li>Last month: 60 verified visits per provider in the ledger, the follow-up sample drawn and most calls made (one
 * complaint raised on a call).</li>
 * <li>Current complaints in every state through the facade — open, acknowledged, resolved, closed with the
 * complainant's satisfaction, a family's complaint, and one filed ten days ago and never handled: overdue and
 * escalated.</li>
 * <li>Star and credit ratings of each provider.</li>
 * </ol>
 */
@Component
@Profile("demo")
@Order(12)
class DemoOversight implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOversight.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Per provider (in DemoCity's order): share of planned orders done, share of done visits flagged, satisfied share, upheld complaints, evaluation. */
    private static final double[] DONE = { 0.97, 0.93, 0.78 };
    private static final double[] FLAGGED = { 0.03, 0.06, 0.15 };
    private static final double[] SATISFIED = { 0.95, 0.90, 0.70 };
    private static final int[] UPHELD = { 1, 3, 9 };
    private static final String[] EVALUATION = { "92.5", "86.0", "71.5" };
    private static final String[] FINDINGS = { "服务记录完整，回访满意度高；个别护理员在岗培训学时不足。", "服务规范，投诉处理及时；夜间应急响应偏慢。",
            "漏服务较多，服务记录与签到数据不一致；投诉整改不到位，建议约谈并限期整改。" };
    private static final int[] STARS = { 5, 4, 2 };
    private static final String[] CREDIT = { "A", "A", "C" };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RegionDirectory regions;
    private final UserAccounts users;
    private final Complaints complaints;
    private final FollowUps followUps;
    private final Evaluations evaluations;
    private final PerformanceScores scores;
    private final DemoProperties props;
    private final Clock clock;

    DemoOversight(JdbcClient jdbc, JdbcTemplate batch, RegionDirectory regions, UserAccounts users, Complaints complaints, FollowUps followUps, Evaluations evaluations,
            PerformanceScores scores, DemoProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.regions = regions;
        this.users = users;
        this.complaints = complaints;
        this.followUps = followUps;
        this.evaluations = evaluations;
        this.scores = scores;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from oversight_score").query(Long.class).single() > 0) {
            return;
        }
        try {
            log.info("Demo oversight: {}", seed(new Random(props.seed() + 99)));
        } catch (RuntimeException e) {
            log.warn("Demo oversight not recorded: {}", e.toString());
        }
    }

    private record Elder(long id, String path) {
    }

    String seed(Random rnd) {
        Jurisdiction root = Jurisdiction.system("/");
        List<Organisation> providers = regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, root).stream()
                .sorted(java.util.Comparator.comparing(Organisation::code)).toList();
        Jurisdiction admin = users.jurisdictionOf("admin").orElse(null);
        if (providers.isEmpty() || admin == null) {
            return "no providers or no admin account";
        }
        int year = LocalDate.now(clock.withZone(ZONE)).getYear() - 1;
        List<String> done = new ArrayList<>();

        // 1. last year's ledgers, complaints and evaluations
        for (int p = 0; p < providers.size() && p < DONE.length; p++) {
            Organisation o = providers.get(p);
            List<Elder> served = elders(o, 40);
            if (served.isEmpty()) {
                continue;
            }
            int planned = 1150 + rnd.nextInt(100);
            List<Object[]> orders = new ArrayList<>();
            List<Object[]> visits = new ArrayList<>();
            for (int i = 0; i < planned; i++) {
                long id = -(1_000_000L * (p + 1) + i);
                Elder e = served.get(i % served.size());
                LocalDate day = LocalDate.of(year, 1, 1).plusDays(i * 365L / planned);
                orders.add(new Object[] { id, e.id(), o.id(), Date.valueOf(day) });
                if (rnd.nextDouble() < DONE[p]) {
                    boolean flagged = rnd.nextDouble() < FLAGGED[p];
                    boolean verified = !flagged || rnd.nextBoolean(); // half the flagged ones cleared by review
                    visits.add(visitRow(id, e, o.id(), day, flagged, verified));
                }
            }
            batch.batchUpdate("insert into oversight_order (order_id, elder_id, provider_id, service_date) values (?, ?, ?, ?) on conflict do nothing",
                    orders);
            batch.batchUpdate(VISIT, visits);
            for (int i = 0; i < UPHELD[p]; i++) {
                Elder e = served.get(rnd.nextInt(served.size()));
                Instant filed = LocalDate.of(year, 2 + i % 10, 3 + i).atTime(10, 0).atZone(ZONE).toInstant();
                pastComplaint(e, o.id(), filed, i % 3 == 0 ? "MISSED_OR_LATE" : "SERVICE_QUALITY", "UPHELD", 5 - rnd.nextInt(3));
            }
            pastComplaint(served.get(0), o.id(), LocalDate.of(year, 6, 9).atTime(15, 0).atZone(ZONE).toInstant(), "ATTITUDE", "NOT_UPHELD", 4);
            evaluations.record(new Evaluations.EvaluationInput(o.id(), "苏州市社会组织评估中心", LocalDate.of(year, 11, 18 + p), new BigDecimal(EVALUATION[p]),
                    FINDINGS[p]), admin);
        }
        for (int m = 1; m <= 12; m++) {
            followUps.sampleAll(YearMonth.of(year, m));
        }
        answerCalls(providers, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1), rnd, null);
        List<PerformanceScores.ScoreCard> cards = scores.computeAll(year, admin);
        done.add(year + " scores " + cards.stream().map(c -> c.providerName().substring(0, 4) + " " + c.score()).toList());

        // 2. last month's follow-up calls
        YearMonth last = YearMonth.now(clock.withZone(ZONE)).minusMonths(1);
        for (int p = 0; p < providers.size() && p < DONE.length; p++) {
            Organisation o = providers.get(p);
            List<Elder> served = elders(o, 40);
            List<Object[]> visits = new ArrayList<>();
            for (int i = 0; i < 60 && !served.isEmpty(); i++) {
                visits.add(visitRow(-(10_000_000L * (p + 1) + 900_000 + i), served.get(i % served.size()), o.id(), last.atDay(1 + i % last.lengthOfMonth()),
                        rnd.nextDouble() < FLAGGED[p], true));
            }
            batch.batchUpdate(VISIT, visits);
        }
        int calls = followUps.sampleAll(last);
        Jurisdiction caller = users.jurisdictionOf("operator1").orElse(admin);
        int made = answerCalls(providers, last.atDay(1), last.atDay(1), rnd, caller);
        done.add(last + " follow-up calls " + made + " of " + calls + " made");

        // 3. current complaints in every state
        done.add(currentComplaints(providers, admin, rnd));

        // 4. ratings
        for (int p = 0; p < providers.size() && p < STARS.length; p++) {
            evaluations.rate(providers.get(p).id(), new Evaluations.RatingInput(STARS[p], CREDIT[p], year + " 年度第三方评估与绩效评分"), admin);
        }
        return String.join("; ", done);
    }

    private List<Elder> elders(Organisation provider, int limit) {
        String path = regions.find(provider.nodeId()).map(r -> r.path()).orElse("/");
        return jdbc.sql("select id, region_path from elder where region_path like ? and status = 'ACTIVE' order by id limit ?").param(path + "%")
                .param(limit).query((rs, n) -> new Elder(rs.getLong(1), rs.getString(2))).list();
    }

    private static final String VISIT = """
            insert into oversight_visit (visit_id, order_id, elder_id, region_path, provider_id, caregiver_user_id, item_code, service_date, flagged,
                verified, verified_at)
            values (?, ?, ?, ?, ?, 0, 'HOME_VISIT', ?, ?, ?, ?) on conflict do nothing
            """;

    private static Object[] visitRow(long id, Elder e, long provider, LocalDate day, boolean flagged, boolean verified) {
        return new Object[] { id, id, e.id(), e.path(), provider, Date.valueOf(day), flagged, verified,
                verified ? Timestamp.from(day.atTime(18, 0).atZone(ZONE).toInstant()) : null };
    }

    /** A complaint of a past year, handled in time, straight into the table (the facade files complaints now). */
    private void pastComplaint(Elder e, long provider, Instant filed, String category, String outcome, int satisfaction) {
        jdbc.sql("""
                insert into oversight_complaint (channel, category, status, region_path, elder_id, provider_id, complainant_name, description, assignee,
                    filed_at, filed_by, filed_by_user_id, ack_due_at, resolve_due_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, outcome,
                    resolution, satisfaction, closed_at)
                values ('HOTLINE', ?, 'CLOSED', ?, ?, ?, '家属', '（历史投诉）', 'PROVIDER', ?, 'operator1', 0, ?, ?, ?, 'provider1', ?, 'street1', ?, ?, ?, ?)
                """).param(category).param(e.path()).param(e.id()).param(provider).param(Timestamp.from(filed))
                .param(Timestamp.from(filed.plus(Duration.ofDays(1)))).param(Timestamp.from(filed.plus(Duration.ofDays(9))))
                .param(Timestamp.from(filed.plus(Duration.ofHours(3)))).param(Timestamp.from(filed.plus(Duration.ofDays(4)))).param(outcome)
                .param("UPHELD".equals(outcome) ? "经核实属实，已责令机构整改并扣减当月绩效" : "经核实不属实，已向家属解释").param(satisfaction)
                .param(Timestamp.from(filed.plus(Duration.ofDays(5)))).update();
    }

    /**
     * Answers the pending calls of the months [from, to] (first days): 85 % reached with the provider's satisfaction, the
     * rest not. Through the facade when a caller is given (audited, like a person would), else straight into the table
     * (last year's history); one dissatisfied call of the facade path raises a complaint; about 1 in 8 calls stay pending.
     */
    private int answerCalls(List<Organisation> providers, LocalDate from, LocalDate to, Random rnd, Jurisdiction caller) {
        int made = 0;
        boolean complained = false;
        for (int p = 0; p < providers.size() && p < SATISFIED.length; p++) {
            List<Long> pending = jdbc.sql("select id from oversight_followup where provider_id = ? and month between ? and ? and status = 'PENDING' order by id")
                    .param(providers.get(p).id()).param(Date.valueOf(from)).param(Date.valueOf(to)).query(Long.class).list();
            for (Long id : pending) {
                if (caller != null && rnd.nextInt(8) == 0) {
                    continue;
                }
                boolean reached = rnd.nextDouble() < 0.85;
                Integer sat = reached ? (rnd.nextDouble() < SATISFIED[p] ? 4 + rnd.nextInt(2) : 1 + rnd.nextInt(3)) : null;
                FollowUps.Outcome outcome = reached ? FollowUps.Outcome.REACHED : rnd.nextBoolean() ? FollowUps.Outcome.NO_ANSWER : FollowUps.Outcome.REFUSED;
                if (caller == null) {
                    jdbc.sql("update oversight_followup set status = 'DONE', outcome = ?, satisfaction = ?, called_at = ?, called_by = 'operator1' where id = ?")
                            .param(outcome.name()).param(sat).param(Timestamp.from(from.atStartOfDay(ZONE).toInstant().plus(Duration.ofDays(40)))).param(id)
                            .update();
                } else {
                    boolean complaint = !complained && sat != null && sat <= 2;
                    followUps.record(id, new FollowUps.CallInput(outcome, sat, reached ? (sat >= 4 ? "家属表示满意" : "家属反映服务时间偏短") : null,
                            complaint ? Complaint.Category.SERVICE_QUALITY : null, complaint ? "回访中家属反映护理员多次提前离开" : null), caller);
                    complained |= complaint;
                }
                made++;
            }
        }
        return made;
    }

    private String currentComplaints(List<Organisation> providers, Jurisdiction admin, Random rnd) {
        Jurisdiction operator = users.jurisdictionOf("operator1").orElse(null);
        Jurisdiction provider1 = users.jurisdictionOf("provider1").orElse(null);
        Jurisdiction family = users.jurisdictionOf("family1").orElse(null);
        if (operator == null || provider1 == null) {
            return "no operator1/provider1: no current complaints";
        }
        Organisation p1 = providers.get(0);
        List<Elder> elders1 = elders(p1, 10);
        Organisation p3 = providers.get(providers.size() - 1);
        List<Elder> elders3 = elders(p3, 10);
        // open, just filed
        file(operator, elders1.get(1), p1.id(), Complaint.Category.MISSED_OR_LATE, "王阿姨", "13962101001", "约好上午九点助浴，护理员十点半才到，也没有提前电话告知。");
        // acknowledged by the provider
        long acked = file(operator, elders1.get(2), p1.id(), Complaint.Category.ATTITUDE, "赵先生", "13962101002", "护理员服务时一直打电话，态度敷衍。");
        complaints.acknowledge(acked, provider1);
        // resolved, awaiting the complainant's satisfaction
        long resolved = file(operator, elders1.get(3), p1.id(), Complaint.Category.BILLING, "钱女士", "13962101003", "账单上多了一次助洁服务。");
        complaints.acknowledge(resolved, provider1);
        complaints.resolve(resolved, new Complaints.ResolveInput(Complaint.Outcome.UPHELD, "系排班录入错误，已更正账单并向家属致歉。"), provider1);
        // closed with satisfaction
        long closed = file(operator, elders3.get(1), p3.id(), Complaint.Category.SERVICE_QUALITY, "孙先生", "13962101004", "助餐送到时饭菜已经凉了。");
        complaints.acknowledge(closed, admin);
        complaints.resolve(closed, new Complaints.ResolveInput(Complaint.Outcome.PARTLY_UPHELD, "配送路线调整，改用保温箱。"), admin);
        complaints.recordSatisfaction(closed, new Complaints.SatisfactionInput(4), admin);
        // the family's own complaint from its page
        if (family != null) {
            Long elder = jdbc.sql("select c.elder_id from elder_contact c join access_user u on u.id = c.user_id where u.username = 'family1' order by c.elder_id limit 1")
                    .query(Long.class).optional().orElse(null);
            if (elder != null) {
                complaints.file(new Complaints.FileInput(null, Complaint.Category.SERVICE_QUALITY, elder, null, null, null, null, null,
                        "上周的居家探访时间比约定的短，希望能按时完成。"), family);
            }
        }
        // filed ten days ago and never handled: overdue and escalated
        long overdue = file(operator, elders3.get(2), p3.id(), Complaint.Category.MISSED_OR_LATE, "周女士", "13962101005", "连续两周的助浴都没有上门。");
        Instant tenDaysAgo = clock.instant().minus(Duration.ofDays(10));
        jdbc.sql("update oversight_complaint set filed_at = ?, ack_due_at = ?, resolve_due_at = ? where id = ?").param(Timestamp.from(tenDaysAgo))
                .param(Timestamp.from(tenDaysAgo.plus(Duration.ofDays(1)))).param(Timestamp.from(tenDaysAgo.plus(Duration.ofDays(9)))).param(overdue).update();
        jdbc.sql("update oversight_complaint_event set at = ? where complaint_id = ?").param(Timestamp.from(tenDaysAgo)).param(overdue).update();
        int escalated = complaints.escalateDue(clock.instant());
        return "complaints in every state, " + escalated + " escalated (#" + overdue + " overdue)";
    }

    private long file(Jurisdiction operator, Elder e, long provider, Complaint.Category category, String name, String phone, String text) {
        return complaints.file(new Complaints.FileInput(Complaint.Channel.HOTLINE, category, e.id(), provider, null, null, name, phone, text), operator)
                .complaint().id();
    }
}
