package org.jujia.careplan;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jujia.elder.ElderDetail;
import org.jujia.region.Organisation;
import static org.jujia.shared.ChinesePdf.cell;
import static org.jujia.shared.ChinesePdf.facts;
import static org.jujia.shared.ChinesePdf.section;

import org.jujia.shared.ChinesePdf;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The service agreement (居家养老服务协议) of a care plan version as a Chinese A4 PDF (OpenPDF): the parties (elder
 * with masked identity, provider), the service items with frequency, window, duration, frozen unit price and the
 * monthly split per payer, subsidies and the family's share, the excess consent, both parties' rights and duties,
 * the complaint channel, the risk notice, and the signature block. Before signing it is a watermarked preview; the
 * signed copy carries the drawn signature image (or the recorded method and witness) and is stored once with its SM3.
 *
 * <p>The Chinese font is found as the assessment report finds it: {@code jujia.careplan.agreement-font}, then Noto
 * Sans SC on the classpath, then Debian's Noto Sans CJK.
 */
@Component
class AgreementDocument {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZoneId.of("Asia/Shanghai"));

    /** The signature as it goes into the signed copy. */
    record Signing(SignerType signerType, String signerName, SignatureMethod method, String witnessName, byte[] png, Instant at,
            String recordedBy) {
    }

    private final MessageSource messages;
    private final CarePlanProperties props;

    AgreementDocument(MessageSource messages, CarePlanProperties props) {
        this.messages = messages;
        this.props = props;
    }

    /** The number printed on the agreement. */
    static String number(CarePlan p) {
        return "JJFW-" + p.elderId() + "-" + String.format("%03d", p.version()) + "-" + p.id();
    }

    byte[] render(CarePlan plan, ElderDetail elder, Organisation provider, Signing signing, Instant printedAt) {
        BaseFont bf = font();
        Font title = new Font(bf, 17, Font.BOLD);
        Font h2 = new Font(bf, 12, Font.BOLD, new Color(0x8c, 0x32, 0x21));
        Font body = new Font(bf, 9.5f);
        Font small = new Font(bf, 8, Font.NORMAL, new Color(0x55, 0x55, 0x55));
        Font label = new Font(bf, 9.5f, Font.NORMAL, new Color(0x55, 0x55, 0x55));
        Font strong = new Font(bf, 9.5f, Font.BOLD);
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 36, 36, 48, 54);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(ChinesePdf.footer(bf, t("plan.pdf.footer", number(plan), TIME.format(printedAt)),
                    signing == null ? t("plan.pdf.previewMark") : null));
            doc.addTitle(t("plan.pdf.title") + " · " + plan.elderName());
            doc.addSubject(number(plan));
            doc.addCreator("Jujia");
            doc.open();

            Paragraph heading = new Paragraph(t("plan.pdf.title"), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            doc.add(heading);
            Paragraph sub = new Paragraph(t("plan.pdf.subtitle", number(plan), plan.version()), small);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(10);
            doc.add(sub);

            doc.add(section(t("plan.pdf.partyA"), h2));
            doc.add(facts(label, body,
                    t("plan.pdf.elderName"), elder.name(),
                    t("plan.pdf.idNumber"), elder.idNumberMasked(),
                    t("plan.pdf.age"), String.valueOf(elder.age()),
                    t("plan.pdf.colour"), plan.colour() == null ? "—" : t("plan.colour." + plan.colour()),
                    t("plan.pdf.community"), (elder.streetName() == null ? "" : elder.streetName() + " ") + elder.communityName(),
                    t("plan.pdf.address"), elder.addressMasked()));
            doc.add(section(t("plan.pdf.partyB"), h2));
            doc.add(facts(label, body,
                    t("plan.pdf.provider"), provider.name(),
                    t("plan.pdf.providerCode"), provider.code(),
                    t("plan.pdf.providerPhone"), provider.phone(),
                    t("plan.pdf.providerAddress"), provider.address()));

            doc.add(section(t("plan.pdf.items"), h2));
            PdfPTable items = new PdfPTable(new float[] { 0.4f, 2.2f, 1.5f, 1.5f, 0.8f, 1.3f, 0.9f, 1.2f, 1.1f, 1.1f, 1.0f, 1.1f });
            items.setWidthPercentage(100);
            items.setHeaderRows(1);
            for (String h : List.of("#", t("plan.pdf.col.item"), t("plan.pdf.col.frequency"), t("plan.pdf.col.window"), t("plan.pdf.col.minutes"),
                    t("plan.pdf.col.price"), t("plan.pdf.col.quantity"), t("plan.pdf.col.amount"), t("plan.pdf.col.gov"),
                    t("plan.pdf.col.ltc"), t("plan.pdf.col.commercial"), t("plan.pdf.col.self"))) {
                PdfPCell c = cell(h, small);
                c.setBackgroundColor(new Color(0xfa, 0xf7, 0xf4));
                items.addCell(c);
            }
            for (PlanLine l : plan.lines()) {
                items.addCell(cell(String.valueOf(l.position()), small));
                items.addCell(cell(l.itemName() + "\n" + l.itemCode() + (l.packageCode() == null ? "" : " · " + t("plan.package." + l.packageCode())), small));
                items.addCell(cell(frequency(l), small));
                items.addCell(cell(l.window(), small));
                items.addCell(cell(String.valueOf(l.durationMinutes()), small));
                items.addCell(cell(yuan(l.unitPriceFen()) + "/" + t("plan.unit." + l.unit()), small));
                items.addCell(cell(l.monthlyQuantity() + (l.beyondQuantity() > 0 ? "\n" + t("plan.pdf.beyond", l.beyondQuantity()) : ""), small));
                items.addCell(cell(yuan(l.amountFen()), small));
                items.addCell(cell(yuan(l.payers().government()), small));
                items.addCell(cell(yuan(l.payers().ltcInsurance()), small));
                items.addCell(cell(yuan(l.payers().commercialInsurance()), small));
                items.addCell(cell(yuan(l.payers().self()), small));
            }
            Payers tot = plan.totals();
            PdfPCell totalLabel = cell(t("plan.pdf.total"), strong);
            totalLabel.setColspan(7);
            items.addCell(totalLabel);
            for (long v : new long[] { plan.amountFen(), tot.government(), tot.ltcInsurance(), tot.commercialInsurance(), tot.self() }) {
                items.addCell(cell(yuan(v), strong));
            }
            doc.add(items);
            Paragraph month = new Paragraph(t("plan.pdf.estimateNote", plan.estimateMonth().toString()), small);
            month.setSpacingBefore(4);
            doc.add(month);

            doc.add(section(t("plan.pdf.money"), h2));
            PdfPTable money = new PdfPTable(new float[] { 3, 2 });
            money.setWidthPercentage(60);
            money.setHorizontalAlignment(Element.ALIGN_LEFT);
            money.addCell(cell(t("plan.pdf.selfBefore"), label));
            money.addCell(cell(yuan(tot.self()), body));
            for (Subsidy s : plan.subsidies()) {
                money.addCell(cell(t("plan.subsidy." + s.kind()), label));
                money.addCell(cell("−" + yuan(s.fen()), body));
            }
            money.addCell(cell(t("plan.pdf.selfAfter"), label));
            money.addCell(cell(yuan(plan.selfAfterSubsidiesFen()), strong));
            doc.add(money);
            if (plan.excessFen() > 0) {
                var c = plan.consent();
                Paragraph excess = new Paragraph(c == null ? t("plan.pdf.excessNoConsent", yuan(plan.excessFen()))
                        : t("plan.pdf.excessConsent", yuan(plan.excessFen()), c.consentedBy(), c.relation() == null ? "" : c.relation(),
                                TIME.format(c.recordedAt())), body);
                excess.setSpacingBefore(6);
                doc.add(excess);
            }

            doc.add(section(t("plan.pdf.dutiesA"), h2));
            numbered(doc, body, "plan.pdf.dutyA.", 5);
            doc.add(section(t("plan.pdf.dutiesB"), h2));
            numbered(doc, body, "plan.pdf.dutyB.", 6);
            doc.add(section(t("plan.pdf.changes"), h2));
            numbered(doc, body, "plan.pdf.change.", 3);
            doc.add(section(t("plan.pdf.complaint"), h2));
            doc.add(new Paragraph(t("plan.pdf.complaintText", props.complaintHotline(), provider.phone() == null ? "—" : provider.phone(),
                    props.complaintDays()), body));
            doc.add(section(t("plan.pdf.risk"), h2));
            numbered(doc, body, "plan.pdf.risk.", 5);

            doc.add(section(t("plan.pdf.signatures"), h2));
            PdfPTable sign = new PdfPTable(new float[] { 1, 1 });
            sign.setWidthPercentage(100);
            PdfPCell a = new PdfPCell();
            a.setPadding(8);
            a.setBorderColor(new Color(0xe3, 0xdd, 0xd6));
            a.addElement(new Paragraph(t("plan.pdf.signA"), label));
            if (signing == null) {
                a.addElement(new Paragraph(t("plan.pdf.unsigned"), body));
                a.setMinimumHeight(80);
            } else {
                if (signing.method() == SignatureMethod.DRAWN && signing.png() != null) {
                    Image img = Image.getInstance(signing.png());
                    img.scaleToFit(170, 64);
                    a.addElement(img);
                } else {
                    a.addElement(new Paragraph(t("plan.method." + signing.method()), strong));
                }
                a.addElement(new Paragraph(t("plan.pdf.signer", signing.signerName(), t("plan.signer." + signing.signerType())), body));
                if (signing.witnessName() != null) {
                    a.addElement(new Paragraph(t("plan.pdf.witness", signing.witnessName()), body));
                }
                a.addElement(new Paragraph(t("plan.pdf.signedAt", TIME.format(signing.at())), body));
            }
            sign.addCell(a);
            PdfPCell b = new PdfPCell();
            b.setPadding(8);
            b.setBorderColor(new Color(0xe3, 0xdd, 0xd6));
            b.addElement(new Paragraph(t("plan.pdf.signB"), label));
            b.addElement(new Paragraph(provider.name(), strong));
            b.addElement(new Paragraph(signing == null ? t("plan.pdf.unsigned") : t("plan.pdf.providerConfirmed", DATE.format(signing.at()),
                    signing.recordedBy()), body));
            sign.addCell(b);
            doc.add(sign);
            if (signing != null) {
                Paragraph note = new Paragraph(t("plan.pdf.hashNote"), small);
                note.setSpacingBefore(6);
                doc.add(note);
            }
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("could not render the agreement of plan " + plan.id(), e);
        }
        return out.toByteArray();
    }

    private String frequency(PlanLine l) {
        String f = t("plan.frequency." + l.frequency().period(), l.frequency().count());
        if (!l.weekdays().isEmpty()) {
            f += "\n" + String.join("、", l.weekdays().stream().map(d -> t("plan.weekday." + d)).toList());
        }
        return f;
    }

    private void numbered(Document doc, Font body, String prefix, int n) {
        for (int i = 1; i <= n; i++) {
            Paragraph p = new Paragraph(i + ". " + t(prefix + i), body);
            p.setIndentationLeft(8);
            p.setSpacingAfter(2);
            doc.add(p);
        }
    }

    static String yuan(long fen) {
        return new org.jujia.shared.Money(fen).toYuanString();
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, CHINESE);
    }





    BaseFont font() {
        return ChinesePdf.font(props.agreementFont());
    }

}
