package org.jujia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderPriority;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's visit history on assigned orders: the catch-up applies dispatch's published assignments, then family1's
 * elder gets a confirmed and rated visit, visits awaiting confirmation and a flagged one; other visits fill the review
 * queue with different reasons and one confirmed fraud with its 3× penalty.
 */
@IntegrationTest
class DemoVisitsIT {

    @Autowired
    DemoVisits demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    long order = 7_000_000_000L + (System.nanoTime() % 1_000_000) * 1000;

    void assign(long elder, long caregiver, Instant start, String item) {
        String path = jdbc.sql("select n.path from elder e join region_node n on n.id = e.community_id where e.id = ?").param(elder).query(String.class)
                .single();
        long provider = jdbc.sql("select provider_id from workforce_caregiver where user_id = ?").param(caregiver).query(Long.class).single();
        var e = new OrderAssigned(++order, elder, path, item, provider, caregiver, null, OrderPriority.GREEN, start, start.plus(Duration.ofHours(1)),
                30, 3000, 1, null, Instant.now());
        tx.executeWithoutResult(s -> events.publishEvent(e));
    }

    long user(String name) {
        return jdbc.sql("select id from access_user where username = ?").param(name).query(Long.class).single();
    }

    @Test
    void the_history_gives_family1_visits_to_confirm_and_the_review_queue_several_reasons() {
        long elder1 = jdbc.sql("select c.elder_id from elder_contact c join access_user u on u.id = c.user_id where u.username = 'family1' order by c.elder_id limit 1")
                .query(Long.class).single();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        long cg8 = user("caregiver8");
        for (int h : new int[] { 66, 42, 18 }) {
            assign(elder1, cg8, now.minus(Duration.ofHours(h)).plusSeconds(7 * 60), "HOME_VISIT");
        }
        List<Long> others = jdbc.sql("""
                select e.id from elder e where e.status = 'ACTIVE' and e.latitude is not null and e.id <> ? order by e.id desc limit 20""")
                .param(elder1).query(Long.class).list();
        for (int i = 0; i < others.size(); i++) {
            assign(others.get(i), user("caregiver" + (2 + i % 7)), now.minus(Duration.ofHours(60 - i * 2L)).plusSeconds(13 * 60), "HOME_VISIT");
        }
        demo.catchUp();
        long first = order - others.size() - 2;
        assertThat(jdbc.sql("select count(*) from visit where order_id between ? and ?").params(first, order).query(Long.class).single())
                .isEqualTo(3 + others.size());

        demo.history(new java.util.Random(7));

        List<String> family = jdbc.sql("select status from visit where order_id between ? and ? order by window_start").params(first, first + 2)
                .query(String.class).list();
        assertThat(family).containsExactly("CONFIRMED", "VERIFIED", "FLAGGED");
        assertThat(jdbc.sql("select count(*) from visit_rating r join visit v on v.id = r.visit_id where v.order_id = ?").param(first)
                .query(Long.class).single()).isEqualTo(1);
        String flags = jdbc.sql("select string_agg(array_to_string(flags, ','), ',') from visit where order_id between ? and ?")
                .params(first + 3, order).query(String.class).single();
        assertThat(flags).contains("OUTSIDE_GEOFENCE", "TOO_SHORT", "REPEATED_COORDINATES");
        assertThat(jdbc.sql("""
                select p.penalty_fen from visit_penalty p join visit v on v.id = p.visit_id
                 where v.order_id between ? and ? and v.status = 'FRAUD_CONFIRMED'""").params(first + 3, order).query(Long.class).single())
                .isEqualTo(9000);
        // a second catch-up changes nothing
        assertThat(demo.catchUp()).isZero();
    }
}
