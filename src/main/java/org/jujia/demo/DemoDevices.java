package org.jujia.demo;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jujia.access.UserAccounts;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderSummary;
import org.jujia.monitoring.DeviceCredentials;
import org.jujia.monitoring.DeviceRegistration;
import org.jujia.monitoring.DeviceStatus;
import org.jujia.monitoring.DeviceType;
import org.jujia.monitoring.DeviceView;
import org.jujia.monitoring.Devices;
import org.jujia.monitoring.MqttEndpoint;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Devices in the demo city's homes and a simulator that makes them talk. Each home (family1's parent first, then
 * elders of the first street) gets a gateway relaying for an SOS button, smoke and gas detectors, a door contact,
 * and — for some — a fall radar, a smart mattress, a wearable, a water-leak sensor or a pill box.
 * <p>
 * The simulator (on unless {@code jujia.demo.devices.simulator=false}) connects every home gateway to the broker with
 * the gateway's own credentials — it re-keys the gateways at each start, since a secret is only ever shown once —
 * and publishes real MQTT 5 QoS-1 messages: vital signs every few seconds, heartbeats of every device, motion and
 * door events, and now and then an alarm (SOS, smoke, fall, water leak), all at the rates of
 * {@code jujia.demo.devices.*}.
 */
@Component
@Profile("demo")
@Order(6)
class DemoDevices implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Devices devices;
    private final ElderRegistry elders;
    private final UserAccounts users;
    private final DemoDeviceProperties props;
    private final java.util.concurrent.atomic.AtomicInteger heartbeatRounds = new java.util.concurrent.atomic.AtomicInteger();
    private final DemoProperties demo;
    private final Clock clock;
    private final List<Home> homes = new ArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private ScheduledExecutorService scheduler;

    /** A home: its gateway (connection) and the sensors it relays for. */
    private record Home(long elderId, String gateway, Map<DeviceType, String> sensors, Mqtt5AsyncClient[] client) {
    }

    DemoDevices(Devices devices, ElderRegistry elders, UserAccounts users, DemoDeviceProperties props, DemoProperties demo, Clock clock) {
        this.devices = devices;
        this.elders = elders;
        this.users = users;
        this.props = props;
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Jurisdiction system = new Jurisdiction(0, "system", "/", false, Set.of("DEVICE_ADMIN"));
        if (devices.search(null, DeviceType.GATEWAY, null, null, 0, 1, system).totalElements() == 0) {
            register(system, new Random(demo.seed() + 20));
        }
        if (props.simulator()) {
            startSimulator(system);
        }
    }

    private void register(Jurisdiction system, Random rnd) {
        long started = System.nanoTime();
        Set<Long> chosen = new LinkedHashSet<>();
        users.jurisdictionOf("family1").ifPresent(f -> elders.search(ElderSearch.all(), f).content().forEach(e -> chosen.add(e.id())));
        int page = 0;
        while (chosen.size() < props.homes()) {
            List<ElderSummary> list = elders.search(ElderSearch.all().withPage(page++, 200), system).content();
            if (list.isEmpty()) {
                break;
            }
            for (ElderSummary e : list) {
                if (chosen.size() < props.homes()) {
                    chosen.add(e.id());
                }
            }
        }
        List<DeviceRegistration> all = new ArrayList<>();
        for (long elderId : chosen) {
            String home = String.format("%06d", elderId);
            String gw = "GW-" + home;
            var installed = java.time.LocalDate.now(clock.withZone(ZONE)).minusDays(30 + rnd.nextInt(400));
            all.add(new DeviceRegistration(gw, DeviceType.GATEWAY, elderId, "客厅", installed, "2.3." + rnd.nextInt(5), null));
            all.add(new DeviceRegistration("SOS-" + home, DeviceType.SOS_BUTTON, elderId, "卧室床头", installed, "1.2.0", gw));
            all.add(new DeviceRegistration("SMK-" + home, DeviceType.SMOKE, elderId, "厨房", installed, "1.0.7", gw));
            all.add(new DeviceRegistration("GAS-" + home, DeviceType.GAS, elderId, "厨房", installed, "1.1.2", gw));
            all.add(new DeviceRegistration("DOOR-" + home, DeviceType.DOOR_CONTACT, elderId, "入户门", installed, "1.0.3", gw));
            if (rnd.nextInt(100) < 45) {
                all.add(new DeviceRegistration("RADAR-" + home, DeviceType.FALL_RADAR, elderId, "卫生间", installed, "3.0.1", gw));
            }
            if (rnd.nextInt(100) < 50) {
                all.add(new DeviceRegistration("BED-" + home, DeviceType.MATTRESS, elderId, "卧室", installed, "2.0.4", gw));
            }
            if (rnd.nextInt(100) < 40) {
                all.add(new DeviceRegistration("BAND-" + home, DeviceType.WEARABLE, elderId, "随身", installed, "4.1.0", gw));
            }
            if (rnd.nextInt(100) < 30) {
                all.add(new DeviceRegistration("LEAK-" + home, DeviceType.WATER_LEAK, elderId, "卫生间", installed, "1.0.1", gw));
            }
            if (rnd.nextInt(100) < 20) {
                all.add(new DeviceRegistration("PILL-" + home, DeviceType.PILL_BOX, elderId, "餐桌", installed, "1.3.0", gw));
            }
        }
        devices.registerAll(all, system);
        log.info("Demo devices registered in {} ms: {} devices in {} homes", (System.nanoTime() - started) / 1_000_000, all.size(), chosen.size());
    }

    private void startSimulator(Jurisdiction system) {
        MqttEndpoint endpoint = devices.mqttEndpoint();
        Map<Long, List<DeviceView>> byGateway = new LinkedHashMap<>();
        List<DeviceView> gateways = new ArrayList<>();
        for (int page = 0;; page++) {
            var p = devices.search(null, null, DeviceStatus.ACTIVE, null, page, 200, system);
            for (DeviceView d : p.content()) {
                if (d.type() == DeviceType.GATEWAY) {
                    gateways.add(d);
                } else if (d.gatewayId() != null) {
                    byGateway.computeIfAbsent(d.gatewayId(), k -> new ArrayList<>()).add(d);
                }
            }
            if (!p.hasNext()) {
                break;
            }
        }
        for (DeviceView gw : gateways) {
            Map<DeviceType, String> sensors = new LinkedHashMap<>();
            byGateway.getOrDefault(gw.id(), List.of()).forEach(s -> sensors.putIfAbsent(s.type(), s.serial()));
            DeviceCredentials key = devices.resetSecret(gw.id(), system);
            Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(gw.serial()).serverHost(endpoint.host()).serverPort(endpoint.port())
                    .automaticReconnectWithDefaultConfig()
                    .simpleAuth().username(gw.serial()).password(key.secret().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                    .buildAsync();
            client.connectWith().keepAlive(60).send().whenComplete((ack, e) -> {
                if (e != null) {
                    log.warn("Demo gateway {} could not connect: {}", gw.serial(), e.toString());
                }
            });
            homes.add(new Home(gw.elderId() == null ? 0 : gw.elderId(), gw.serial(), sensors, new Mqtt5AsyncClient[] { client }));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("demo-devices").daemon(true).factory());
        long tick = 1000;
        scheduler.scheduleAtFixedRate(this::tick, 2000, tick, TimeUnit.MILLISECONDS);
        scheduler.schedule(this::heartbeats, 3, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(this::heartbeats, props.heartbeatInterval().toMillis(), props.heartbeatInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Demo device simulator: {} gateways connected to {}:{} (telemetry every {}, heartbeats every {}, an alarm about every {})",
                homes.size(), endpoint.host(), endpoint.port(), props.telemetryInterval(), props.heartbeatInterval(), props.alarmInterval());
    }

    /** Every second: the homes whose turn it is report vital signs; random motion/door events; now and then an alarm. */
    private void tick() {
        try {
            var rnd = ThreadLocalRandom.current();
            boolean night = night();
            long second = clock.millis() / 1000;
            long every = Math.max(1, props.telemetryInterval().toSeconds());
            double motionChance = 1.0 / Math.max(1, props.motionInterval().toSeconds());
            for (int i = 0; i < homes.size(); i++) {
                Home h = homes.get(i);
                if ((second + i) % every == 0) {
                    String bed = h.sensors().get(DeviceType.MATTRESS);
                    if (bed != null) {
                        boolean inBed = night || rnd.nextInt(100) < 25;
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("presence", inBed);
                        if (inBed) {
                            v.put("heartRate", 58 + rnd.nextInt(22));
                            v.put("breathingRate", 12 + rnd.nextInt(7));
                            v.put("bodyMovement", rnd.nextInt(30));
                        }
                        send(h, bed, "telemetry", v);
                    }
                    String band = h.sensors().get(DeviceType.WEARABLE);
                    if (band != null) {
                        send(h, band, "telemetry", Map.of("heartRate", 62 + rnd.nextInt(25), "spo2", 95 + rnd.nextInt(5), "systolic", 112 + rnd.nextInt(30),
                                "diastolic", 70 + rnd.nextInt(16), "steps", (int) (clock.millis() / 60000 % 1440) * 3 + rnd.nextInt(20)));
                    }
                }
                if (rnd.nextDouble() < motionChance) {
                    String radar = h.sensors().get(DeviceType.FALL_RADAR);
                    String door = h.sensors().get(DeviceType.DOOR_CONTACT);
                    if (radar != null) {
                        send(h, radar, "events", Map.of("event", "MOTION"));
                    } else if (door != null && !night) {
                        send(h, door, "events", Map.of("event", "DOOR_OPEN"));
                        send(h, door, "events", Map.of("event", "DOOR_CLOSED"));
                    }
                }
            }
            double alarmChance = 1.0 / Math.max(1, props.alarmInterval().toSeconds());
            if (!homes.isEmpty() && rnd.nextDouble() < alarmChance) {
                Home h = homes.get(rnd.nextInt(homes.size()));
                int pick = rnd.nextInt(100);
                if (pick < 45 && h.sensors().containsKey(DeviceType.SOS_BUTTON)) {
                    send(h, h.sensors().get(DeviceType.SOS_BUTTON), "events", Map.of("event", "SOS"));
                } else if (pick < 65 && h.sensors().containsKey(DeviceType.FALL_RADAR)) {
                    send(h, h.sensors().get(DeviceType.FALL_RADAR), "events", Map.of("event", "FALL"));
                } else if (pick < 85 && h.sensors().containsKey(DeviceType.WATER_LEAK)) {
                    send(h, h.sensors().get(DeviceType.WATER_LEAK), "events", Map.of("event", "WATER_LEAK"));
                } else if (h.sensors().containsKey(DeviceType.SMOKE)) {
                    send(h, h.sensors().get(DeviceType.SMOKE), "events", Map.of("event", "SMOKE", "smokeDensity", 18));
                }
                log.info("Demo simulator: an alarm from the home of elder {}", h.elderId());
            }
        } catch (RuntimeException e) {
            log.warn("Demo simulator tick failed: {}", e.toString());
        }
    }

    /**
     * Every device's status. The first home's SOS button reports a weak battery (12 %) for its first ten heartbeats and
     * then a fresh one, so the alarm centre shows a LOW_BATTERY alarm that clears itself (DEVICE_RECOVERED).
     */
    private void heartbeats() {
        var rnd = ThreadLocalRandom.current();
        int round = heartbeatRounds.getAndIncrement();
        for (Home h : homes) {
            send(h, h.gateway(), "status", Map.of("rssi", -40 - rnd.nextInt(40), "firmware", "2.3.1"));
            for (var sensor : h.sensors().entrySet()) {
                String s = sensor.getValue();
                int battery = h == homes.get(0) && sensor.getKey() == DeviceType.SOS_BUTTON ? (round < 10 ? 12 : 100) : 35 + (Math.abs(s.hashCode()) % 60);
                send(h, s, "status", Map.of("battery", battery, "rssi", -50 - rnd.nextInt(40)));
            }
        }
    }

    private boolean night() {
        LocalTime t = LocalTime.now(clock.withZone(ZONE));
        return t.isAfter(LocalTime.of(21, 59)) || t.isBefore(LocalTime.of(6, 0));
    }

    private void send(Home h, String serial, String channel, Map<String, Object> values) {
        Mqtt5AsyncClient c = h.client()[0];
        if (c == null || !c.getState().isConnected()) {
            return;
        }
        StringBuilder json = new StringBuilder("{\"msgId\":\"").append(UUID.randomUUID()).append("\",\"ts\":\"").append(clock.instant()).append('"');
        values.forEach((k, v) -> {
            json.append(",\"").append(k).append("\":");
            if (v instanceof String s) {
                json.append('"').append(s).append('"');
            } else {
                json.append(v);
            }
        });
        json.append('}');
        c.publishWith().topic("jujia/v1/devices/" + serial + "/" + channel).qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.toString().getBytes(StandardCharsets.UTF_8)).send();
        published.incrementAndGet();
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (Home h : homes) {
            Mqtt5AsyncClient c = h.client()[0];
            if (c != null && c.getState().isConnected()) {
                c.disconnect();
            }
        }
    }
}
