package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The device registry over HTTP: validation naming fields, jurisdiction, secrets shown once, spreadsheets all or nothing. */
@IntegrationTest
class DeviceRegistryIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void registrationValidatesEveryFieldAndShowsTheSecretOnce() {
        Api street = Api.as(port, "street1");
        long elder = TestDevices.elder(street, 5);
        Api.Response bad = street.post("/api/v1/devices", Map.of("serial", "a/b", "elderId", 999_999_999, "room", "x".repeat(60),
                "installedOn", "2999-01-01", "gatewaySerial", "NO-SUCH-GW"));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = bad.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("serial", "type", "elderId", "room", "installedOn", "gatewaySerial");

        var d = TestDevices.register(street, DeviceType.WATER_LEAK, elder, null);
        assertThat(d.secret()).hasSize(32);
        String stored = jdbc.sql("select secret_hash from monitoring_device where id = ?").param(d.id()).query(String.class).single();
        assertThat(stored).doesNotContain(d.secret()).isEqualTo(DeviceSecrets.hash(d.secret()));
        JsonNode view = street.get("/api/v1/devices/" + d.id()).json();
        assertThat(view.has("secret")).isFalse();
        assertThat(view.toString()).doesNotContain(d.secret());
        assertThat(view.get("elderName").asString()).isNotBlank();

        Api.Response dup = street.post("/api/v1/devices", Map.of("serial", d.serial(), "type", "SMOKE", "elderId", elder));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("errors").get(0).get("field").asString()).isEqualTo("serial");
    }

    @Test
    void devicesAreScopedToTheCallersAreaAndWritesNeedDeviceAdmin() {
        Api street = Api.as(port, "street1");
        var d = TestDevices.register(street, DeviceType.DOOR_CONTACT, TestDevices.elder(street, 6), null);
        Api other = Api.as(port, "street2");
        assertThat(other.get("/api/v1/devices/" + d.id()).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/devices?q=" + d.serial()).json().get("totalElements").asLong()).isZero();
        assertThat(street.get("/api/v1/devices?q=" + d.serial()).json().get("totalElements").asLong()).isEqualTo(1);
        assertThat(street.get("/api/v1/elders/" + d.elderId() + "/devices").json().valueStream()
                .anyMatch(x -> x.get("serial").asString().equals(d.serial()))).isTrue();
        Api operator = Api.as(port, "operator1");
        assertThat(operator.get("/api/v1/devices/" + d.id()).status()).isEqualTo(200);
        assertThat(operator.post("/api/v1/devices/" + d.id() + "/retire", Map.of()).status()).isEqualTo(403);
        assertThat(street.post("/api/v1/devices/" + d.id() + "/retire", Map.of()).json().get("status").asString()).isEqualTo("RETIRED");
        assertThat(street.post("/api/v1/devices/" + d.id() + "/retire", Map.of()).status()).isEqualTo(400);
    }

    static byte[] workbook(List<String[]> rows) throws Exception {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(DeviceWorkbook.template())); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.removeRow(sheet.getRow(1));
            sheet.removeRow(sheet.getRow(2));
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

    HttpResponse<String> upload(Api api, byte[] file) throws Exception {
        String boundary = "----jujia" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices/imports"))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSpreadsheetRegistersAllOrNothingAndReportsEveryBadRow() throws Exception {
        Api street = Api.as(port, "street1");
        String elder = Long.toString(TestDevices.elder(street, 7));
        String gw = TestDevices.serial("XGW");
        String sos = TestDevices.serial("XSOS");
        String smoke = TestDevices.serial("XSMK");
        byte[] bad = workbook(List.of(
                new String[] { gw, "网关", elder, "客厅", "2026-11-01", "2.0", "" },
                new String[] { sos, "紧急呼叫按钮", elder, "卧室", "2026-11-01", "1.0", gw },
                new String[] { smoke, "烟雾器", elder, "厨房", "", "", "" },
                new String[] { "", "门磁", "abc", "", "11/2026", "", "" },
                new String[] { sos, "门磁", elder, "", "", "", "" }));
        var r = upload(street, bad);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = JsonMapper.builder().build().readTree(r.body());
        List<String> errors = problem.get("errors").valueStream()
                .map(e -> e.get("row").asInt() + ":" + e.get("column").asString() + ":" + e.get("code").asString()).toList();
        assertThat(errors).contains("4:设备类型:unknown", "5:设备序列号:required", "5:老人编号:format", "5:安装日期:format", "6:设备序列号:duplicate");
        assertThat(jdbc.sql("select count(*) from monitoring_device where serial in (?, ?, ?)").params(gw, sos, smoke).query(Long.class).single())
                .isZero();

        var ok = upload(street, workbook(List.of(
                new String[] { gw, "网关", elder, "客厅", "2026-11-01", "2.0", "" },
                new String[] { sos, "紧急呼叫按钮", elder, "卧室", "2026-11-01", "1.0", gw },
                new String[] { smoke, "SMOKE", elder, "厨房", "", "", gw })));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode result = JsonMapper.builder().build().readTree(ok.body());
        assertThat(result.get("registered").size()).isEqualTo(3);
        assertThat(result.get("registered").get(1).get("secret").asString()).hasSize(32);
        assertThat(result.get("registered").get(1).get("device").get("gatewaySerial").asString()).isEqualTo(gw);
    }
}
