package org.jujia.shared;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Chinese PDF of the platform (assessment reports, service agreements, statements) shares: the CJK font,
 * loaded once per process, and the page footer with the print line, page numbers and an optional diagonal mark.
 */
public final class ChinesePdf {

    private static final Logger log = LoggerFactory.getLogger(ChinesePdf.class);

    /** Noto Sans SC, bundled through {@code com.helger.font:ph-fonts-noto-sans-sc}. */
    public static final String BUNDLED_FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    /** Debian's {@code fonts-noto-cjk}, used when the bundled font is missing. */
    static final String SYSTEM_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    /** Index of the Simplified Chinese face inside {@link #SYSTEM_FONT}. */
    static final int SYSTEM_FONT_SC_INDEX = 2;

    private static final Map<String, BaseFont> FONTS = new ConcurrentHashMap<>();

    private ChinesePdf() {
    }

    /**
     * The CJK font: the configured TTF/OTF file when given, else the bundled Noto Sans SC, else Debian's Noto CJK. The
     * file is large and a {@link BaseFont} can serve any number of documents, so each is loaded once.
     *
     * @param configured a font file from configuration, or null/blank for the default
     */
    public static BaseFont font(String configured) {
        String key = configured == null ? "" : configured.trim();
        return FONTS.computeIfAbsent(key, ChinesePdf::load);
    }

    private static BaseFont load(String configured) {
        try {
            if (!configured.isEmpty()) {
                log.info("PDF documents use the font {}", configured);
                return BaseFont.createFont(configured, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
            try (InputStream in = ChinesePdf.class.getClassLoader().getResourceAsStream(BUNDLED_FONT)) {
                if (in != null) {
                    log.info("PDF documents use Noto Sans SC from the classpath ({})", BUNDLED_FONT);
                    return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
                }
            }
            if (Files.isReadable(Path.of(SYSTEM_FONT))) {
                log.info("PDF documents use the system font {}", SYSTEM_FONT);
                return BaseFont.createFont(SYSTEM_FONT + "," + SYSTEM_FONT_SC_INDEX, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Chinese font for PDF documents", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not load the Chinese font for PDF documents: " + e.getMessage(), e);
        }
        throw new IllegalStateException("No Chinese (CJK) font for PDF documents: put com.helger.font:ph-fonts-noto-sans-sc on the "
                + "classpath, install Debian's fonts-noto-cjk (" + SYSTEM_FONT + "), or configure a TTF/OTF file");
    }

    /**
     * The foot of every page: {@code text} on the left, the page number on the right, and, when {@code mark} is not
     * null, that word written large and faint across the page (e.g. 草稿 on a draft).
     */
    public static PdfPageEventHelper footer(BaseFont bf, String text, String mark) {
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                PdfContentByte cb = writer.getDirectContent();
                Font f = new Font(bf, 8, Font.NORMAL, new Color(0x6b, 0x6b, 0x6b));
                ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(text, f), document.left(), document.bottom() - 20, 0);
                ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(String.valueOf(writer.getPageNumber()), f), document.right(),
                        document.bottom() - 20, 0);
                if (mark != null) {
                    PdfContentByte under = writer.getDirectContentUnder();
                    under.saveState();
                    PdfGState gs = new PdfGState();
                    gs.setFillOpacity(0.15f);
                    under.setGState(gs);
                    ColumnText.showTextAligned(under, Element.ALIGN_CENTER, new Phrase(new Chunk(mark, new Font(bf, 60, Font.NORMAL, Color.RED))),
                            (document.left() + document.right()) / 2, (document.top() + document.bottom()) / 2, 45);
                    under.restoreState();
                }
            }
        };
    }

    /** A section heading with room above and below. */
    public static Paragraph section(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(6);
        return p;
    }

    /**
     * A table of label/value pairs, two pairs a row; a long value (over 24 characters) takes the rest of its row, and a
     * missing value shows as a dash.
     */
    public static PdfPTable facts(Font label, Font body, String... pairs) {
        PdfPTable t = new PdfPTable(new float[] { 1.6f, 3.4f, 1.6f, 3.4f });
        t.setWidthPercentage(100);
        int column = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            String v = pairs[i + 1] == null || pairs[i + 1].isBlank() ? "—" : pairs[i + 1];
            boolean wide = v.length() > 24;
            if (wide && column != 0) {
                t.completeRow();
                column = 0;
            }
            t.addCell(cell(pairs[i], label));
            PdfPCell value = cell(v, body);
            if (wide) {
                value.setColspan(3);
            }
            t.addCell(value);
            column = wide ? 0 : (column + 2) % 4;
        }
        t.completeRow();
        return t;
    }

    /** A table cell in the documents' style. */
    public static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(5);
        c.setBorderColor(new Color(0xe3, 0xdd, 0xd6));
        return c;
    }
}
