package org.jujia.elder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jujia.shared.ImportTemplate;
import org.jujia.shared.FieldViolation;

/**
 * The elder register spreadsheet: the import template with Chinese headers, reading rows into
 * {@link ElderInput}s (with cell-level format errors), the rejects file and the export.
 */
final class ElderWorkbook {

    /** One column of the register: its Chinese header and the input field it fills. */
    record Column(String header, String field, boolean required, String note) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("姓名", "name", true, "老人姓名"),
            new Column("身份证号", "idNumber", true, "18 位居民身份证号（文本格式）"),
            new Column("联系电话", "phone", false, "手机或固定电话"),
            new Column("社区编码", "communityCode", true, "所在社区的区划编码"),
            new Column("小区编码", "complexCode", false, "所在小区编码（可空）"),
            new Column("详细地址", "address", false, "楼栋单元门牌"),
            new Column("户籍", "hukou", false, "户籍所在地"),
            new Column("居住状况", "livingSituation", true, "独居 / 空巢 / 与家人同住"),
            new Column("经济类别", "economicCategory", true, "特困 / 低保 / 低收入 / 普通"),
            new Column("失独", "lostOnlyChild", false, "是 / 否"),
            new Column("特殊贡献", "specialContribution", false, "是 / 否"),
            new Column("纬度", "latitude", false, "如 31.3165"),
            new Column("经度", "longitude", false, "如 120.6290"),
            new Column("紧急联系人", "contacts[0].name", false, "姓名"),
            new Column("联系人关系", "contacts[0].relation", false, "如 儿子、女儿、邻居"),
            new Column("联系人电话", "contacts[0].phone", false, "手机"),
            new Column("健康状况", "health.conditions", false, "慢性病等"),
            new Column("用药情况", "health.medications", false, "常用药"),
            new Column("长护险参保", "ltcInsured", false, "是 / 否"),
            new Column("长护险参保号", "ltcNumber", false, "参加长期护理保险的必填"),
            new Column("商业补充保险", "commercialInsured", false, "是 / 否"),
            new Column("承保公司", "commercialInsurer", false, "参加商业补充保险的必填"),
            new Column("保单号", "commercialPolicyNumber", false, "参加商业补充保险的必填"),
            new Column("特困自理能力", "hardshipSelfCare", false, "具备自理能力 / 部分丧失自理能力 / 完全丧失自理能力（仅特困老人）"));

    /**
     * Columns every template has. The enrolment columns after them (added with the funding rule) may be missing from
     * templates downloaded before; such files still import, without enrolment.
     */
    static final int BASE_COLUMNS = 18;

    static final String SHEET = "老人名册";

    private ElderWorkbook() {
    }

    /** The column header a field belongs to (for error reports). */
    static String headerOf(String field) {
        for (Column c : COLUMNS) {
            if (c.field().equals(field)) {
                return c.header();
            }
        }
        if (field.startsWith("health")) {
            return "健康状况";
        }
        if (field.startsWith("contacts")) {
            return "紧急联系人";
        }
        if (field.equals("birthDate") || field.equals("sex")) {
            return "身份证号";
        }
        return field;
    }

    /** A parsed data row: its spreadsheet row number (1-based, as Excel shows it), the input, and format errors. */
    record ParsedRow(int rowNumber, ElderInput input, List<FieldViolation> formatErrors, List<String> rawValues) {
    }

    /** The header is wrong: which column was expected where. */
    static final class BadTemplateException extends RuntimeException {
        BadTemplateException(String message) {
            super(message);
        }
    }

    static byte[] template() {
        String[] example = { "王秀英", "320508194503120026", "13812345678", "320508001001", "", "平江路 12 号 3 幢 201 室", "江苏省苏州市",
                "独居", "低保", "否", "否", "31.3165", "120.6290", "李强", "儿子", "13987654321", "高血压", "氨氯地平", "是", "320500001234",
                "否", "", "", "" };
        return ImportTemplate.build(SHEET, COLUMNS.stream().map(c -> new ImportTemplate.Column(c.header(), c.required(), c.note(),
                c.field().equals("idNumber") || c.field().equals("address") ? 24 : 13)).toList(), List.<String[]>of(example),
                List.of("带 * 的列为必填；示例行导入前请删除或替换。身份证号须为文本格式，出生日期与性别由身份证号推出。",
                        "校验不通过的行会逐行报告（行号、列、原因），默认全部正确才导入。"));
    }

    /** A cheap check that the bytes are an .xlsx package (the sheet itself is read by the import job). */
    static void requireWorkbook(byte[] file) {
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(file))) {
            if (pkg.getPartsByContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml").isEmpty()) {
                throw new BadTemplateException("the file is not an .xlsx workbook");
            }
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException | org.apache.poi.UnsupportedFileFormatException
                | org.apache.poi.EmptyFileException e) {
            throw new BadTemplateException("the file is not an .xlsx workbook");
        }
    }

    /** Reads every data row of the first sheet; blank rows are skipped. */
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
                List<FieldViolation> errors = new ArrayList<>();
                List<String> raw = new ArrayList<>();
                boolean blank = true;
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Cell cell = row.getCell(i);
                    String value = cell == null ? "" : fmt.formatCellValue(cell).trim();
                    if (cell != null && cell.getCellType() == CellType.NUMERIC && COLUMNS.get(i).field().equals("idNumber")
                            && !DateUtil.isCellDateFormatted(cell)) {
                        errors.add(new FieldViolation("idNumber", "idNumber.numeric",
                                "ID number was entered as a number and lost digits; format the column as text"));
                    }
                    raw.add(value);
                    blank &= value.isEmpty();
                }
                if (blank) {
                    continue;
                }
                rows.add(new ParsedRow(r + 1, toInput(raw, errors), errors, raw));
            }
            return rows;
        } catch (IOException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.EmptyFileException e) {
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
            if (i >= BASE_COLUMNS && h.isEmpty()) {
                break;
            }
            if (!h.equals(COLUMNS.get(i).header())) {
                throw new BadTemplateException("column " + (i + 1) + " should be '" + COLUMNS.get(i).header() + "' but is '" + h
                        + "'; please use the downloadable template");
            }
        }
    }

    private static ElderInput toInput(List<String> v, List<FieldViolation> errors) {
        LivingSituation living = v.get(7).isEmpty() ? null : LivingSituation.fromLabel(v.get(7));
        if (!v.get(7).isEmpty() && living == null) {
            errors.add(new FieldViolation("livingSituation", "invalid", "must be 独居, 空巢 or 与家人同住, not '" + v.get(7) + "'"));
        }
        EconomicCategory economic = v.get(8).isEmpty() ? null : EconomicCategory.fromLabel(v.get(8));
        if (!v.get(8).isEmpty() && economic == null) {
            errors.add(new FieldViolation("economicCategory", "invalid", "must be 特困, 低保, 低收入 or 普通, not '" + v.get(8) + "'"));
        }
        Boolean lost = yesNo(v.get(9), "lostOnlyChild", errors);
        Boolean special = yesNo(v.get(10), "specialContribution", errors);
        Double lat = number(v.get(11), "latitude", errors);
        Double lon = number(v.get(12), "longitude", errors);
        List<ElderInput.Contact> contacts = new ArrayList<>();
        if (!v.get(13).isEmpty() || !v.get(14).isEmpty() || !v.get(15).isEmpty()) {
            contacts.add(new ElderInput.Contact(ContactKind.EMERGENCY, v.get(13), v.get(14), v.get(15), null));
        }
        ElderInput.Health health = v.get(16).isEmpty() && v.get(17).isEmpty() ? null
                : new ElderInput.Health(blank(v.get(16)), blank(v.get(17)), null, null);
        Boolean ltc = yesNo(v.get(18), "ltcInsured", errors);
        Boolean commercial = yesNo(v.get(20), "commercialInsured", errors);
        HardshipSelfCare hardship = HardshipSelfCare.fromLabel(v.get(23));
        if (!v.get(23).isEmpty() && hardship == null) {
            errors.add(new FieldViolation("hardshipSelfCare", "invalid", "must be 具备自理能力, 部分丧失自理能力 or 完全丧失自理能力, not '" + v.get(23) + "'"));
        }
        return new ElderInput(blank(v.get(0)), blank(v.get(1)), null, null, blank(v.get(2)), blank(v.get(5)), blank(v.get(6)),
                blank(v.get(3)), blank(v.get(4)), lat, lon, living, economic, lost, special, health, contacts, ltc, blank(v.get(19)),
                commercial, blank(v.get(21)), blank(v.get(22)), hardship, null);
    }

    private static Boolean yesNo(String s, String field, List<FieldViolation> errors) {
        return switch (s) {
            case "" -> null;
            case "是", "Y", "y", "yes", "true", "1" -> true;
            case "否", "N", "n", "no", "false", "0" -> false;
            default -> {
                errors.add(new FieldViolation(field, "invalid", "must be 是 or 否, not '" + s + "'"));
                yield null;
            }
        };
    }

    private static Double number(String s, String field, List<FieldViolation> errors) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            errors.add(new FieldViolation(field, "invalid", "'" + s + "' is not a number"));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The rejected rows as they were, with a last column giving the reasons. */
    static byte[] rejects(List<ParsedRow> rows, Map<Integer, String> reasons) {
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle head = headerStyle(wb);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(COLUMNS.get(i).header());
                c.setCellStyle(head);
            }
            header.createCell(COLUMNS.size()).setCellValue("原行号");
            header.createCell(COLUMNS.size() + 1).setCellValue("错误原因");
            int r = 1;
            for (ParsedRow row : rows) {
                if (!reasons.containsKey(row.rowNumber())) {
                    continue;
                }
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.rawValues().size(); i++) {
                    x.createCell(i).setCellValue(row.rawValues().get(i));
                }
                x.createCell(COLUMNS.size()).setCellValue(row.rowNumber());
                x.createCell(COLUMNS.size() + 1).setCellValue(reasons.get(row.rowNumber()));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] export(List<ElderExportRow> rows) {
        String[] headers = { "编号", "姓名", "性别", "出生日期", "年龄", "身份证号", "联系电话", "详细地址", "社区编码", "社区", "居住状况", "经济类别", "失独",
                "特殊贡献", "状态" };
        try (var wb = new SXSSFWorkbook(500); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle head = headerStyle(wb);
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(headers[i]);
                c.setCellStyle(head);
            }
            int r = 1;
            for (ElderExportRow e : rows) {
                Row x = sheet.createRow(r++);
                int i = 0;
                x.createCell(i++).setCellValue(e.id());
                x.createCell(i++).setCellValue(e.name());
                x.createCell(i++).setCellValue(e.sex() == org.jujia.shared.Sex.MALE ? "男" : "女");
                x.createCell(i++).setCellValue(e.birthDate().toString());
                x.createCell(i++).setCellValue(e.age());
                x.createCell(i++).setCellValue(nz(e.idNumber()));
                x.createCell(i++).setCellValue(nz(e.phone()));
                x.createCell(i++).setCellValue(nz(e.address()));
                x.createCell(i++).setCellValue(e.communityCode());
                x.createCell(i++).setCellValue(e.communityName());
                x.createCell(i++).setCellValue(e.livingSituation().zh());
                x.createCell(i++).setCellValue(e.economicCategory().zh());
                x.createCell(i++).setCellValue(e.lostOnlyChild() ? "是" : "否");
                x.createCell(i++).setCellValue(e.specialContribution() ? "是" : "否");
                x.createCell(i).setCellValue(e.status().name());
            }
            wb.write(out);
            wb.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle headerStyle(Workbook wb) {
        CellStyle head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        return head;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
