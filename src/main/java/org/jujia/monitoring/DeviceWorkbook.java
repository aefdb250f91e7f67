package org.jujia.monitoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.ImportTemplate;

/** The device register spreadsheet: the template with Chinese headers and reading its rows. */
final class DeviceWorkbook {

    record Column(String header, String field, boolean required, String note) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("设备序列号", "serial", true, "3–64 位字母、数字、. _ -"),
            new Column("设备类型", "type", true, "紧急呼叫按钮 / 烟感 / 燃气 / 水浸 / 门磁 / 跌倒雷达 / 智能床垫 / 智能手环 / 智能药盒 / 网关"),
            new Column("老人编号", "elderId", false, "老人档案编号（网关可空：楼栋网关）"),
            new Column("安装位置", "room", false, "如 卧室、厨房、大门"),
            new Column("安装日期", "installedOn", false, "yyyy-MM-dd，空为今天"),
            new Column("固件版本", "firmware", false, "如 1.2.0"),
            new Column("网关序列号", "gatewaySerial", false, "经网关转发的传感器填写网关序列号（网关须在其上方的行或已登记）"));

    static final String SHEET = "设备登记";

    static final Map<String, DeviceType> TYPE_LABELS = Map.ofEntries(
            Map.entry("紧急呼叫按钮", DeviceType.SOS_BUTTON), Map.entry("一键呼叫", DeviceType.SOS_BUTTON), Map.entry("烟感", DeviceType.SMOKE),
            Map.entry("烟雾报警器", DeviceType.SMOKE), Map.entry("燃气", DeviceType.GAS), Map.entry("燃气报警器", DeviceType.GAS),
            Map.entry("水浸", DeviceType.WATER_LEAK), Map.entry("门磁", DeviceType.DOOR_CONTACT), Map.entry("跌倒雷达", DeviceType.FALL_RADAR),
            Map.entry("智能床垫", DeviceType.MATTRESS), Map.entry("智能手环", DeviceType.WEARABLE), Map.entry("穿戴设备", DeviceType.WEARABLE),
            Map.entry("智能药盒", DeviceType.PILL_BOX), Map.entry("网关", DeviceType.GATEWAY));

    static class BadTemplateException extends RuntimeException {
        BadTemplateException(String message) {
            super(message);
        }
    }

    /** A data row: its row number as Excel shows it, the registration and cell format errors. */
    record ParsedRow(int rowNumber, DeviceRegistration input, List<FieldViolation> formatErrors) {
    }

    private DeviceWorkbook() {
    }

    static String headerOf(String field) {
        for (Column c : COLUMNS) {
            if (c.field().equals(field)) {
                return c.header();
            }
        }
        return field;
    }

    static String label(DeviceType type) {
        return TYPE_LABELS.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).sorted().findFirst().orElse(type.name());
    }

    static byte[] template() {
        return ImportTemplate.build(SHEET, COLUMNS.stream().map(c -> new ImportTemplate.Column(c.header(), c.required(), c.note(), 16)).toList(),
                List.of(new String[] { "GW-320508-0001", "网关", "1", "客厅", "2026-11-01", "2.1.0", "" },
                        new String[] { "SOS-320508-0001", "紧急呼叫按钮", "1", "卧室", "2026-11-01", "1.0.3", "GW-320508-0001" }),
                List.of("带 * 的列为必填；示例行导入前请删除或替换。任一行有误则全部不导入，并逐行报告（行号、列、原因）。",
                        "导入成功后每台设备的 MQTT 密钥只显示一次，请立即下载保存。"));
    }

    /** Every non-blank data row of the first sheet. */
    static List<ParsedRow> read(byte[] file) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            checkHeader(header);
            DataFormatter fmt = new DataFormatter();
            List<ParsedRow> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> raw = new ArrayList<>();
                List<FieldViolation> errors = new ArrayList<>();
                LocalDate installed = null;
                boolean blank = true;
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Cell cell = row.getCell(i);
                    String value = cell == null ? "" : fmt.formatCellValue(cell).trim();
                    if (cell != null && COLUMNS.get(i).field().equals("installedOn") && cell.getCellType() == CellType.NUMERIC
                            && DateUtil.isCellDateFormatted(cell)) {
                        installed = cell.getLocalDateTimeCellValue().toLocalDate();
                    }
                    raw.add(value);
                    blank &= value.isEmpty();
                }
                if (blank) {
                    continue;
                }
                rows.add(new ParsedRow(r + 1, toInput(raw, installed, errors), errors));
            }
            return rows;
        } catch (IOException | org.apache.poi.EmptyFileException
                | org.apache.poi.UnsupportedFileFormatException e) {
            throw new BadTemplateException("the file is not an .xlsx workbook");
        }
    }

    private static void checkHeader(Row header) {
        if (header == null) {
            throw new BadTemplateException("the first sheet has no header row");
        }
        DataFormatter fmt = new DataFormatter();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Cell c = header.getCell(i);
            String h = c == null ? "" : fmt.formatCellValue(c).trim().replace("*", "");
            if (!h.equals(COLUMNS.get(i).header())) {
                throw new BadTemplateException("column " + (i + 1) + " should be '" + COLUMNS.get(i).header() + "' but is '" + h
                        + "'; please use the downloadable template");
            }
        }
    }

    private static DeviceRegistration toInput(List<String> v, LocalDate installedCell, List<FieldViolation> errors) {
        DeviceType type = null;
        if (!v.get(1).isEmpty()) {
            type = TYPE_LABELS.get(v.get(1));
            if (type == null) {
                try {
                    type = DeviceType.valueOf(v.get(1).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldViolation("type", "unknown", "unknown device type '" + v.get(1) + "'"));
                }
            }
        }
        Long elderId = null;
        if (!v.get(2).isEmpty()) {
            try {
                elderId = Long.parseLong(v.get(2).replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldViolation("elderId", "format", "the elder number must be a whole number"));
            }
        }
        LocalDate installed = installedCell;
        if (installed == null && !v.get(4).isEmpty()) {
            try {
                installed = LocalDate.parse(v.get(4).replace('/', '-'));
            } catch (DateTimeParseException e) {
                errors.add(new FieldViolation("installedOn", "format", "the date must look like 2026-11-01"));
            }
        }
        return new DeviceRegistration(blank(v.get(0)), type, elderId, blank(v.get(3)), installed, blank(v.get(5)), blank(v.get(6)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
