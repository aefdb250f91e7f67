package org.jujia.visit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderCancelled;
import org.jujia.dispatch.OrderPriority;
import org.jujia.dispatch.OrderUnassigned;
import org.jujia.elder.ElderRegistry;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.Jurisdiction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Test helper: publishes dispatch's order events as dispatch would, waits for the visit, builds check-in bodies. */
@Component
class VisitFixtures {

    private static final AtomicLong ORDERS = new AtomicLong(9_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ElderRegistry elders;

    VisitFixtures(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx, ElderRegistry elders) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.elders = elders;
    }

    long userId(String username) {
        return jdbc.sql("select id from access_user where username = ?").param(username).query(Long.class).single();
    }

    long providerOf(long caregiver) {
        return jdbc.sql("select provider_id from workforce_caregiver where user_id = ?").param(caregiver).query(Long.class).single();
    }

    /** The first elder linked to family1 (community 1 of street 1). */
    long family1Elder() {
        return jdbc.sql("select c.elder_id from elder_contact c join access_user u on u.id = c.user_id where u.username = 'family1' order by c.elder_id limit 1")
                .query(Long.class).single();
    }

    /** An active elder with a home position that is not linked to family1, in the given street's subtree, with an offset. */
    long otherElder(int offset) {
        return jdbc.sql("""
                select e.id from elder e where e.status = 'ACTIVE' and e.latitude is not null
                   and not exists (select 1 from elder_contact c join access_user u on u.id = c.user_id where c.elder_id = e.id and u.username = 'family1')
                 order by e.id offset ? limit 1""").param(offset).query(Long.class).single();
    }

    String regionPath(long elder) {
        return elders.find(elder, Jurisdiction.system("/")).orElseThrow().regionPath();
    }

    GeoPoint home(long elder) {
        return elders.location(elder, Jurisdiction.system("/")).orElseThrow();
    }

    /** Publishes OrderAssigned (as dispatch does, in a transaction) and waits for the visit; answers [orderId, visitId]. */
    long[] assign(long elder, String item, long caregiver, Instant start, int minutes, long unitPriceFen) {
        long order = ORDERS.incrementAndGet();
        OrderAssigned e = new OrderAssigned(order, elder, regionPath(elder), item, providerOf(caregiver), caregiver, null, OrderPriority.GREEN, start,
                start.plus(Duration.ofMinutes(60)), minutes, unitPriceFen, 1, null, Instant.now());
        publish(e);
        return new long[] { order, awaitVisit(order) };
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    void reassign(long order, long elder, String item, long from, long to, Instant start) {
        publish(new OrderAssigned(order, elder, regionPath(elder), item, providerOf(to), to, from, OrderPriority.GREEN, start,
                start.plus(Duration.ofMinutes(60)), 60, 13500, 1, null, Instant.now()));
    }

    void cancel(long order, Long caregiver) {
        publish(new OrderCancelled(order, 1L, caregiver, "care plan ended", Instant.now()));
    }

    void unassign(long order, long caregiver) {
        publish(new OrderUnassigned(order, 1L, caregiver, "provider refused", Instant.now()));
    }

    long awaitVisit(long order) {
        return await(() -> jdbc.sql("select id from visit where order_id = ?").param(order).query(Long.class).optional());
    }

    String status(long visit) {
        return jdbc.sql("select status from visit where id = ?").param(visit).query(String.class).single();
    }

    Long caregiverOf(long visit) {
        return jdbc.sql("select caregiver_user_id from visit where id = ?").param(visit).query(Long.class).single();
    }

    /** Waits until the visit's state satisfies a condition (listeners are asynchronous). */
    void awaitStatus(long visit, String status) {
        await(() -> status.equals(status(visit)) ? Optional.of(1L) : Optional.empty());
    }

    void awaitCaregiver(long visit, long caregiver) {
        await(() -> caregiverOf(visit) == caregiver ? Optional.of(1L) : Optional.empty());
    }

    static long await(java.util.function.Supplier<Optional<Long>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting");
    }

    /** A point {@code meters} north of {@code p}. */
    static GeoPoint north(GeoPoint p, double meters) {
        return new GeoPoint(p.latitude() + meters / (Math.PI * GeoPoint.EARTH_RADIUS_METRES / 180), p.longitude());
    }

    static Map<String, Object> reading(GeoPoint p, double accuracy, Instant capturedAt, String photo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latitude", p.latitude());
        m.put("longitude", p.longitude());
        m.put("accuracyMeters", accuracy);
        m.put("capturedAt", capturedAt.toString());
        m.put("photo", photo);
        return m;
    }

    private static String photo;

    /** A small JPEG face photo, base64. */
    static synchronized String photo() {
        if (photo == null) {
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(240, 205, 170));
            g.fillOval(12, 8, 40, 50);
            g.dispose();
            var out = new ByteArrayOutputStream();
            try {
                ImageIO.write(img, "jpg", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            photo = Base64.getEncoder().encodeToString(out.toByteArray());
        }
        return photo;
    }
}
