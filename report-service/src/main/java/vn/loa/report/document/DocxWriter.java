package vn.loa.report.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.document.ReportData.ActivityRow;
import vn.loa.report.document.ReportData.ChannelKind;
import vn.loa.report.document.ReportData.TaskResult;

/**
 * The report as an administrative document in the format of Decree 30/2020/NĐ-CP (Appendix I): A4 portrait, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the two-column header (issuing body | national name
 * and motto), number and symbol, place and date, "BÁO CÁO" and its subject, the body at 14 pt justified with a
 * 1.27 cm first-line indent and 6 pt spacing, recipients and the signature block; page numbers from page 2, centred
 * in the top margin.
 */
public final class DocxWriter {

    public static final String FONT = "Times New Roman";
    /** Twips (1/20 pt, 1/1440 inch): A4 = 210 × 297 mm. */
    public static final int A4_WIDTH = 11906;
    public static final int A4_HEIGHT = 16838;
    /** 20 mm, 20 mm, 30 mm, 15 mm. */
    public static final int MARGIN_TOP = 1134;
    public static final int MARGIN_BOTTOM = 1134;
    public static final int MARGIN_LEFT = 1701;
    public static final int MARGIN_RIGHT = 850;
    private static final int TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    private static final int BODY = 14;
    private static final String DOTS = "……………………………………………………………………………………";

    private DocxWriter() {
    }

    public static byte[] write(ReportData data) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            defaults(doc);
            header(doc, data);
            title(doc, data);
            body(doc, data);
            signature(doc, data);
            page(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kind of unit that starts a commune's name ("Xã Tiên Minh", "Phường Bạch Mai", "Đặc khu Cát Hải"). */
    private static final java.util.regex.Pattern UNIT_KIND =
            java.util.regex.Pattern.compile("^(Xã|Phường|Đặc khu|Thị trấn)\\s+");

    /** "Xã Kim Thành" → "Kim Thành": the place name of the date line. */
    static String place(String communeName) {
        return UNIT_KIND.matcher(communeName).replaceFirst("");
    }

    /**
     * The number and symbol as Decree 30 writes them: "12/BC-UBND". What the commune typed is taken once — "12" gets
     * the symbol, "88/BC-UBND" (or any number that already has its own symbol after a slash) stays as typed — and an
     * empty number leaves room to write it by hand.
     */
    static String documentNumber(String typed) {
        if (blank(typed)) {
            return "      /BC-UBND";
        }
        String number = typed.strip().replaceAll("\\s*/\\s*", "/");
        return number.contains("/") ? number : number + "/BC-UBND";
    }

    /** The kind of unit in lower case, as "HĐND phường" or "UBND đặc khu" want it; a xã when the name says nothing. */
    static String unitKind(String unitName) {
        java.util.regex.Matcher m = UNIT_KIND.matcher(unitName == null ? "" : unitName);
        return m.find() ? m.group(1).toLowerCase(Locale.forLanguageTag("vi")) : "xã";
    }

    /** "ngày 05 tháng 01 năm 2026": days below 10 and months 1–2 take a leading zero. */
    static String dateLine(LocalDate day) {
        String month = day.getMonthValue() <= 2 ? "%02d".formatted(day.getMonthValue())
                : Integer.toString(day.getMonthValue());
        return "ngày %02d tháng %s năm %d".formatted(day.getDayOfMonth(), month, day.getYear());
    }

    private static void defaults(XWPFDocument doc) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        doc.createStyles().setDefaultFonts(fonts);
    }

    private static void header(XWPFDocument doc, ReportData data) {
        String name = data.commune().name();
        XWPFTable t = table(doc, 2, 2, new int[] {TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5}, false);
        XWPFTableCell left = t.getRow(0).getCell(0);
        line(left.getParagraphs().getFirst(), "ỦY BAN NHÂN DÂN", 13, true, false, false);
        XWPFParagraph issuer = left.addParagraph();
        line(issuer, name.toUpperCase(Locale.forLanguageTag("vi")), 13, true, false, false);
        issuer.setBorderBottom(Borders.SINGLE);
        issuer.setIndentationLeft(TEXT_WIDTH / 10);
        issuer.setIndentationRight(TEXT_WIDTH / 10);
        XWPFTableCell right = t.getRow(0).getCell(1);
        line(right.getParagraphs().getFirst(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true, false, false);
        XWPFParagraph motto = right.addParagraph();
        XWPFRun m = line(motto, "Độc lập - Tự do - Hạnh phúc", 14, true, false, false);
        m.setUnderline(UnderlinePatterns.SINGLE);

        line(t.getRow(1).getCell(0).getParagraphs().getFirst(), "Số: " + documentNumber(data.notes().number()), 13,
                false, false, false);
        line(t.getRow(1).getCell(1).getParagraphs().getFirst(),
                place(name) + ", " + dateLine(data.generatedOn()), 14, false, true, false);
    }

    private static void title(XWPFDocument doc, ReportData data) {
        XWPFParagraph kind = doc.createParagraph();
        kind.setSpacingBefore(240);
        line(kind, "BÁO CÁO", 14, true, false, false);
        XWPFParagraph subject = doc.createParagraph();
        line(subject, "Kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính "
                + data.period().inWords(), 14, true, false, false);
        XWPFParagraph rule = doc.createParagraph();
        rule.setBorderBottom(Borders.SINGLE);
        rule.setIndentationLeft(TEXT_WIDTH * 2 / 5);
        rule.setIndentationRight(TEXT_WIDTH * 2 / 5);
        rule.setSpacingAfter(240);
        if (data.commune().provinceName() != null) {
            XWPFParagraph to = doc.createParagraph();
            line(to, "Kính gửi: Ủy ban nhân dân " + inSentence(data.commune().provinceName()), BODY, false, false, false);
            to.setSpacingAfter(240);
        }
    }

    private static void body(XWPFDocument doc, ReportData data) {
        var totals = data.totals();
        text(doc, "Thực hiện chế độ báo cáo định kỳ, Ủy ban nhân dân " + inSentence(data.commune().name())
                + " báo cáo kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính "
                + data.period().inWords() + " như sau (số liệu tính " + data.period().windowInWords() + "):");
        heading(doc, "I. KẾT QUẢ THỰC HIỆN");
        if (data.empty()) {
            text(doc, "Trong kỳ báo cáo, hệ thống chưa ghi nhận nhiệm vụ, tin, bài hay hoạt động nào của đơn vị.");
        } else {
            text(doc, "Trong kỳ báo cáo, đơn vị đã đăng tải " + totals.publications() + " tin, bài trên "
                    + totals.channels() + " kênh thông tin, tổ chức " + totals.activities() + " hoạt động; "
                    + totals.tasksMet() + "/" + totals.tasksWithTarget() + " nhiệm vụ có chỉ tiêu trong kỳ đạt chỉ tiêu.");
        }
        subheading(doc, "1. Kết quả thực hiện các nhiệm vụ theo kế hoạch");
        if (data.tasks().isEmpty()) {
            text(doc, "Không có nhiệm vụ nào trong kỳ báo cáo.");
        } else {
            XWPFTable t = grid(doc, List.of("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Chỉ tiêu trong kỳ", "Kết quả",
                    "Đánh giá"), new int[] {6, 38, 18, 13, 11, 14});
            for (TaskResult r : data.tasks()) {
                row(t, String.valueOf(r.no()), r.title(), nz(r.leadUnit()),
                        r.target() > 0 ? String.valueOf(r.target()) : "Không định lượng",
                        String.valueOf(r.achieved()), r.assessment());
            }
        }
        subheading(doc, "2. Tin, bài đã đăng theo kênh và loại sản phẩm");
        if (data.publications().isEmpty()) {
            text(doc, "Không có tin, bài nào được đăng trong kỳ báo cáo.");
        } else {
            XWPFTable t = grid(doc, List.of("STT", "Kênh thông tin", "Loại sản phẩm", "Số lượng"),
                    new int[] {8, 44, 32, 16});
            int i = 0;
            for (ChannelKind c : data.publications()) {
                row(t, String.valueOf(++i), c.channelLabel(), c.kindLabel(), String.valueOf(c.count()));
            }
            row(t, "", "Tổng cộng", "", String.valueOf(totals.publications()));
            StringBuilder s = new StringBuilder("Theo kênh: ");
            for (int k = 0; k < data.byChannel().size(); k++) {
                Count c = data.byChannel().get(k);
                s.append(k == 0 ? "" : "; ").append(c.label()).append(": ").append(c.count());
            }
            text(doc, s.append(".").toString());
        }
        subheading(doc, "3. Các hoạt động đã tổ chức");
        if (data.activities().isEmpty()) {
            text(doc, "Không có hoạt động nào được tổ chức trong kỳ báo cáo.");
        } else {
            XWPFTable t = grid(doc, List.of("STT", "Ngày", "Hoạt động", "Hình thức", "Đơn vị thực hiện"),
                    new int[] {7, 15, 42, 18, 18});
            int i = 0;
            for (ActivityRow a : data.activities()) {
                row(t, String.valueOf(++i), a.heldOn().format(vn.loa.report.period.CommuneTime.DAY), a.title(),
                        a.kindLabel(), nz(a.unit()));
            }
        }
        heading(doc, "II. ĐÁNH GIÁ CHUNG");
        subheading(doc, "1. Kết quả nổi bật");
        paragraphs(doc, data.notes().highlights());
        subheading(doc, "2. Khó khăn, vướng mắc");
        paragraphs(doc, data.notes().difficulties());
        heading(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ");
        paragraphs(doc, data.notes().proposals());
        text(doc, "Trên đây là báo cáo kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính "
                + data.period().inWords() + " của Ủy ban nhân dân " + inSentence(data.commune().name()) + "./.");
    }

    private static void signature(XWPFDocument doc, ReportData data) {
        XWPFTable t = table(doc, 1, 2, new int[] {TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2}, false);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph p = left.getParagraphs().getFirst();
        p.setAlignment(ParagraphAlignment.LEFT);
        run(p, "Nơi nhận:", 12, true, true);
        List<String> recipients = new java.util.ArrayList<>();
        if (data.commune().provinceName() != null) {
            recipients.add("- UBND " + inSentence(data.commune().provinceName()) + ";");
            recipients.add("- Sở Nội vụ " + inSentence(data.commune().provinceName()) + ";");
        }
        String kind = unitKind(data.commune().name());
        recipients.add("- Thường trực Đảng ủy, HĐND " + kind + ";");
        recipients.add("- Chủ tịch, các PCT UBND " + kind + ";");
        recipients.add("- Lưu: VT, VHXH.");
        for (String r : recipients) {
            XWPFParagraph rp = left.addParagraph();
            rp.setAlignment(ParagraphAlignment.LEFT);
            run(rp, r, 11, false, false);
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        line(right.getParagraphs().getFirst(), "TM. ỦY BAN NHÂN DÂN", 14, true, false, false);
        line(right.addParagraph(), "CHỦ TỊCH", 14, true, false, false);
        for (int i = 0; i < 4; i++) {
            line(right.addParagraph(), "", 14, false, false, false);
        }
        line(right.addParagraph(), blank(data.notes().signer()) ? "" : data.notes().signer().strip(), 14, true,
                false, false);
    }

    private static void page(XWPFDocument doc) {
        // page numbers from page 2, centred in the top margin: the first page has its own (empty) header
        XWPFHeader first = doc.createHeader(HeaderFooterType.FIRST);
        first.createParagraph();
        XWPFHeader other = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = other.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        number.getCTP().addNewFldSimple().setInstr("PAGE");
        var body = doc.getDocument().getBody();
        CTSectPr sect = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        if (!sect.isSetTitlePg()) {
            sect.addNewTitlePg();
        }
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        margins.setGutter(BigInteger.ZERO);
    }

    // ------------------------------------------------------------ building blocks

    private static XWPFRun line(XWPFParagraph p, String text, int size, boolean bold, boolean italic,
            boolean justify) {
        p.setAlignment(justify ? ParagraphAlignment.BOTH : ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        return run(p, text, size, bold, italic);
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return r;
    }

    private static void text(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(720);
        p.setSpacingAfter(120);
        run(p, text, BODY, false, false);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(720);
        p.setSpacingBefore(120);
        p.setSpacingAfter(120);
        run(p, text, BODY, true, false);
    }

    private static void subheading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(720);
        p.setSpacingAfter(120);
        run(p, text, BODY, true, false);
    }

    /** The user's text, one paragraph per line; dotted lines to fill by hand when empty. */
    private static void paragraphs(XWPFDocument doc, String text) {
        if (blank(text)) {
            text(doc, DOTS);
            text(doc, DOTS);
            return;
        }
        for (String line : text.strip().split("\\R+")) {
            if (!line.isBlank()) {
                text(doc, line.strip());
            }
        }
    }

    private static XWPFTable table(XWPFDocument doc, int rows, int cols, int[] widths, boolean borders) {
        XWPFTable t = doc.createTable(rows, cols);
        t.setWidth(Integer.toString(TEXT_WIDTH));
        var grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (XWPFTableRow row : t.getRows()) {
            for (int c = 0; c < cols; c++) {
                row.getCell(c).setWidth(Integer.toString(widths[c]));
            }
        }
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

    /** A bordered table with a bold header row; widths in percent of the text width. */
    private static XWPFTable grid(XWPFDocument doc, List<String> headers, int[] percent) {
        int[] widths = new int[percent.length];
        for (int i = 0; i < percent.length; i++) {
            widths[i] = TEXT_WIDTH * percent[i] / 100;
        }
        XWPFTable t = table(doc, 1, headers.size(), widths, true);
        for (int c = 0; c < headers.size(); c++) {
            XWPFParagraph p = t.getRow(0).getCell(c).getParagraphs().getFirst();
            line(p, headers.get(c), 13, true, false, false);
        }
        return t;
    }

    private static void row(XWPFTable t, String... cells) {
        XWPFTableRow row = t.createRow();
        for (int c = 0; c < cells.length; c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().getFirst();
            p.setAlignment(c == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
            p.setSpacingAfter(0);
            run(p, cells[c], 13, false, false);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * A unit's name inside a sentence: the kind of unit in lower case, as administrative writing has it ("Ủy ban nhân
     * dân xã Tiên Minh", "thành phố Hải Phòng"), the proper name as it is.
     */
    static String inSentence(String unitName) {
        if (unitName == null || unitName.isEmpty()) {
            return unitName;
        }
        return unitName.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")) + unitName.substring(1);
    }
}
