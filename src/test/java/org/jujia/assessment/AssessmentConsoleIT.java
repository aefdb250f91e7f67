package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The assessment console over plain HTTP, as the browser's form posts and htmx requests send it: care card, the form
 * and its live results, draft, sign, the assessment page and its PDF, health events, tasks and reassessments, and who
 * may see what.
 */
@IntegrationTest
class AssessmentConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A signed-in browser: cookies, and the CSRF token of the last page. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Session(String username) throws Exception {
            String page = send(HttpRequest.newBuilder(uri("/login")).build()).body();
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).isTrue();
            var r = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo123&_csrf=" + enc(m.group(1)))).build());
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
            get("/");
        }

        HttpResponse<String> get(String path) throws Exception {
            var r = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build());
            Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form, boolean htmx) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(form);
            all.put("_csrf", csrf);
            String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            var b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (htmx) {
                b.header("HX-Request", "true");
            }
            return send(b.build());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    long unassessedElderOfStreet1() {
        JsonNode page = Api.as(port, "street1").get("/api/v1/elders?size=100&sort=id,desc&status=ACTIVE").json();
        for (JsonNode e : page.get("content")) {
            long id = e.get("id").asLong();
            if (e.get("careColour").isNull()
                    && jdbc.sql("select count(*) from assessment where elder_id = ?").param(id).query(Long.class).single() == 0) {
                return id;
            }
        }
        throw new AssertionError("no unassessed elder left in street 1");
    }

    /** The form's fields of a complete sitting: MMSE normal, IADL independent, no frailty, NRS negative; Barthel items given. */
    static Map<String, String> form(int feeding, int bathing, int transfer, int mobility) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("place", "老人家中");
        f.put("reason", "INITIAL");
        Map.of("timeOrientation", 5, "placeOrientation", 5, "registration", 3, "attentionCalculation", 5, "recall", 3, "naming", 2,
                "repetition", 1, "threeStepCommand", 3, "reading", 1, "writing", 1).forEach((k, v) -> f.put("mmse." + k, v.toString()));
        f.put("mmse.copying", "1");
        f.put("mmse.education", "PRIMARY");
        Map.of("feeding", feeding, "bathing", bathing, "grooming", 5, "dressing", 10, "bowels", 10, "bladder", 10, "toiletUse", 10, "transfer",
                transfer, "mobility", mobility, "stairs", 10).forEach((k, v) -> f.put("barthel." + k, v.toString()));
        for (String k : new String[] { "telephone", "shopping", "foodPreparation", "housekeeping", "laundry", "transportation", "medication",
                "finances" }) {
            f.put("iadl." + k, "A");
        }
        for (String k : new String[] { "fatigue", "resistance", "ambulation", "weightLossOver5Percent" }) {
            f.put("frail." + k, "false");
        }
        f.put("frail.illnessCount", "1");
        for (String k : new String[] { "lowBmi", "weightLoss3Months", "reducedIntakeLastWeek", "severelyIll" }) {
            f.put("nrs2002.initial." + k, "false");
        }
        f.put("nrs2002.final.age", "80");
        return f;
    }

    static String colourOf(String html) {
        Matcher m = Pattern.compile("id=\"care-colour\"[^>]*data-colour=\"([A-Z]+)\"").matcher(html);
        assertThat(m.find()).as("results panel with a colour box:\n" + html).isTrue();
        return m.group(1);
    }

    @Test
    void anAssessorAssessesSignsAndPrintsAndTheStreetGetsTheRemakeTask() throws Exception {
        long elderId = unassessedElderOfStreet1();
        Session assessor = new Session("assessor1");

        var card = assessor.get("/elders/" + elderId + "/care-card");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"care-card\"", "尚未评估", "新评估", "记录住院/跌倒/重大疾病").doesNotContain("<html");

        var page = assessor.get("/elders/" + elderId + "/assessments/new");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("sec-mmse", "sec-barthel", "sec-iadl", "sec-frail", "sec-nrs2002", "sec-gbt42195", "sec-hardship",
                "name=\"barthel.transfer\"", "value=\"15\"", "name=\"gbt42195.B2.4\"", "name=\"nrs2002.final.age\"", "保存草稿", "签署",
                "简易精神状态检查（MMSE）", "床椅转移", "完成五项必评量表后显示照护等级");

        // live results: nothing answered, then only Barthel, then everything (RED), then Barthel at full marks (GREEN)
        var empty = assessor.post("/assessments/preview", Map.of(), true);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(colourOf(empty.body())).isEqualTo("PENDING");
        assertThat(empty.body()).contains("未完成：缺「进食」等 10 项", "未完成：缺「时间定向」等 12 项");

        Map<String, String> red = form(0, 0, 0, 0);
        red.put("barthel.dressing", "0");
        red.put("barthel.bowels", "0");
        Map<String, String> partial = new LinkedHashMap<>(red);
        partial.keySet().removeIf(k -> k.startsWith("nrs2002."));
        var incomplete = assessor.post("/assessments/preview", partial, true);
        assertThat(colourOf(incomplete.body())).isEqualTo("PENDING");
        assertThat(incomplete.body()).contains("BMI &lt; 20.5？").contains("重度依赖");

        assertThat(colourOf(assessor.post("/assessments/preview", red, true).body())).isEqualTo("RED");
        var green = assessor.post("/assessments/preview", form(10, 5, 15, 15), true);
        assertThat(colourOf(green.body())).isEqualTo("GREEN");
        assertThat(green.body()).contains("100 / 100", "无需依赖", "30 / 30", "8 / 8", "初筛阴性");

        // an incomplete sitting cannot be saved: the form comes back naming what is missing
        Map<String, String> missing = new LinkedHashMap<>(form(10, 5, 15, 15));
        missing.remove("barthel.stairs");
        missing.put("action", "save");
        var refused = assessor.post("/elders/" + elderId + "/assessments/new", missing, false);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-errors\"", "上下楼梯：未填写");

        // save a draft, edit it, sign it
        Map<String, String> first = form(10, 5, 15, 15);
        first.put("action", "save");
        var saved = assessor.post("/elders/" + elderId + "/assessments/new", first, false);
        assertThat(saved.statusCode()).isEqualTo(302);
        String editPath = URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(editPath).matches("/assessments/\\d+/edit");
        long assessmentId = Long.parseLong(editPath.split("/")[2]);
        var edit = assessor.get(editPath);
        assertThat(edit.body()).contains("草稿已保存", "id=\"f-barthel-transfer-15\" value=\"15\" checked");

        first.put("action", "sign");
        first.put("place", "老人家中（客厅）");
        var signed = assessor.post(editPath, first, false);
        assertThat(signed.statusCode()).isEqualTo(302);
        assertThat(signed.headers().firstValue("Location").orElseThrow()).endsWith("/assessments/" + assessmentId);
        var show = assessor.get("/assessments/" + assessmentId);
        assertThat(show.body()).contains("已签署", "评估已签署", "老人家中（客厅）", "绿色 · 生活自理", "report.pdf", "更正");
        String signature = jdbc.sql("select signature from assessment where id = ?").param(assessmentId).query(String.class).single();
        assertThat(show.body()).contains(signature);

        var refreshedCard = assessor.get("/elders/" + elderId + "/care-card").body();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(refreshedCard).contains("data-colour=\"GREEN\"", today.plusMonths(24).toString(), "data-care-chart=", "/assessments/" + assessmentId);

        // the PDF report
        var pdf = assessor.bytes("/assessments/" + assessmentId + "/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        reader.close();
        String name = jdbc.sql("select name from elder where id = ?").param(elderId).query(String.class).single();
        String masked = jdbc.sql("select id_number_masked from elder where id = ?").param(elderId).query(String.class).single();
        assertThat(text).contains("老年人能力综合评估报告", name, masked, "绿色·生活自理", "100/100", signature, "评估员陈静");

        // a second sitting 10 points lower: the street's officer must remake the care plan within 48 hours
        Map<String, String> second = form(5, 0, 15, 15);
        second.put("action", "sign");
        second.put("reason", "SCHEDULED");
        assertThat(assessor.post("/elders/" + elderId + "/assessments/new", second, false).statusCode()).isEqualTo(302);

        Session street = new Session("street1");
        var tasks = street.get("/assessment-tasks");
        assertThat(tasks.statusCode()).isEqualTo(200);
        Matcher row = Pattern.compile("<tr id=\"task-(\\d+)\"[^>]*data-kind=\"CARE_PLAN_REMAKE\" data-elder=\"" + elderId + "\"[\\s\\S]*?</tr>")
                .matcher(tasks.body());
        assertThat(row.find()).as("a remake task row for elder " + elderId).isTrue();
        assertThat(row.group()).containsPattern("class=\"countdown[^\"]*\" data-due=\"[^\"]+\">47:5\\d:\\d\\d<").contains("照护等级变化");
        long taskId = Long.parseLong(row.group(1));

        // past its deadline the task turns red and shows it was escalated
        jdbc.sql("update assessment_task set due_at = now() - interval '1 hour', escalated_at = now() where id = ?").param(taskId).update();
        Matcher late = Pattern.compile("<tr id=\"task-" + taskId + "\"[\\s\\S]*?</tr>").matcher(street.get("/assessment-tasks").body());
        assertThat(late.find()).isTrue();
        assertThat(late.group()).contains("class=\"task overdue\"", "data-overdue=\"true\"", "已超时", "已升级督办")
                .containsPattern("data-due=\"[^\"]+\">-(0:59:5\\d|1:00:0\\d)<");

        var blank = street.post("/assessment-tasks/" + taskId + "/done", Map.of("note", " "), true);
        assertThat(blank.body()).contains("请填写处理说明").doesNotContain("<html");
        var done = street.post("/assessment-tasks/" + taskId + "/done", Map.of("note", "已与家属重新制定照护计划"), true);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).startsWith("<tr").contains("data-status=\"DONE\"", "已与家属重新制定照护计划");
        assertThat(street.get("/assessment-tasks?status=DONE").body()).contains("task-" + taskId);
        assertThat(street.get("/assessment-tasks").body()).doesNotContain("id=\"task-" + taskId + "\"");

        // the street sees the card but may not assess
        assertThat(street.get("/elders/" + elderId + "/care-card").body()).contains("data-colour=\"YELLOW\"").doesNotContain("id=\"new-assessment\"");
        assertThat(street.get("/elders/" + elderId + "/assessments/new").statusCode()).isEqualTo(403);

        // a correction starts from the signed answers
        var correction = assessor.get("/elders/" + elderId + "/assessments/new?corrects=" + assessmentId);
        assertThat(correction.body()).contains("id=\"correcting\"", "name=\"correctsId\" value=\"" + assessmentId + "\"",
                "id=\"f-barthel-feeding-10\" value=\"10\" checked");
    }

    @Test
    void aFallRecordedOnTheCardOpensAReassessmentListedForTheStreet() throws Exception {
        long elderId = unassessedElderOfStreet1();
        Api assessorApi = Api.as(port, "assessor1");
        Map<String, Object> answers = AssessmentIT.answers(10, 5, 15, 15);
        var draft = assessorApi.post("/api/v1/elders/" + elderId + "/assessments", Map.of("place", "老人家中", "answers", answers));
        assertThat(assessorApi.post("/api/v1/assessments/" + draft.json().get("id").asLong() + "/sign", Map.of()).status()).isEqualTo(200);

        Session community = new Session("community1");
        var card = community.post("/elders/" + elderId + "/health-events",
                Map.of("type", "FALL", "occurredOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "note", "卫生间跌倒"), true);
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"event-recorded\"", "已生成立即重新评估任务", "今日到期");
        var future = community.post("/elders/" + elderId + "/health-events", Map.of("type", "FALL", "occurredOn", "2999-01-01"), true);
        assertThat(future.body()).contains("发生日期：不能晚于当前时间");

        Session street = new Session("street1");
        String tasks = street.get("/assessment-tasks").body();
        assertThat(tasks).containsPattern("data-kind=\"REASSESSMENT\" data-elder=\"" + elderId + "\"").contains("跌倒", "卫生间跌倒");
        assertThat(tasks).containsPattern("data-kind=\"REASSESSMENT\" data-elder=\"" + elderId + "\" data-status=\"OPEN\" data-overdue=\"false\"");
        String due = street.get("/reassessments").body();
        assertThat(due).contains("复评提醒", "<tr data-elder=\"" + elderId + "\"");

        jdbc.sql("update elder set next_reassessment_due = current_date - 3 where id = ?").param(elderId).update();
        assertThat(street.get("/reassessments").body()).contains("<tr class=\"overdue\" data-elder=\"" + elderId + "\"");
    }

    @Test
    void pagesRenderForTheRolesThatMaySeeThem() throws Exception {
        for (String user : new String[] { "street1", "community1", "assessor1" }) {
            Session s = new Session(user);
            assertThat(s.get("/").body()).contains("评估任务", "复评提醒");
            for (String path : new String[] { "/assessment-tasks", "/assessment-tasks?status=ALL", "/reassessments", "/assessment-tasks?lang=en",
                    "/reassessments" }) {
                var r = s.get(path);
                assertThat(r.statusCode()).as(user + " " + path).isEqualTo(200);
                assertThat(r.body()).contains("</html>").doesNotContain("??assess");
            }
            assertThat(s.get("/").body()).as("after ?lang=en").contains("Assessment tasks", "Reassessments due");
        }
        Session caregiver = new Session("caregiver1");
        assertThat(caregiver.get("/assessment-tasks").statusCode()).isEqualTo(403);
        assertThat(caregiver.get("/").body()).doesNotContain("评估任务");
        Session english = new Session("assessor1");
        long elderId = unassessedElderOfStreet1();
        var en = english.get("/elders/" + elderId + "/assessments/new?lang=en");
        assertThat(en.body()).contains("Mini-Mental State Examination (MMSE)", "Save draft", "Transfer (bed to chair)").doesNotContain("??");
    }
}
