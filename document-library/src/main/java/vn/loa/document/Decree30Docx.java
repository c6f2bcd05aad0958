package vn.loa.document;

import java.math.BigInteger;
import java.time.LocalDate;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The page and type of an administrative document in the form of Decree 30/2020/NĐ-CP (Appendix I), as a Word file:
 * A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; page numbers from page 2, centred in the
 * top margin; tables whose column widths a word processor keeps. What a plan (plan-service) and a report
 * (report-service) write with it is theirs; this is only what every such document shares (docs/adr/0010).
 */
public final class Decree30Docx {

    public static final String FONT = "Times New Roman";
    /** Twips (1/20 pt, 1/1440 inch): A4 = 210 × 297 mm. */
    public static final int A4_SHORT = 11906;
    public static final int A4_LONG = 16838;
    /** 20 mm, 20 mm, 30 mm, 15 mm. */
    public static final int MARGIN_TOP = 1134;
    public static final int MARGIN_BOTTOM = 1134;
    public static final int MARGIN_LEFT = 1701;
    public static final int MARGIN_RIGHT = 850;
    /** Header and footer distance from the page's edge: 10 mm. */
    private static final int HEADER_DISTANCE = 567;
    /** The width of the text on a portrait page and on a landscape page. */
    public static final int PORTRAIT_WIDTH = A4_SHORT - MARGIN_LEFT - MARGIN_RIGHT;
    public static final int LANDSCAPE_WIDTH = A4_LONG - MARGIN_LEFT - MARGIN_RIGHT;

    private Decree30Docx() {
    }

    /** Times New Roman for every script, as the document's default font. */
    public static void defaultFont(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
    }

    /** A run of {@code text} in Times New Roman at {@code size} pt. */
    public static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return r;
    }

    /**
     * A table of {@code rows} rows, {@code widths.length} columns of the widths given (twips) and {@code width} in all,
     * laid out fixed: a word processor must not re-fit the columns to their content. Without borders for a layout
     * (the header, the signature), with them for a table of figures.
     */
    public static XWPFTable table(XWPFDocument doc, int rows, int[] widths, int width, boolean borders) {
        XWPFTable t = doc.createTable(rows, widths.length);
        t.setWidth(Integer.toString(width));
        var grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                row.getCell(c).setWidth(Integer.toString(widths[c]));
            }
        }
        CTTblPr pr = t.getCTTbl().getTblPr() != null ? t.getCTTbl().getTblPr() : t.getCTTbl().addNewTblPr();
        CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
        layout.setType(STTblLayoutType.FIXED);
        if (!borders) {
            t.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            t.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            t.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            t.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            t.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
            t.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        }
        return t;
    }

    /**
     * Page numbers from page 2, centred in the top margin: the first page gets its own (empty) header, the others a
     * PAGE field. A section shows the first page's header where it has a title page ({@code titlePg}), which
     * {@link #section} does not set: the caller decides which sections have one.
     */
    public static void pageNumbersFromPageTwo(XWPFDocument doc) {
        doc.createHeader(HeaderFooterType.FIRST).createParagraph();
        XWPFParagraph number = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        number.getCTP().addNewFldSimple().setInstr("PAGE");
    }

    /** The document's last (body-level) section, created if it has none. */
    public static CTSectPr lastSection(XWPFDocument doc) {
        var body = doc.getDocument().getBody();
        return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    }

    /** An A4 section, portrait or landscape, with the decree's margins. */
    public static void section(CTSectPr sect, boolean landscape) {
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
        CTPageMar m = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        m.setTop(BigInteger.valueOf(MARGIN_TOP));
        m.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        m.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        m.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        m.setHeader(BigInteger.valueOf(HEADER_DISTANCE));
        m.setFooter(BigInteger.valueOf(HEADER_DISTANCE));
        m.setGutter(BigInteger.ZERO);
    }

    /**
     * "ngày 05 tháng 01 năm 2026": days below 10 and months 1–2 take a leading zero (Decree 30, Appendix I); no day
     * (a draft) leaves blanks to write it by hand.
     */
    public static String dateLine(LocalDate day) {
        if (day == null) {
            return "ngày      tháng      năm      ";
        }
        String month = day.getMonthValue() <= 2 ? "%02d".formatted(day.getMonthValue())
                : Integer.toString(day.getMonthValue());
        return "ngày %02d tháng %s năm %d".formatted(day.getDayOfMonth(), month, day.getYear());
    }
}
