package org.jujia.elder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Spreadsheet import over HTTP: every bad row reported, nothing committed unless all rows are valid. */
@IntegrationTest
class ElderImportIT {

    @LocalServerPort
    int port;

    static int seq = (int) (System.nanoTime() % 700);

    static String[] row(String name, String idNumber, String community) {
        return new String[] { name, idNumber, "13812345678", community, "", "平江路 5 号", "江苏省苏州市", "独居", "低保", "否", "否", "31.31", "120.62",
                "李强", "儿子", "13987654321", "高血压", "氨氯地平" };
    }

    static String validId() {
        seq++;
        return ResidentIdNumber.of("320582", LocalDate.of(1942, 6, 1).plusDays(seq * 3L % 2500), Sex.FEMALE, seq % 1000).value();
    }

    static byte[] workbook(List<String[]> rows) throws IOException {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(ElderWorkbook.template())); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.removeRow(sheet.getRow(1));
            for (int i = 0; i < rows.size(); i++) {
                Row r = sheet.createRow(i + 1);
                for (int c = 0; c < rows.get(i).length; c++) {
                    r.createCell(c).setCellValue(rows.get(i)[c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static JsonNode await(Api api, String location) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode job = api.get(location).json();
            if (List.of("SUCCEEDED", "REJECTED", "FAILED").contains(job.get("status").asText())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    long count(Api api, String name) {
        return api.get("/api/v1/elders?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).json()
                .get("totalElements").asLong();
    }

    @Test
    void oneBadRowMeansNothingIsImportedAndEveryProblemIsReported() throws Exception {
        Api community1 = Api.as(port, "community1");
        String good = validId();
        String badChecksum = validId();
        badChecksum = badChecksum.substring(0, 17) + (badChecksum.charAt(17) == '1' ? '2' : '1');
        String[] bad = row("导入乙", badChecksum, "320508001001");
        bad[7] = "住在月球";
        byte[] file = workbook(List.of(row("导入甲", good, "320508001001"), bad, row("导入丙", validId(), "320508002001"),
                row("导入丁", good, "320508001001")));

        var upload = community1.upload("/api/v1/elders/imports", "register.xlsx", file, Map.of());
        assertThat(upload.status()).isEqualTo(202);
        JsonNode job = await(community1, upload.headers().firstValue("Location").orElseThrow());

        assertThat(job.get("status").asText()).isEqualTo("REJECTED");
        assertThat(job.get("importedRows").asInt()).isZero();
        assertThat(job.get("totalRows").asInt()).isEqualTo(4);
        List<String> problems = new java.util.ArrayList<>();
        job.get("errors").forEach(e -> problems.add(e.get("row").asInt() + ":" + e.get("column").asText() + ":" + e.get("code").asText()));
        assertThat(problems).contains("3:身份证号:idNumber.checksum", "3:居住状况:invalid", "4:社区编码:unknown", "5:身份证号:duplicate");
        assertThat(count(community1, "导入甲")).isZero();
    }

    @Test
    void aValidFileIsImportedCompletely() throws Exception {
        Api community1 = Api.as(port, "community1");
        byte[] file = workbook(List.of(row("导入戊", validId(), "320508001001"), row("导入己", validId(), "320508001001")));
        var upload = community1.upload("/api/v1/elders/imports", "register.xlsx", file, Map.of());
        JsonNode job = await(community1, upload.headers().firstValue("Location").orElseThrow());
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("importedRows").asInt()).isEqualTo(2);
        assertThat(count(community1, "导入戊")).isEqualTo(1);
    }

    @Test
    void commitValidModeImportsTheGoodRowsAndHandsBackTheRejects() throws Exception {
        Api community1 = Api.as(port, "community1");
        byte[] file = workbook(List.of(row("导入庚", validId(), "320508001001"), row("导入辛", "123", "320508001001")));
        var upload = community1.upload("/api/v1/elders/imports", "register.xlsx", file, Map.of("mode", "COMMIT_VALID"));
        String location = upload.headers().firstValue("Location").orElseThrow();
        JsonNode job = await(community1, location);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("importedRows").asInt()).isEqualTo(1);
        assertThat(job.get("hasRejectsFile").asBoolean()).isTrue();
        var rejects = community1.getBytes(location + "/rejects");
        assertThat(rejects.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(rejects.body()))) {
            Row r = wb.getSheetAt(0).getRow(1);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("导入辛");
            assertThat(r.getCell(ElderWorkbook.COLUMNS.size() + 1).getStringCellValue()).contains("身份证号");
        }
        assertThat(count(community1, "导入庚")).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotTheTemplateIsRefusedAtOnce() {
        Api community1 = Api.as(port, "community1");
        var r = community1.upload("/api/v1/elders/imports", "notes.xlsx", "hello".getBytes(), Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(Api.as(port, "caregiver1").upload("/api/v1/elders/imports", "x.xlsx", ElderWorkbook.template(), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void templateAndExportDownload() throws Exception {
        Api street1 = Api.as(port, "street1");
        var template = street1.getBytes("/api/v1/elders/imports/template");
        assertThat(template.statusCode()).isEqualTo(200);
        var export = street1.getBytes("/api/v1/elders/export?livingSituation=ALONE");
        assertThat(export.statusCode()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getLastRowNum()).isPositive();
            assertThat(s.getRow(1).getCell(5).getStringCellValue()).contains("********");
        }
        assertThat(street1.getBytes("/api/v1/elders/export?reveal=true").statusCode()).isEqualTo(400);
        assertThat(Api.as(port, "caregiver1").getBytes("/api/v1/elders/export").statusCode()).isEqualTo(403);
    }
}
