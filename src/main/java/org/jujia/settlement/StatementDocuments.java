package org.jujia.settlement;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jujia.shared.ChinesePdf;

/**
 * Statements as files: Excel (POI, streamed rows), PDF (OpenPDF with the Chinese font of {@link ChinesePdf}) and CSV
 * (UTF-8 with BOM, so Excel opens the Chinese headings). Amounts are shown in yuan with two decimals; the files
 * carry the fen values' exact decimal form.
 */
final class StatementDocuments {

    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SettlementStore.ZONE);

    private StatementDocuments() {
    }

    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long a = Math.abs(fen);
        return sign + (a / 100) + "." + String.format("%02d", a % 100);
    }

    static final List<String> LINE_HEADINGS = List.of("服务单号 visit", "类型 kind", "老人ID elder", "服务机构ID provider", "服务项目 item", "服务日期 date",
            "原月份 original month", "数量 qty", "套餐内 within", "超出 beyond", "单价 unit price", "价格版本 price version", "金额 amount",
            "政府 government", "长护险 LTC", "商业险 commercial", "自付 self", "依据 basis");

    static List<String> lineCells(Statements.Line l) {
        return List.of(String.valueOf(l.visitId()), l.kind(), String.valueOf(l.elderId()), String.valueOf(l.providerId()), l.itemCode(),
                l.serviceDate().toString(), l.originalMonth() == null ? "" : l.originalMonth().toString(), String.valueOf(l.quantity()),
                String.valueOf(l.withinEntitlement()), String.valueOf(l.beyondEntitlement()), yuan(l.unitPriceFen()), String.valueOf(l.priceVersionId()),
                yuan(l.amountFen()), yuan(l.governmentFen()), yuan(l.ltcFen()), yuan(l.commercialFen()), yuan(l.selfFen()), l.basis());
    }

    static final List<String> CLAIM_HEADINGS = List.of("服务单号 visit", "订单 order", "老人ID elder", "老人姓名 elder name", "服务机构ID provider",
            "护理员ID caregiver", "服务项目 service type", "服务日期 date", "签到时间 check-in", "签到纬度 lat", "签到经度 lon", "签到精度m accuracy",
            "签到人脸分 face", "签退时间 check-out", "签退纬度 lat", "签退经度 lon", "签退精度m accuracy", "签退人脸分 face", "数量 qty", "金额 amount",
            "申报金额 claimed", "类型 kind", "原月份 original month");

    static List<String> claimCells(Statements.ClaimLine c) {
        Statements.Line l = c.line();
        Statements.Evv e = c.evv();
        return List.of(String.valueOf(l.visitId()), e == null ? "" : String.valueOf(e.orderId()), String.valueOf(l.elderId()), c.elderName(),
                String.valueOf(l.providerId()), e == null ? "" : String.valueOf(e.caregiverUserId()), l.itemCode(), l.serviceDate().toString(),
                e == null ? "" : t(e.inAt()), e == null ? "" : n(e.inLat()), e == null ? "" : n(e.inLon()), e == null ? "" : n(e.inAccuracy()),
                e == null ? "" : n(e.inFace()), e == null ? "" : t(e.outAt()), e == null ? "" : n(e.outLat()), e == null ? "" : n(e.outLon()),
                e == null ? "" : n(e.outAccuracy()), e == null ? "" : n(e.outFace()), String.valueOf(l.quantity()), yuan(l.amountFen()),
                yuan(c.claimedFen()), l.kind(), l.originalMonth() == null ? "" : l.originalMonth().toString());
    }

    private static String t(Instant i) {
        return i == null ? "" : DT.format(i);
    }

    private static String n(Object o) {
        return o == null ? "" : o.toString();
    }

    static byte[] xlsx(String sheetName, List<String[]> header, List<String> headings, Iterable<List<String>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            int r = 0;
            for (String[] h : header) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < h.length; i++) {
                    row.createCell(i).setCellValue(h[i]);
                }
            }
            r++;
            Row hr = sheet.createRow(r++);
            for (int i = 0; i < headings.size(); i++) {
                hr.createCell(i).setCellValue(headings.get(i));
            }
            for (List<String> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i));
                }
            }
            wb.write(out);
            wb.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(List<String> headings, Iterable<List<String>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(",", headings.stream().map(StatementDocuments::csvCell).toList())).append("\r\n");
        for (List<String> cells : rows) {
            sb.append(String.join(",", cells.stream().map(StatementDocuments::csvCell).toList())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String v) {
        String s = v == null ? "" : v;
        // a leading = + - @ would be read as a formula by spreadsheet programs
        if (!s.isEmpty() && "=+@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A PDF: title, label/value facts, then a table of the given columns. */
    static byte[] pdf(String title, String footer, String[] facts, List<String> headings, List<List<String>> rows, float[] widths) {
        BaseFont bf = ChinesePdf.font(null);
        Font titleFont = new Font(bf, 15, Font.BOLD);
        Font label = new Font(bf, 9, Font.NORMAL, new java.awt.Color(0x6b, 0x6b, 0x6b));
        Font body = new Font(bf, 9);
        Font small = new Font(bf, 7.5f);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4.rotate(), 28, 28, 32, 40);
            PdfWriter w = PdfWriter.getInstance(doc, out);
            w.setPageEvent(ChinesePdf.footer(bf, footer, null));
            doc.open();
            doc.add(new Paragraph(title, titleFont));
            doc.add(ChinesePdf.section(" ", body));
            doc.add(ChinesePdf.facts(label, body, facts));
            if (!headings.isEmpty()) {
                doc.add(ChinesePdf.section(" ", body));
                PdfPTable t = new PdfPTable(widths);
                t.setWidthPercentage(100);
                t.setHeaderRows(1);
                headings.forEach(h -> t.addCell(ChinesePdf.cell(h, label)));
                for (List<String> r : rows) {
                    r.forEach(c -> t.addCell(ChinesePdf.cell(c, small)));
                }
                doc.add(t);
            }
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> PDF_LINE_HEADINGS = List.of("服务单号", "类型", "老人", "项目", "日期", "数量", "超出", "金额", "政府", "长护险", "商业险", "自付");

    static List<String> pdfLine(Statements.Line l) {
        return List.of(String.valueOf(l.visitId()), kindZh(l.kind()) + (l.originalMonth() == null ? "" : " " + l.originalMonth()),
                String.valueOf(l.elderId()), l.itemCode(), l.serviceDate().toString(), String.valueOf(l.quantity()), String.valueOf(l.beyondEntitlement()),
                yuan(l.amountFen()), yuan(l.governmentFen()), yuan(l.ltcFen()), yuan(l.commercialFen()), yuan(l.selfFen()));
    }

    static final float[] PDF_LINE_WIDTHS = { 1.2f, 1.6f, 1f, 2.4f, 1.5f, 0.7f, 0.7f, 1.2f, 1.2f, 1.2f, 1.2f, 1.2f };

    static String kindZh(String kind) {
        return switch (kind) {
            case "ADJUSTMENT" -> "补结";
            case "REVERSAL" -> "冲回";
            default -> "本月";
        };
    }

    static byte[] providerPdf(Statements.ProviderDetail d) {
        Statements.ProviderStatement s = d.statement();
        String[] facts = { "结算月份 Month", d.run().month().toString(), "区域 Region", d.run().regionName(), "服务机构 Provider", s.providerName(),
                "状态 Status", d.run().status().name(), "服务次数 Visits", String.valueOf(s.visits()), "金额合计 Amount", yuan(s.amountFen()),
                "政府 Government", yuan(s.governmentFen()), "长护险 LTC", yuan(s.ltcFen()), "商业险 Commercial", yuan(s.commercialFen()), "自付 Self",
                yuan(s.selfFen()), "罚款扣减 Fines", yuan(s.penaltyFen()), "专项池应付 Pool payable", yuan(s.poolPayableFen()), "应收净额 Net payable",
                yuan(s.netPayableFen()) };
        return pdf("服务机构结算单 Provider statement", "居家养老结算 · " + d.run().month() + " · " + s.providerName(), facts, PDF_LINE_HEADINGS,
                d.lines().stream().map(StatementDocuments::pdfLine).toList(), PDF_LINE_WIDTHS);
    }

    static byte[] elderPdf(Statements.ElderBill b) {
        String subsidy = b.months().stream().filter(m -> m.subsidyKind() != null).map(m -> m.subsidyKind() + " " + yuan(m.appliedFen()))
                .reduce((a, c) -> a + "; " + c).orElse("—");
        long unused = b.months().stream().mapToLong(Statements.ElderMonthRow::unusedFen).sum();
        String[] facts = { "结算月份 Month", b.run().month().toString(), "老人 Elder", b.elderName(), "自付合计 Self", yuan(b.selfFen()), "补贴抵扣 Subsidy",
                subsidy, "家庭应付 Family owes", yuan(b.familyOwesFen()), "未用补贴额度 Unused allowance", yuan(unused) };
        return pdf("家庭账单 Family bill", "居家养老结算 · " + b.run().month() + " · " + b.elderName(), facts, PDF_LINE_HEADINGS,
                b.lines().stream().map(StatementDocuments::pdfLine).toList(), PDF_LINE_WIDTHS);
    }

    static byte[] providerXlsx(Statements.ProviderDetail d) {
        Statements.ProviderStatement s = d.statement();
        return xlsx("statement", List.of(new String[] { "服务机构结算单 provider statement", s.providerName(), d.run().month().toString(), d.run().regionName() },
                new String[] { "金额 amount", yuan(s.amountFen()), "政府 government", yuan(s.governmentFen()), "长护险 LTC", yuan(s.ltcFen()),
                        "商业险 commercial", yuan(s.commercialFen()), "自付 self", yuan(s.selfFen()), "罚款 fines", yuan(s.penaltyFen()),
                        "净额 net", yuan(s.netPayableFen()) }),
                LINE_HEADINGS, d.lines().stream().map(StatementDocuments::lineCells).toList());
    }

    static byte[] billXlsx(Statements.ElderBill b) {
        return xlsx("bill", List.of(new String[] { "家庭账单 family bill", b.elderName(), b.run().month().toString() },
                new String[] { "自付 self", yuan(b.selfFen()), "补贴 subsidy", yuan(b.subsidyFen()), "应付 owes", yuan(b.familyOwesFen()) }),
                LINE_HEADINGS, b.lines().stream().map(StatementDocuments::lineCells).toList());
    }

    static byte[] claimCsv(List<Statements.ClaimLine> lines) {
        return csv(CLAIM_HEADINGS, lines.stream().map(StatementDocuments::claimCells).toList());
    }

    static byte[] claimXlsx(SettlementRun run, String payer, List<Statements.ClaimLine> lines) {
        return xlsx("claim", List.<String[]>of(new String[] { "保险理赔申报 claim", payer, run.month().toString(), run.regionName() }), CLAIM_HEADINGS,
                lines.stream().map(StatementDocuments::claimCells).toList());
    }
}
