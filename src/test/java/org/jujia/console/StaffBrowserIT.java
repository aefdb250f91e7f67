package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.Qualification;
import org.jujia.support.IntegrationTest;
import org.jujia.support.StaffFixtures;
import org.jujia.workforce.Eligibility;
import org.jujia.workforce.Staff;
import org.jujia.workforce.Workforce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff pages in a real browser: a provider finds a new caregiver who may do simple services but no caregiving for
 * want of a certificate, records the certificate on the caregiver's page, and sees them become assignable for it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffBrowserIT extends BrowserTestBase {

    @Autowired
    Workforce workforce;

    @Autowired
    UserAccounts users;

    /** A caregiver of provider1's organisation, trained and checked, without any certificate. */
    long[] newCaregiverWithoutCertificate(LocalDate today) {
        StaffFixtures.Fresh f = StaffFixtures.newCaregiver(users, workforce, "新护理员", "白班 08:00-17:00", today);
        for (String[] course : new String[][] { { "PJ-LAW", "1440" }, { "PJ-PSY", "1440" }, { "PJ-FIRSTAID", "1920" }, { "PJ-TURNING", "1440" },
                { "PJ-HEIMLICH", "1440" }, { "PJ-AED", "1920" } }) {
            boolean practical = course[0].equals("PJ-TURNING") || course[0].equals("PJ-HEIMLICH") || course[0].equals("PJ-AED");
            LocalDate on = today.minusMonths(2);
            workforce.recordAttendance(f.staffId(), new Staff.AttendanceInput(course[0], on, Integer.parseInt(course[1]),
                    on.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), practical ? Boolean.TRUE : null), StaffFixtures.ADMIN);
        }
        return new long[] { f.userId(), f.staffId() };
    }

    @Test
    void a_provider_records_a_certificate_and_the_new_caregiver_becomes_assignable() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long[] fresh = newCaregiverWithoutCertificate(today);
        assertThat(workforce.assignability(fresh[0], Qualification.CAREGIVER, null, today)).isEqualTo(Eligibility.CERTIFICATE_INVALID);
        assertThat(workforce.assignability(fresh[0], Qualification.NONE, null, today)).as("no certificate for simple services").isEqualTo(Eligibility.ELIGIBLE);

        login("provider1");
        page.navigate(base + "/staff");
        assertThat(page.locator("#staff-table tr.staff-row").count()).isGreaterThan(5);
        assertThat(page.locator("#staff-table tr.staff-row[data-id='" + fresh[1] + "'] .badge").innerText()).as("judged as a caregiver")
                .isEqualTo("证书无效或过期");
        page.locator("#staff-table tr.staff-row[data-id='" + fresh[1] + "'] a").first().click();
        page.waitForURL(Pattern.compile(".*/staff/" + fresh[1] + "$"));
        assertThat(page.locator("#assignability .badge[data-qualification=NONE]").innerText()).isEqualTo("一般服务: 符合");
        assertThat(page.locator("#assignability .badge.bad[data-qualification=CAREGIVER]").innerText()).isEqualTo("养老护理员: 证书无效或过期");

        page.selectOption("#certificates select[name=type]", "CAREGIVER");
        page.fill("#certificates input[name=number]", "苏养护-2026-0815");
        page.selectOption("#certificates select[name=level]", "LEVEL_3");
        page.fill("#certificates input[name=issuer]", "苏州市人力资源和社会保障局");
        page.fill("#certificates input[name=validFrom]", today.minusDays(10).toString());
        page.fill("#certificates input[name=validTo]", today.plusYears(3).toString());
        page.click("#certificates button[type=submit]");
        page.waitForURL(Pattern.compile(".*/staff/" + fresh[1] + "$"));
        assertThat(page.locator("#flash-ok").count()).isEqualTo(1);
        assertThat(page.locator("#certificates").innerText()).contains("苏养护-2026-0815");
        assertThat(page.locator("#assignability .badge.ok[data-qualification=CAREGIVER]").innerText()).isEqualTo("养老护理员: 符合");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("staff-detail.png")).setFullPage(true));

        page.navigate(page.url() + "?lang=en");
        assertThat(page.locator("#assignability .badge.ok[data-qualification=CAREGIVER]").innerText()).isEqualTo("Elder caregiver: Eligible");
        assertThat(page.locator("#certificates").innerText()).contains("Certificates");
    }
}
