package org.jujia.assessment;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jujia.elder.ElderDetail;
import static org.jujia.shared.ChinesePdf.cell;
import static org.jujia.shared.ChinesePdf.facts;
import static org.jujia.shared.ChinesePdf.section;

import org.jujia.shared.ChinesePdf;
import org.jujia.shared.CareColour;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The assessment report as a Chinese A4 PDF (OpenPDF): the elder (name, masked ID number, age, community), where,
 * when, why and by whom, each instrument's score and result, the care colour and risk flags, and the signature (time
 * and SM3 hash). A draft is watermarked as unsigned.
 *
 * <p>Chinese text needs a CJK font, embedded as a subset. It is looked for in this order: the file named by
 * {@code jujia.assessment.report-font} (TTF/OTF, or {@code file.ttc,index}); Noto Sans SC from the
 * {@code com.helger.font:ph-fonts-noto-sans-sc} artifact on the classpath (SIL Open Font License); Debian's
 * Noto Sans CJK ({@code fonts-noto-cjk}). Without any of them the report fails with a message saying so.
 *
 * <p>The same result summaries ({@link #lines}) are used by the console pages, so page and PDF always agree.
 */
@Component
public class AssessmentReport {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final String configuredFont;

    AssessmentReport(MessageSource messages, @Value("${jujia.assessment.report-font:}") String configuredFont) {
        this.messages = messages;
        this.configuredFont = configuredFont;
    }

    // ------------------------------------------------------------------ result summaries (page and PDF)

    /** A message with its arguments. */
    public record Msg(String key, Object... args) {
    }

    /**
     * One instrument's result as shown: score (total of max, or none), and the result phrases in order.
     *
     * @param instrument the instrument key within a sitting ({@code mmse}, {@code barthel}, {@code iadl}…)
     */
    public record Line(String instrument, Integer total, int max, List<Msg> parts) {

        public String score() {
            return total == null ? "—" : total + " / " + max;
        }
    }

    /** The summary lines of a sitting's results, in instrument order, without the care colour. */
    public List<Line> lines(Map<String, Object> results) {
        List<Line> out = new ArrayList<>();
        for (String key : AssessmentManagement.instrumentKeys()) {
            if (results != null && results.get(key) instanceof Map<?, ?> r) {
                out.add(line(key, r));
            }
        }
        return out;
    }

    /** The summary of one instrument's result (a scorer's output as a map). */
    public Line line(String key, Map<?, ?> r) {
        List<Msg> parts = new ArrayList<>();
        return switch (key) {
            case "mmse" -> {
                parts.add(new Msg("assess.band.mmse." + r.get("severityBand")));
                parts.add(new Msg(Boolean.TRUE.equals(r.get("cognitiveImpairment")) ? "assess.result.mmse.impaired" : "assess.result.mmse.notImpaired",
                        r.get("cutoff")));
                yield new Line(key, integer(r.get("total")), 30, parts);
            }
            case "barthel" -> {
                parts.add(new Msg("assess.band.barthel." + r.get("band")));
                yield new Line(key, integer(r.get("total")), 100, parts);
            }
            case "iadl" -> {
                parts.add(new Msg(Boolean.TRUE.equals(r.get("independent")) ? "assess.result.iadl.independent" : "assess.result.iadl.dependent"));
                yield new Line(key, integer(r.get("total")), 8, parts);
            }
            case "frail" -> {
                parts.add(new Msg("assess.band.frail." + r.get("band")));
                yield new Line(key, integer(r.get("total")), 5, parts);
            }
            case "nrs2002" -> {
                if (!Boolean.TRUE.equals(r.get("finalScreeningRequired"))) {
                    parts.add(new Msg("assess.result.nrs.negative"));
                } else {
                    parts.add(new Msg(Boolean.TRUE.equals(r.get("atRisk")) ? "assess.result.nrs.atRisk" : "assess.result.nrs.noRisk"));
                }
                yield new Line(key, integer(r.get("total")), 7, parts);
            }
            case "gbt42195" -> {
                parts.add(new Msg("assess.level.gbt." + r.get("finalLevel")));
                if (r.get("adjustmentReasons") instanceof List<?> reasons && !reasons.isEmpty()) {
                    parts.add(new Msg("assess.result.gbt.initial", new Msg("assess.level.gbt." + r.get("initialLevel"))));
                    for (Object reason : reasons) {
                        parts.add(new Msg("assess.gbt.reason." + reason));
                    }
                }
                if (r.get("dimensions") instanceof Map<?, ?> d) {
                    parts.add(new Msg("assess.result.gbt.dimensions", d.get("selfCare"), d.get("basicMotor"), d.get("mentalState"),
                            d.get("perceptionSocial")));
                }
                yield new Line(key, integer(r.get("total")), 90, parts);
            }
            case "hardship" -> {
                parts.add(new Msg("assess.category.hardship." + r.get("category")));
                parts.add(new Msg("assess.result.hardship.unable", r.get("unableCount")));
                yield new Line(key, null, 6, parts);
            }
            default -> new Line(key, integer(r.get("total")), 0, parts);
        };
    }

    /** A message in the given locale, arguments that are messages themselves resolved first. */
    public String text(Msg m, Locale locale) {
        Object[] args = new Object[m.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.args()[i] instanceof Msg inner ? text(inner, locale) : m.args()[i];
        }
        return messages.getMessage(m.key(), args, m.key(), locale);
    }

    private static Integer integer(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }

    // ------------------------------------------------------------------ the PDF

    /** Renders the report of an assessment of the given elder (masked record); {@code now} is the print time. */
    public byte[] render(Assessment a, ElderDetail elder, Instant now) {
        BaseFont bf = font();
        Font title = new Font(bf, 17, Font.BOLD);
        Font h2 = new Font(bf, 12, Font.BOLD, new Color(0x8c, 0x32, 0x21));
        Font body = new Font(bf, 10);
        Font small = new Font(bf, 8, Font.NORMAL, new Color(0x55, 0x55, 0x55));
        Font label = new Font(bf, 10, Font.NORMAL, new Color(0x55, 0x55, 0x55));
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 48, 48, 54, 54);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(ChinesePdf.footer(bf, t("assess.pdf.footer", a.id(), AssessmentConsoleController.TIME.of(now), a.scorerVersion()),
                    a.signed() ? null : t("assess.pdf.draftMark")));
            doc.addTitle(t("assess.pdf.title") + " · " + elder.name());
            doc.addSubject(t("assess.pdf.title"));
            doc.addCreator("Jujia");
            doc.open();

            Paragraph heading = new Paragraph(t("assess.pdf.title"), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(4);
            doc.add(heading);
            Paragraph sub = new Paragraph(t("assess.pdf.subtitle"), small);
            sub.setAlignment(Element.ALIGN_CENTER);
            sub.setSpacingAfter(14);
            doc.add(sub);

            doc.add(section(t("assess.pdf.elder"), h2));
            PdfPTable who = facts(label, body,
                    t("elder.name"), elder.name(),
                    t("elder.idNumber"), elder.idNumberMasked(),
                    t("elder.sex"), elder.sex() == null ? "—" : t("sex." + elder.sex()),
                    t("elder.age"), t("assess.pdf.age", elder.age(), elder.birthDate().toString()),
                    t("elder.street"), elder.streetName() == null ? "—" : elder.streetName(),
                    t("elder.community"), elder.communityName());
            doc.add(who);

            doc.add(section(t("assess.pdf.sitting"), h2));
            doc.add(facts(label, body,
                    t("assess.field.id"), "#" + a.id(),
                    t("assess.field.reason"), t("assess.reason." + a.reason()) + (a.correctsId() == null ? "" : " #" + a.correctsId()),
                    t("assess.field.assessedAt"), AssessmentConsoleController.TIME.of(a.assessedAt()),
                    t("assess.field.place"), a.place(),
                    t("assess.field.assessor"), a.assessorName(),
                    t("assess.field.status"), t("assess.status." + a.status())));

            doc.add(section(t("assess.pdf.scores"), h2));
            PdfPTable scores = new PdfPTable(new float[] { 3.2f, 1.4f, 5.4f });
            scores.setWidthPercentage(100);
            scores.setHeaderRows(1);
            for (String h : List.of(t("assess.pdf.instrument"), t("assess.pdf.score"), t("assess.pdf.result"))) {
                PdfPCell c = cell(h, label);
                c.setBackgroundColor(new Color(0xfa, 0xf7, 0xf4));
                scores.addCell(c);
            }
            for (Line line : lines(a.results())) {
                scores.addCell(cell(t("assess.instrument." + line.instrument()), body));
                scores.addCell(cell(line.total() == null && line.instrument().equals("hardship") ? "—" : line.score(), body));
                List<String> parts = line.parts().stream().map(m -> text(m, CHINESE)).toList();
                scores.addCell(cell(String.join("；", parts), body));
            }
            doc.add(scores);

            doc.add(section(t("assess.pdf.outcome"), h2));
            PdfPTable outcome = new PdfPTable(new float[] { 2.2f, 7.8f });
            outcome.setWidthPercentage(100);
            outcome.addCell(cell(t("assess.careColour"), label));
            PdfPCell colour = cell(t("assess.colour.long." + a.colour()), new Font(bf, 12, Font.BOLD,
                    a.colour() == CareColour.YELLOW ? Color.BLACK : Color.WHITE));
            colour.setBackgroundColor(colourOf(a.colour()));
            outcome.addCell(colour);
            outcome.addCell(cell(t("assess.flags"), label));
            outcome.addCell(cell(a.flags().isEmpty() ? t("assess.flags.none")
                    : String.join("、", a.flags().stream().map(f -> t("assess.flag." + f)).toList()), body));
            outcome.addCell(cell(t("assess.pdf.basis"), label));
            outcome.addCell(cell(t("assess.pdf.basisText", a.barthelTotal()), body));
            doc.add(outcome);

            doc.add(section(t("assess.pdf.signature"), h2));
            if (a.signed()) {
                doc.add(facts(label, body,
                        t("assess.field.assessor"), a.assessorName(),
                        t("assess.field.signedAt"), AssessmentConsoleController.TIME.of(a.signedAt()),
                        t("assess.field.signature"), a.signature()));
                Paragraph note = new Paragraph(t("assess.pdf.signatureNote"), small);
                note.setSpacingBefore(6);
                doc.add(note);
            } else {
                doc.add(new Paragraph(t("assess.pdf.unsigned"), body));
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the report of assessment " + a.id(), e);
        }
        return out.toByteArray();
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, key, CHINESE);
    }




    static Color colourOf(CareColour c) {
        return switch (c) {
            case RED -> new Color(0xd9, 0x35, 0x2b);
            case ORANGE -> new Color(0xee, 0x8a, 0x1a);
            case YELLOW -> new Color(0xe9, 0xc4, 0x11);
            case GREEN -> new Color(0x2e, 0x9e, 0x4f);
        };
    }


    // ------------------------------------------------------------------ the font

    /** The CJK font, loaded once (the file is large; a BaseFont can serve many documents). */
    BaseFont font() {
        return ChinesePdf.font(configuredFont);
    }

}
