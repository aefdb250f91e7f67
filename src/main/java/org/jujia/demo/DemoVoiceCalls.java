package org.jujia.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.dispatch.VoiceCallRound;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.elder.EmergencyProfile;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A week of daily voice calls for the demo elders whose active plan has the VOICE_CALL line: the seven days before
 * today are replayed through the real round ({@link VoiceCallRound}) against the simulated call centre, with the
 * outcomes scripted per elder and day — about 92% of days answered (most at the first call, some at a retry), the
 * first such elder of the first community silent for the last three days (so an urgent home visit was requested),
 * two elders silent for the last two days, and one "need help" reply. Today's calls are left to the scheduled round.
 * Skipped when any day of the week already has calls (the demo database persists) or a real voice gateway is configured.
 */
@Component
@Profile("demo")
@Order(8)
class DemoVoiceCalls implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVoiceCalls.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DAYS = 7;

    private final VoiceCallRound round;
    private final CarePlanManagement plans;
    private final ElderRegistry elders;
    private final Environment env;
    private final JsonMapper json;
    private final DemoProperties props;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoVoiceCalls(VoiceCallRound round, CarePlanManagement plans, ElderRegistry elders, Environment env, JsonMapper json, DemoProperties props) {
        this.round = round;
        this.plans = plans;
        this.elders = elders;
        this.env = env;
        this.json = json;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(ZONE);
        if (!env.getProperty("jujia.notification.simulator.enabled", Boolean.class, false)
                || !env.getProperty("jujia.notification.voice.url", "").isBlank()
                || java.util.stream.IntStream.rangeClosed(1, DAYS).anyMatch(back -> round.ranOn(today.minusDays(back)))) {
            return;
        }
        long started = System.nanoTime();
        List<Callee> callees = callees();
        if (callees.isEmpty()) {
            return;
        }
        Random rnd = new Random(props.seed() + 88);
        Callee silent = callees.getFirst();
        List<Callee> twoDays = callees.size() > 3 ? List.of(callees.get(callees.size() / 2), callees.get(callees.size() - 1)) : List.of();
        Callee helper = callees.size() > 4 ? callees.get(callees.size() / 3) : null;
        int[] figures = new int[3];
        round.exclusively(() -> replay(today, callees, rnd, silent, twoDays, helper, figures));
        int allDays = figures[0];
        int answeredDays = figures[1];
        int urgent = figures[2];
        log.info("Demo voice calls generated in {} ms: {} elders over {} days, {}% of days answered, {} urgent visits requested "
                + "(elder {} {} silent for 3 days)", (System.nanoTime() - started) / 1_000_000, callees.size(), DAYS,
                allDays == 0 ? 0 : answeredDays * 100 / allDays, urgent, silent.elderId(), silent.name());
    }

    private void replay(LocalDate today, List<Callee> callees, Random rnd, Callee silent, List<Callee> twoDays, Callee helper, int[] figures) {
        Map<Long, Boolean> unansweredYesterday = new HashMap<>();
        for (int back = DAYS; back >= 1; back--) {
            LocalDate day = today.minusDays(back);
            for (Callee c : callees) {
                boolean unanswered;
                if (c == silent) {
                    unanswered = back <= 3;
                } else if (twoDays.contains(c)) {
                    unanswered = back <= 2;
                } else {
                    // about 8% of days unanswered, never two in a row (the streaks above are the demo's stories)
                    unanswered = !unansweredYesterday.getOrDefault(c.elderId(), false) && back > 2 && rnd.nextInt(100) < 9;
                }
                unansweredYesterday.put(c.elderId(), unanswered);
                List<String> outcomes;
                if (unanswered) {
                    outcomes = List.of("NO_ANSWER", rnd.nextBoolean() ? "BUSY" : "NO_ANSWER", "NO_ANSWER");
                } else if (c == helper && back == 4) {
                    outcomes = List.of("ANSWERED:2");
                } else {
                    int r = rnd.nextInt(100);
                    outcomes = r < 85 ? List.of("ANSWERED:1") : r < 95 ? List.of(r % 2 == 0 ? "BUSY" : "NO_ANSWER", "ANSWERED:1")
                            : List.of("NO_ANSWER", "NO_ANSWER", "ANSWERED:1");
                }
                script(c.phone(), outcomes);
                figures[0]++;
                figures[1] += unanswered ? 0 : 1;
            }
            for (String t : List.of("09:05", "11:05", "15:05")) {
                figures[2] += round.run(day.atTime(LocalTime.parse(t)).atZone(ZONE).toInstant()).urgent();
            }
        }
    }

    private record Callee(long elderId, String name, long communityId, String phone) {
    }

    /** The elders the round will call, first community first, with their phone numbers (read once, audited as demo set-up). */
    private List<Callee> callees() {
        List<Callee> out = new ArrayList<>();
        Map<Long, CarePlan> byElder = new LinkedHashMap<>();
        for (CarePlan p : plans.activeWithItem("VOICE_CALL")) {
            byElder.putIfAbsent(p.elderId(), p);
        }
        for (long elderId : byElder.keySet()) {
            ElderRef e = elders.find(elderId, Jurisdiction.system("/")).orElse(null);
            if (e == null || e.status() != ElderStatus.ACTIVE) {
                continue;
            }
            String phone = elders.emergencyProfile(elderId, "演示数据：每日语音问候 demo voice calls").map(EmergencyProfile::phone).orElse(null);
            if (phone != null && !phone.isBlank()) {
                out.add(new Callee(elderId, e.name(), e.communityId(), phone));
            }
        }
        out.sort(Comparator.comparingLong(Callee::communityId).thenComparingLong(Callee::elderId));
        return out;
    }

    /** Tells the simulated call centre how the next calls to this number end. */
    private void script(String phone, List<String> outcomes) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        Map<String, Object> body = Map.of("to", phone, "outcomes", outcomes);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sim/voice/scripts"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + env.getProperty("jujia.notification.simulator.password", "demo-gateway-secret"))
                .header("X-Account", env.getProperty("jujia.notification.simulator.username", "jujia-demo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            // the elder's calls that day take the simulator's random outcomes instead
            log.warn("voice simulator refused the script: HTTP {} {}", response.statusCode(), response.body());
        }
    }
}
