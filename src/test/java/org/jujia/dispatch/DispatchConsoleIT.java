package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatch console in Chinese and English: provider1's board, an order with the caregiver picker and an assignment
 * through it, the staff booking form with its quote; street1's refused orders and moving one to another provider.
 */
@IntegrationTest
class DispatchConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return ConsoleLogin.get(c, port, path);
    }

    HttpResponse<String> post(HttpClient c, String path, String form) throws Exception {
        return ConsoleLogin.postForm(c, port, path, form);
    }

    void rendersInBothLanguages(HttpClient c, String path, String chinese, String english) throws Exception {
        for (String lang : new String[] { "zh", "en" }) {
            var r = get(c, path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path + " " + lang).contains("</html>").doesNotContain("??").contains(lang.equals("zh") ? chinese : english);
        }
    }

    @Test
    void theProviderBoardOrderPageAndBookingForm() throws Exception {
        HttpClient op = ConsoleLogin.login(port, "provider1");
        rendersInBothLanguages(op, "/orders", "派单看板", "Order board");
        rendersInBothLanguages(op, "/orders?status=ASSIGNED&priority=RED", "派单看板", "Order board");
        assertThat(get(op, "/orders").body()).contains("id=\"bulk-accept\"", "data-order=");
        // refuse from the board: the row's reason and button belong to the order's own small form
        long toRefuse = jdbc.sql("""
                select id from dispatch_order where provider_id = (select organisation_id from access_user where username = 'provider1')
                   and status = 'PENDING' and window_start > now() + interval '6 days' order by id limit 1""").query(Long.class).single();
        String board = get(op, "/orders?from=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(6)).body();
        assertThat(board).contains("id=\"refuse-" + toRefuse + "\"", "form=\"refuse-" + toRefuse + "\"");
        var refusedR = post(op, "/orders/" + toRefuse + "/refuse", "reason=" + URLEncoder.encode("人手不足", StandardCharsets.UTF_8) + "&back=/orders");
        assertThat(refusedR.headers().firstValue("Location").orElse("")).endsWith("/orders");
        assertThat(jdbc.sql("select status from dispatch_order where id = ?").param(toRefuse).query(String.class).single()).isEqualTo("REFUSED");
        long provider = jdbc.sql("select organisation_id from access_user where username = 'provider1'").query(Long.class).single();
        // a pending order a few days ahead (the demo assigns only today's and tomorrow's): accept it, then assign
        long accepted = jdbc.sql("""
                select id from dispatch_order where provider_id = ? and status = 'PENDING' and required_qualification = 'NONE'
                   and window_start > now() + interval '3 days' order by window_start limit 1""").param(provider).query(Long.class).single();
        if (jdbc.sql("select status from dispatch_order where id = ?").param(accepted).query(String.class).single().equals("PENDING")) {
            assertThat(post(op, "/orders/" + accepted + "/accept", "x=1").statusCode()).isEqualTo(302);
        }
        rendersInBothLanguages(op, "/orders/" + accepted, "指派护理员", "Assign a caregiver");
        String page = get(op, "/orders/" + accepted).body();
        assertThat(page).contains("id=\"caregivers\"", "data-eligibility=\"ELIGIBLE\"");
        // assign the first assignable caregiver through the picker's form
        var m = java.util.regex.Pattern.compile("name=\"caregiverUserId\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        var r = post(op, "/orders/" + accepted + "/assign", "caregiverUserId=" + m.group(1));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select status from dispatch_order where id = ?").param(accepted).query(String.class).single()).isEqualTo("ASSIGNED");
        assertThat(get(op, "/orders/" + accepted).body()).contains("data-action=\"ASSIGNED\"");

        rendersInBothLanguages(op, "/orders/book", "预约下单", "Book a service");
        long elder = jdbc.sql("select elder_id from dispatch_order where provider_id = ? order by id limit 1").param(provider).query(Long.class).single();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        var quote = post(op, "/orders/book/quote", "elderId=" + elder + "&itemCode=HAIRCUT&date=" + tomorrow + "&quantity=1");
        assertThat(quote.body()).contains("id=\"quote-amount\"", "20.00");
        var bad = post(op, "/orders/book", "elderId=" + elder + "&itemCode=HAIRCUT&date=" + tomorrow + "&windowFrom=11:00&windowTo=10:00&quantity=1");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("data-field=\"windowTo\"");
        var booked = post(op, "/orders/book", "elderId=" + elder + "&itemCode=HAIRCUT&date=" + tomorrow + "&windowFrom=14:00&windowTo=15:00&quantity=1");
        assertThat(booked.statusCode()).isEqualTo(302);
        assertThat(booked.headers().firstValue("Location").orElse("")).matches(".*/orders/\\d+$");
        assertThat(get(ConsoleLogin.login(port, "family1"), "/orders/refused").statusCode()).isEqualTo(403);
    }

    @Test
    void theStreetMovesARefusedOrder() throws Exception {
        HttpClient street = ConsoleLogin.login(port, "street1");
        rendersInBothLanguages(street, "/orders/refused", "拒单转派", "Refused orders");
        String page = get(street, "/orders/refused").body();
        var m = java.util.regex.Pattern.compile("data-order=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("the demo leaves refused orders for street1").isTrue();
        long id = Long.parseLong(m.group(1));
        long current = jdbc.sql("select provider_id from dispatch_order where id = ?").param(id).query(Long.class).single();
        long other = jdbc.sql("select id from region_organisation where type = 'SERVICE_PROVIDER' and active and id <> ? order by id limit 1")
                .param(current).query(Long.class).single();
        var r = post(street, "/orders/" + id + "/reassign", "providerId=" + other + "&reason=" + URLEncoder.encode("原机构人手不足", StandardCharsets.UTF_8)
                + "&back=/orders/refused");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/orders/refused");
        assertThat(jdbc.sql("select status || ' ' || provider_id from dispatch_order where id = ?").param(id).query(String.class).single())
                .isEqualTo("PENDING " + other);
    }
}
