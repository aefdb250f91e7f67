package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.support.Api;
import org.jujia.support.Chromium;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The console as a user sees it, in a real headless Chromium driven by Playwright against the whole platform:
 * login (Chinese by default, wrong password first), search within the street's jurisdiction, the elder detail with
 * its masked ID number and audited reveal, the spreadsheet import (all-or-nothing rejection naming the bad row,
 * then a clean import), English labels, and a phone-sized viewport. Screenshots of every main page go to
 * {@code target/screenshots/} for humans to look at.
 *
 * <p>Uses Debian's Chromium ({@code /usr/bin/chromium}, or {@code JUJIA_CHROMIUM}); Playwright never downloads a
 * browser. Without a Chromium the test is skipped, unless {@code JUJIA_REQUIRE_BROWSER=1} (as on CI), where it fails.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT extends BrowserTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PASSWORD = "demo123";
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "REJECTED", "FAILED");


    // ------------------------------------------------------------------ 1. login

    @Test
    @Order(1)
    void loginShowsChineseLabelsAndRejectsAWrongPassword() {
        page.navigate(base + "/elders");
        page.waitForURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(page.locator("label:has(#username) span").innerText()).isEqualTo("用户名");
        assertThat(page.locator("label:has(#password) span").innerText()).isEqualTo("密码");
        assertThat(page.locator("#login-submit").innerText()).isEqualTo("登录");
        assertThat(page.locator(".alert.error").count()).as("no error before a login attempt").isZero();
        shot("01-login");

        page.fill("#username", "street1");
        page.fill("#password", "wrong-" + PASSWORD);
        page.click("#login-submit");
        page.waitForURL(Pattern.compile(".*/login\\?error.*"));
        Locator error = page.locator(".alert.error");
        error.waitFor();
        assertThat(error.innerText()).isEqualTo("用户名或密码错误，或账号已被暂时锁定。");
        shot("02-login-wrong-password");

        page.fill("#username", "street1");
        page.fill("#password", PASSWORD);
        page.click("#login-submit");
        // back to the page first asked for (Spring Security adds "?continue" to that redirect)
        page.waitForURL(Pattern.compile(".*/elders(\\?continue)?$"));
        assertThat(page.locator("h1").innerText()).isEqualTo("老人档案");
        assertThat(page.locator("header .user").innerText()).contains("周敏");
        assertThat(page.locator("nav.sidenav").innerText()).contains("老人档案", "批量导入", "修改密码");
        assertThat(page.locator("header").innerText()).contains("退出登录");
        shot("03-after-login");
    }

    // ------------------------------------------------------------------ 2. search

    @Test
    @Order(2)
    void searchByTheFirstCharacterOfANameShowsOnlyTheStreetsElders() {
        login("street1");
        page.navigate(base + "/elders");
        assertThat(page.locator("h1").innerText()).isEqualTo("老人档案");
        List<String> names = elderNames();
        assertThat(names).as("street1's elder list").isNotEmpty();
        assertThat(communitiesInTable()).isSubsetOf(communitiesOfStreet1());
        shot("04-elder-list");

        // the most common first character on the first page, so the search finds several elders
        String first = names.stream().collect(Collectors.groupingBy(n -> n.substring(0, 1), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        search(first);
        System.out.println("[ConsoleBrowserIT] elements with id=results after an htmx search: "
                + page.evaluate("() => document.querySelectorAll('#results').length"));
        List<String> found = elderNames();
        assertThat(found).as("elders whose name starts with " + first).isNotEmpty().allMatch(n -> n.startsWith(first));
        assertThat(found).containsAll(names.stream().filter(n -> n.startsWith(first)).toList());
        assertThat(communitiesInTable()).as("every community in the result belongs to 平江街道").isNotEmpty()
                .isSubsetOf(communitiesOfStreet1());
        assertThat(page.locator("#results .hint").first().innerText()).matches("共 \\d+ 条");
        assertThat(page.locator("#q").inputValue()).isEqualTo(first);
        shot("05-elder-search");
    }

    // ------------------------------------------------------------------ 3. detail and reveal

    @Test
    @Order(3)
    void elderDetailMasksTheIdNumberUntilRevealedWithAPurpose() {
        login("street1");
        page.navigate(base + "/elders");
        Locator link = page.locator("#elder-table a.elder-link").first();
        String name = link.innerText().trim();
        String maskedInList = page.locator("#elder-table tbody tr").first().locator("td").nth(3).innerText().trim();
        link.click();
        page.waitForURL(Pattern.compile(".*/elders/\\d+$"));

        assertThat(page.locator("#elder-name").innerText()).isEqualTo(name);
        String masked = page.locator("#id-masked").innerText().trim();
        assertThat(masked).contains("********").hasSize(18).isEqualTo(maskedInList);
        assertThat(page.locator("#revealed-id").count()).as("nothing revealed before asking").isZero();
        assertThat(page.content()).as("the full ID number is not in the page").doesNotContainPattern("\\d{17}[\\dX]");
        shot("06-elder-detail");

        page.fill("#reveal-purpose", "核实身份（浏览器测试）");
        page.click("#reveal-submit");
        Locator revealed = page.locator("#revealed-id");
        revealed.waitFor();
        String full = revealed.innerText().trim();
        assertThat(full).hasSize(18).matches("\\d{17}[\\dX]");
        assertThat(ResidentIdNumber.isValid(full)).as(full + " is a valid ID number").isTrue();
        assertThat(new ResidentIdNumber(full).masked()).isEqualTo(masked);
        assertThat(page.locator("#revealed .alert.warn").innerText()).contains("审计日志");
        assertThat(page.url()).as("the reveal swapped in place, no navigation").matches(".*/elders/\\d+$");
        shot("07-elder-revealed");
    }

    // ------------------------------------------------------------------ 4. import

    @Test
    @Order(4)
    void allOrNothingImportRejectsAFileWithOneBadRowThenAValidFileIsImported() {
        login("street1");
        String suffix = chineseSuffix();
        String goodA = "浏览甲" + suffix;
        String badB = "浏览乙" + suffix;
        String goodC = "浏览丙" + suffix;
        String idA = idNumber();
        String idC = idNumber();
        String badId = withWrongCheckCharacter(idNumber());

        // A file with one bad row: nothing is imported, and the bad row is named as Excel shows it (header = row 1).
        byte[] bad = workbook(List.of(row(goodA, idA), row(badB, badId), row(goodC, idC)));
        String rejectedJob = upload("浏览器测试-有错误.xlsx", bad);
        assertThat(waitForJob()).as("status of the file with a bad row").isEqualTo("REJECTED");
        assertThat(page.locator("#job-status").innerText()).isEqualTo("未导入（存在错误）");
        assertThat(page.locator("#job-message").innerText()).contains("未导入任何数据");
        assertThat(page.locator("#import-errors").innerText()).contains("身份证号校验位错误");
        List<List<String>> errors = errorRows();
        assertThat(errors).as("rows of #import-errors").isNotEmpty();
        assertThat(errors).as("the bad row (row 3, column 身份证号) is reported")
                .anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("3", "身份证号"));
        assertThat(errors).as("only row 3 is reported").allSatisfy(r -> assertThat(r.get(0)).isEqualTo("3"));
        shot("08-import-rejected");

        for (String name : List.of(goodA, goodC, badB)) {
            page.navigate(base + "/elders");
            search(name);
            assertThat(elderNames()).as("after the rejected import, " + name + " was not committed").isEmpty();
            assertThat(page.locator("#elder-table tbody").innerText()).contains("暂无数据");
            assertThat(page.locator("#results .hint").first().innerText()).isEqualTo("共 0 条");
        }
        shot("09-search-after-rejected-import");

        // The corrected file goes in whole.
        byte[] good = workbook(List.of(row(goodA, idA), row(goodC, idC)));
        String importedJob = upload("浏览器测试-正确.xlsx", good);
        assertThat(importedJob).isNotEqualTo(rejectedJob);
        assertThat(waitForJob()).as("status of the valid file").isEqualTo("SUCCEEDED");
        assertThat(page.locator("#job-status").innerText()).isEqualTo("已完成");
        assertThat(page.locator("#job-message").innerText()).contains("已导入 2 位老人");
        assertThat(page.locator("#import-errors").count()).as("no error table for a clean import").isZero();
        assertThat(page.locator("#progress .hint").innerText()).contains("2 / 2");
        shot("10-import-succeeded");

        page.navigate(base + "/elders/imports");
        assertThat(page.locator("table.grid tbody").innerText()).contains("浏览器测试-正确.xlsx", "浏览器测试-有错误.xlsx");

        for (String name : List.of(goodA, goodC)) {
            page.navigate(base + "/elders");
            search(name);
            assertThat(elderNames()).as("after the clean import, " + name + " is found").containsExactly(name);
            assertThat(communitiesInTable()).containsExactly("平江新村社区");
        }
        shot("11-search-imported-elder");

        page.locator("#elder-table a.elder-link").first().click();
        page.waitForURL(Pattern.compile(".*/elders/\\d+$"));
        assertThat(page.locator("#elder-name").innerText()).isEqualTo(goodC);
        assertThat(page.locator("#id-masked").innerText()).isEqualTo(new ResidentIdNumber(idC).masked());
    }

    // ------------------------------------------------------------------ 5. English

    @Test
    @Order(5)
    void langEnSwitchesTheConsoleToEnglish() {
        page.navigate(base + "/login?lang=en");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
        assertThat(page.locator("label:has(#username) span").innerText()).isEqualTo("Username");
        assertThat(page.locator("label:has(#password) span").innerText()).isEqualTo("Password");
        assertThat(page.locator("#login-submit").innerText()).isEqualTo("Sign in");
        assertThat(page.locator("header a.lang").innerText()).as("the switch back to Chinese").isEqualTo("中文");
        shot("12-login-en");

        page.fill("#username", "street1");
        page.fill("#password", PASSWORD);
        page.click("#login-submit");
        page.waitForURL(Pattern.compile(".*/$"));
        page.navigate(base + "/elders");
        assertThat(page.locator("h1").innerText()).isEqualTo("Elders");
        assertThat(page.locator("#search-submit").innerText()).isEqualTo("Search");
        assertThat(page.locator("label:has(#q) span").innerText()).isEqualTo("Name / ID number / phone");
        assertThat(page.locator("nav.sidenav").innerText()).contains("Elders", "Import");
        assertThat(page.locator("#elder-table thead").innerText()).contains("Name");
        shot("13-elders-en");

        page.navigate(base + "/elders/imports");
        assertThat(page.locator("h1").innerText()).isEqualTo("Import an elder register");
        assertThat(page.locator("#import-submit").innerText()).isEqualTo("Upload and check");
        shot("14-import-en");
    }

    // ------------------------------------------------------------------ 6. phone

    @Test
    @Order(6)
    void aPhoneSizedScreenStillShowsTheElderList() {
        open(new Browser.NewContextOptions().setViewportSize(375, 812).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        login("street1");
        page.navigate(base + "/elders");
        Locator table = page.locator("#elder-table");
        assertThat(table.isVisible()).isTrue();
        assertThat(elderNames()).isNotEmpty();
        assertThat((Number) page.evaluate("() => document.documentElement.scrollWidth")).as("no sideways scrolling on a 375px screen")
                .matches(w -> w.intValue() <= 375);
        Locator firstRow = page.locator("#elder-table tbody tr").first();
        assertThat(firstRow.locator("a.elder-link").isVisible()).as("the name is shown on a phone").isTrue();
        assertThat(firstRow.locator("td.hide-sm").first().isVisible()).as("secondary columns are hidden on a phone").isFalse();
        var box = firstRow.locator("a.elder-link").boundingBox();
        assertThat(box.x).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("the name fits the 375px screen").isLessThanOrEqualTo(375);
        assertThat(page.locator("nav.sidenav").isVisible()).as("the side menu is folded away on a phone").isFalse();
        System.out.println("[ConsoleBrowserIT] on a 375x812 phone the elder table starts at y=" + table.boundingBox().y + " px");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("15-mobile-elders-first-screen.png")));
        shot("16-mobile-elders-full");
        page.evaluate("() => window.scrollTo(0, document.querySelector('#results').getBoundingClientRect().top + window.scrollY - 60)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("17-mobile-elders-list.png")));
        page.evaluate("() => window.scrollTo(0, 0)");

        page.click("button.menu-toggle");
        page.locator("nav.sidenav").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        assertThat(page.locator("nav.sidenav").innerText()).contains("老人档案");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("18-mobile-menu.png")));
    }

    // ------------------------------------------------------------------ helpers


    /** Types into the search box and presses 查询; waits until htmx (or a plain page load) shows new results. */
    private void search(String q) {
        page.evaluate("() => document.querySelectorAll('#elder-table').forEach(t => t.setAttribute('data-stale', '1'))");
        page.fill("#q", q);
        page.click("#search-submit");
        page.locator("#elder-table:not([data-stale])").waitFor();
        assertThat(page.locator("#elder-table[data-stale]").count()).as("old results are gone").isZero();
    }

    private List<String> elderNames() {
        return page.locator("#elder-table a.elder-link").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The 社区 column (6th) of every result row. */
    private Set<String> communitiesInTable() {
        List<String> out = new ArrayList<>();
        Locator rows = page.locator("#elder-table tbody tr:has(a.elder-link)");
        for (int i = 0; i < rows.count(); i++) {
            out.add(rows.nth(i).locator("td").nth(5).innerText().trim());
        }
        return Set.copyOf(out);
    }

    /** The communities of 平江街道, as the city administrator's API lists them. */
    private Set<String> communitiesOfStreet1() {
        JsonNode list = Api.as(port, "admin").get("/api/v1/regions?level=COMMUNITY").json();
        Set<String> names = new java.util.HashSet<>();
        for (JsonNode r : list) {
            if (r.get("code").asText().startsWith("320508001")) {
                names.add(r.get("name").asText());
            }
        }
        assertThat(names).as("communities of 平江街道").contains("平江新村社区");
        return names;
    }

    /** Uploads a workbook in the default (all-or-nothing) mode; returns the job id from the page it lands on. */
    private String upload(String fileName, byte[] content) {
        page.navigate(base + "/elders/imports");
        assertThat(page.locator("h1").innerText()).isEqualTo("批量导入老人名册");
        assertThat(page.locator("select[name=mode]").inputValue()).as("default mode").isEqualTo("ALL_OR_NOTHING");
        page.setInputFiles("#import-file", new FilePayload(fileName, XLSX, content));
        page.click("#import-submit");
        page.waitForURL(Pattern.compile(".*/elders/imports/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1").innerText()).contains(fileName);
        return page.url().substring(page.url().lastIndexOf('/') + 1);
    }

    /** Waits (the page polls every second) until the job has finished; returns its data-status. */
    private String waitForJob() {
        page.waitForFunction("s => { const e = document.querySelector('#job-status'); return e && s.includes(e.dataset.status); }",
                List.copyOf(FINISHED), new Page.WaitForFunctionOptions().setTimeout(90_000).setPollingInterval(250));
        String status = page.locator("#job-status").getAttribute("data-status");
        assertThat(page.locator("#progress").getAttribute("hx-trigger")).as("a finished job's page stops polling").isNull();
        return status;
    }

    private List<List<String>> errorRows() {
        List<List<String>> out = new ArrayList<>();
        Locator rows = page.locator("#import-errors tbody tr");
        for (int i = 0; i < rows.count(); i++) {
            out.add(rows.nth(i).locator("td").allInnerTexts().stream().map(String::trim).toList());
        }
        return out;
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    // ------------------------------------------------------------------ test data

    private static final String[] HEADERS = { "姓名", "身份证号", "联系电话", "社区编码", "小区编码", "详细地址", "户籍", "居住状况", "经济类别", "失独",
            "特殊贡献", "纬度", "经度", "紧急联系人", "联系人关系", "联系人电话", "健康状况", "用药情况" };

    private static String[] row(String name, String idNumber) {
        return new String[] { name, idNumber, "", "320508001001", "", "平江路 8 号", "江苏省苏州市", "独居", "普通", "否", "否", "", "", "", "", "", "",
                "" };
    }

    /** The import template's sheet 老人名册: the header row, then one row per elder, every cell as text. */
    private static byte[] workbook(List<String[]> rows) {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("老人名册");
            var text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            var header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).length; i++) {
                    var cell = row.createCell(i);
                    cell.setCellStyle(text);
                    cell.setCellValue(rows.get(r)[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A valid ID number of a woman registered in 姑苏区, aged 65 to 95. */
    private static String idNumber() {
        var rnd = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.now().minusYears(65).minusDays(rnd.nextInt(30 * 365));
        return ResidentIdNumber.of("320508", birth, Sex.FEMALE, rnd.nextInt(1000)).value();
    }

    private static String withWrongCheckCharacter(String id) {
        char check = id.charAt(17);
        char wrong = check == 'X' ? '0' : check == '9' ? 'X' : (char) (check + 1);
        String bad = id.substring(0, 17) + wrong;
        assertThat(ResidentIdNumber.isValid(bad)).isFalse();
        return bad;
    }

    /** Three random Chinese characters, so reruns against the same database do not clash. */
    private static String chineseSuffix() {
        String pool = "春夏秋冬梅兰竹菊松柏桂荷星月云霞晨曦明亮安宁和平康乐福寿喜庆吉祥瑞雪丰年金玉";
        var rnd = ThreadLocalRandom.current();
        return rnd.ints(3, 0, pool.length()).mapToObj(i -> String.valueOf(pool.charAt(i))).collect(Collectors.joining());
    }
}
