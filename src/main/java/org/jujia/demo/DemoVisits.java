package org.jujia.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jujia.access.UserAccounts;
import java.time.LocalTime;
import org.jujia.dispatch.DispatchManagement;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderCancelled;
import org.jujia.dispatch.OrderQuery;
import org.jujia.dispatch.OrderStatus;
import org.jujia.dispatch.OrderUnassigned;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.Jurisdiction;
import org.jujia.visit.ConfirmationMethod;
import org.jujia.visit.Visits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo visits, after dispatch's demo orders (@Order(4)) are assigned:
 * <ol>
 * <li>Catch-up: the visit module's listeners are asynchronous, so the dispatch events already published
 * (OrderAssigned, OrderUnassigned, OrderCancelled, read back from the event publication log in order) are applied
 * directly — idempotently, the visit module ignores what it already has.</li>
 * <li>History, once (when no visit has been checked in yet): caregiver1's visits earlier today done and verified;
 * family1's elder's past visits done — the oldest confirmed in the app and rated, the latest too short (flagged), the
 * rest awaiting confirmation; past visits of other caregivers done, most verified, some flagged for the review queue
 * (outside the geofence, too short, coordinates repeated at another elder's home) and one confirmed as fraud with its
 * penalty. When dispatch's demo has too few past visits of other caregivers (its orders start today), provider1
 * books and assigns past home visits (dispatch allows staff to record past days) to fill them. Check-ins are recorded
 * at the planned times with positions around the elder's home.</li>
 * </ol>
 */
@Component
@Profile("demo")
@Order(7)
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> TYPES = List.of(OrderAssigned.class.getName(), OrderUnassigned.class.getName(),
            OrderCancelled.class.getName());
    /** How far back demo visits are recorded (dispatch's demo gives family1's elder visits on the past three days). */
    private static final Duration HISTORY = Duration.ofDays(4);
    /** Past visits of other caregivers the history wants (for a review queue with several reasons). */
    private static final int OTHERS_WANTED = 20;

    private final Visits visits;
    private final DispatchManagement dispatch;
    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DemoProperties props;
    private final Clock clock;

    DemoVisits(Visits visits, DispatchManagement dispatch, UserAccounts users, JdbcClient jdbc, JsonMapper json, DemoProperties props, Clock clock) {
        this.visits = visits;
        this.dispatch = dispatch;
        this.users = users;
        this.jdbc = jdbc;
        this.json = json;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int applied = catchUp();
        if (applied > 0) {
            log.info("Demo visits: {} dispatch events applied", applied);
        }
        long started = jdbc.sql("select count(*) from visit where in_received_at is not null or out_received_at is not null").query(Long.class).single();
        if (started == 0) {
            try {
                log.info("Demo visits: {}", history(new Random(props.seed() + 77)));
            } catch (RuntimeException e) {
                log.warn("Demo visit history not recorded: {}", e.toString());
            }
        }
    }

    // ------------------------------------------------------------------ catch-up

    private record Published(String type, String payload) {
    }

    int catchUp() {
        List<Published> events = jdbc.sql("""
                select event_type, serialized_event from event_publication where event_type in (:types)
                 group by event_type, serialized_event order by min(publication_date)""").param("types", TYPES)
                .query((rs, n) -> new Published(rs.getString(1), rs.getString(2))).list();
        if (events.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> known = new HashMap<>();
        jdbc.sql("select order_id, order_event_at from visit").query((rs, n) -> known.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        int applied = 0;
        for (Published p : events) {
            if (p.type().equals(OrderAssigned.class.getName())) {
                OrderAssigned e = json.readValue(p.payload(), OrderAssigned.class);
                Instant at = known.get(e.orderId());
                if (at == null || Visits.micros(e.assignedAt()).isAfter(at)) {
                    visits.schedule(e);
                    known.put(e.orderId(), Visits.micros(e.assignedAt()));
                    applied++;
                }
            } else if (p.type().equals(OrderUnassigned.class.getName())) {
                OrderUnassigned e = json.readValue(p.payload(), OrderUnassigned.class);
                Instant at = known.get(e.orderId());
                if (at != null && Visits.micros(e.at()).isAfter(at)) {
                    visits.withdraw(e.orderId(), e.caregiverUserId(), "order unassigned: " + e.reason(), e.at());
                    known.put(e.orderId(), Visits.micros(e.at()));
                    applied++;
                }
            } else {
                OrderCancelled e = json.readValue(p.payload(), OrderCancelled.class);
                Instant at = known.get(e.orderId());
                if (at != null && Visits.micros(e.cancelledAt()).isAfter(at)) {
                    visits.withdraw(e.orderId(), null, "order cancelled: " + e.reason(), e.cancelledAt());
                    known.put(e.orderId(), Visits.micros(e.cancelledAt()));
                    applied++;
                }
            }
        }
        return applied;
    }

    // ------------------------------------------------------------------ history

    /** A scheduled visit whose planned window lies in the past. */
    private record Due(long id, long elderId, long caregiverUserId, Instant start, int minutes, double lat, double lon) {
    }

    private List<Due> due(String where, Object... params) {
        Instant now = clock.instant();
        String sql = """
                select v.id, v.elder_id, v.caregiver_user_id, v.window_start,
                       greatest(case when v.standard_minutes > 0 then v.standard_minutes * greatest(v.quantity, 1) else v.planned_minutes end, 5),
                       e.latitude, e.longitude
                  from visit v join elder e on e.id = v.elder_id
                 where v.status = 'SCHEDULED' and e.latitude is not null and v.window_start >= ? and v.window_start < ?""" + " and " + where
                + " order by v.window_start, v.id";
        List<Object> all = new ArrayList<>(List.of(java.sql.Timestamp.from(now.minus(HISTORY)), java.sql.Timestamp.from(now.minus(Duration.ofMinutes(20)))));
        all.addAll(List.of(params));
        return jdbc.sql(sql).params(all.toArray())
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getDouble(6),
                        rs.getDouble(7)))
                .list();
    }

    String history(Random rnd) {
        Long cg1 = users.findByUsername("caregiver1").map(u -> u.id()).orElse(null);
        Long elder1 = jdbc.sql("""
                select c.elder_id from elder_contact c join access_user u on u.id = c.user_id where u.username = 'family1'
                 order by c.elder_id limit 1""").query(Long.class).optional().orElse(null);
        List<String> done = new ArrayList<>();
        String photo = photo(rnd);
        Jurisdiction reviewer = new Jurisdiction(0, "system", "/", false, Set.of("VISIT_REVIEW", "VISIT_READ"));

        // caregiver1: today's visits that are over, done and verified
        if (cg1 != null) {
            Instant today = LocalDate.now(clock.withZone(ZONE)).atStartOfDay(ZONE).toInstant();
            int n = 0;
            for (Due d : due("v.caregiver_user_id = ? and v.window_start >= ?", cg1, java.sql.Timestamp.from(today))) {
                if (perform(d, photo, rnd, 0, d.minutes() + 5, null)) {
                    n++;
                }
            }
            done.add("caregiver1 " + n + " done today");
        }

        // family1's elder: past visits done; the oldest confirmed and rated, the latest too short
        if (elder1 != null) {
            List<Due> past = due("v.elder_id = ?", elder1);
            for (int i = 0; i < past.size(); i++) {
                Due d = past.get(i);
                boolean tooShort = past.size() >= 3 && i == past.size() - 1;
                perform(d, photo, rnd, 0, tooShort ? Math.max(1, d.minutes() / 4) : d.minutes() + 3, null);
            }
            if (!past.isEmpty()) {
                Jurisdiction family = users.jurisdictionOf("family1").orElse(null);
                if (family != null) {
                    try {
                        visits.confirm(past.get(0).id(), new Visits.ConfirmationInput("CONFIRMED", ConfirmationMethod.APP, null, null, null), family);
                        visits.rate(past.get(0).id(), new Visits.RatingInput(5, "护理员很细心，老人很满意"), family);
                    } catch (RuntimeException e) {
                        log.warn("demo confirmation of visit {} failed: {}", past.get(0).id(), e.getMessage());
                    }
                }
            }
            done.add("family1's elder " + past.size() + " past visits");
        }

        // everyone else's past visits: most verified, some flagged for review, one fraud (booked as past home visits when
        // dispatch's demo has too few: its orders start today)
        String othersWhere = "v.caregiver_user_id <> ? and v.elder_id <> ?";
        Object[] othersParams = { cg1 == null ? -1L : cg1, elder1 == null ? -1L : elder1 };
        List<Due> others = due(othersWhere, othersParams);
        if (others.size() < OTHERS_WANTED && bookPast(OTHERS_WANTED - others.size(), cg1, elder1) > 0) {
            catchUp();
            others = due(othersWhere, othersParams);
        }
        int limit = Math.min(others.size(), 120);
        int flagged = 0;
        GeoPoint spoofed = null;
        Long fraud = null;
        for (int i = 0; i < limit; i++) {
            Due d = others.get(i);
            // the first five show one reason each (outside the geofence, too short, a position reused at another elder's
            // home, fraud); after them every tenth visit is outside the geofence or too short, the rest are verified
            int kind = i < 5 ? i : i % 10 == 7 ? 0 : i % 10 == 3 ? 1 : 9;
            switch (kind) {
                case 0 -> {
                    perform(d, photo, rnd, 650 + rnd.nextInt(900), d.minutes() + 2, null);
                    flagged++;
                }
                case 1 -> {
                    perform(d, photo, rnd, 0, Math.max(1, d.minutes() / 5), null);
                    flagged++;
                }
                case 2 -> {
                    spoofed = jitter(new GeoPoint(d.lat(), d.lon()), rnd, 15);
                    perform(d, photo, rnd, 0, d.minutes() + 4, spoofed);
                }
                case 3 -> {
                    perform(d, photo, rnd, 0, d.minutes() + 4, spoofed);
                    flagged++;
                }
                case 4 -> {
                    if (perform(d, photo, rnd, 1200 + rnd.nextInt(500), Math.max(1, d.minutes() / 6), null)) {
                        fraud = d.id();
                    }
                }
                default -> perform(d, photo, rnd, 0, d.minutes() + rnd.nextInt(10), null);
            }
        }
        if (fraud != null) {
            try {
                visits.review(fraud, new Visits.ReviewInput("FRAUD", "签到定位在老人家 1 公里外，服务时长不足标准的五分之一；经电话回访老人确认当日无人上门。"),
                        reviewer);
            } catch (RuntimeException e) {
                log.warn("demo fraud review of visit {} failed: {}", fraud, e.getMessage());
            }
        }
        done.add(limit + " other past visits (" + flagged + " flagged, " + (fraud == null ? 0 : 1) + " fraud)");
        return String.join("; ", done);
    }

    /**
     * Books past home visits (yesterday and the day before, recorded by provider1 as dispatch allows for past days),
     * accepts and assigns them to provider1's caregivers other than caregiver1; answers how many were assigned. The
     * visits follow from the assignments (the catch-up applies them at once).
     */
    private int bookPast(int wanted, Long cg1, Long elder1) {
        Jurisdiction op = users.jurisdictionOf("provider1").orElse(null);
        if (op == null) {
            return 0;
        }
        LocalDate today = dispatch.today();
        List<Long> served = dispatch.list(new OrderQuery(today, today.plusDays(13), null, null, null, null, null), op).stream().map(org.jujia.dispatch.Order::elderId)
                .filter(id -> !id.equals(elder1)).distinct().sorted().limit(wanted).toList();
        int n = 0;
        if (served.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < wanted; i++) {
            // a few elders may get two past visits, at different hours
            LocalDate day = today.minusDays(1 + (i / 12) % 2);
            LocalTime from = LocalTime.of(7 + i % 12, 0);
            long elder = served.get(i % served.size());
            try {
                org.jujia.dispatch.Order o = dispatch.book(new DispatchManagement.BookingInput(elder, "HOME_VISIT", day, from, from.plusHours(1), 1,
                        "巡访（补录）"), op);
                if (o.status() == OrderStatus.PENDING) {
                    dispatch.accept(o.id(), op);
                }
                for (DispatchManagement.CaregiverOption c : dispatch.eligibleCaregivers(o.id(), op)) {
                    if (c.assignable() && (cg1 == null || c.userId() != cg1)) {
                        dispatch.assign(o.id(), c.userId(), op);
                        n++;
                        break;
                    }
                }
            } catch (RuntimeException e) {
                log.warn("demo past home visit for elder {} not booked: {}", elder, e.getMessage());
            }
        }
        return n;
    }

    /**
     * Checks the caregiver in at the planned start (plus a few minutes) {@code awayMeters} from home (0 = at home) or
     * exactly at {@code at}, and out {@code minutes} later. Answers false when the visit could not be done.
     */
    private boolean perform(Due d, String photo, Random rnd, double awayMeters, int minutes, GeoPoint at) {
        Jurisdiction caregiver = new Jurisdiction(d.caregiverUserId(), "caregiver#" + d.caregiverUserId(), "/", false, Set.of("VISIT_PERFORM"));
        GeoPoint home = new GeoPoint(d.lat(), d.lon());
        GeoPoint in = at != null ? at : awayMeters > 0 ? offset(home, awayMeters, rnd) : jitter(home, rnd, 35);
        GeoPoint out = at != null ? at : awayMeters > 0 ? jitter(in, rnd, 20) : jitter(home, rnd, 35);
        Instant inAt = d.start().plusSeconds(60L * rnd.nextInt(8) + rnd.nextInt(60));
        Instant outAt = inAt.plus(Duration.ofMinutes(minutes)).plusSeconds(rnd.nextInt(50));
        if (outAt.isAfter(clock.instant())) {
            return false;
        }
        try {
            visits.checkIn(d.id(), new Visits.CheckInput(in.latitude(), in.longitude(), 5.0 + rnd.nextInt(20), inAt, photo, null),
                    inAt.plusSeconds(3 + rnd.nextInt(20)), caregiver);
            visits.checkOut(d.id(), new Visits.CheckInput(out.latitude(), out.longitude(), 5.0 + rnd.nextInt(20), outAt, photo,
                    new Visits.RecordInput(Map.of(), "服务完成，老人状态良好", List.of())), outAt.plusSeconds(3 + rnd.nextInt(20)), caregiver);
            return true;
        } catch (RuntimeException e) {
            log.warn("demo visit {} not recorded: {}", d.id(), e.getMessage());
            return false;
        }
    }

    private static GeoPoint jitter(GeoPoint p, Random rnd, double maxMeters) {
        return offset(p, 3 + rnd.nextDouble() * maxMeters, rnd);
    }

    private static GeoPoint offset(GeoPoint p, double meters, Random rnd) {
        double bearing = rnd.nextDouble() * 2 * Math.PI;
        double dLat = meters * Math.cos(bearing) / 111_195.0;
        double dLon = meters * Math.sin(bearing) / (111_195.0 * Math.cos(Math.toRadians(p.latitude())));
        return new GeoPoint(p.latitude() + dLat, p.longitude() + dLon);
    }

    private static String photo(Random rnd) {
        return Base64.getEncoder().encodeToString(DemoWorkforce.portrait("服务", rnd));
    }
}
