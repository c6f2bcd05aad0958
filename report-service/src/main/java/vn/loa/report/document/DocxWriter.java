package vn.loa.report.document;

import static vn.loa.document.Decree30Docx.run;

import vn.loa.platform.time.VnTime;
import vn.loa.report.dashboard.Engagement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.loa.document.Decree30Docx;
import vn.loa.platform.tenancy.UnitKind;
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

    static final int TEXT_WIDTH = Decree30Docx.PORTRAIT_WIDTH;
    private static final int BODY = 14;
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** A dotted line to write on by hand: as many "…" as fit the line after its first-line indent, one line only. */
    private static final String DOTS = "…".repeat(usable(TEXT_WIDTH - 720, 0) / TextWidth.twips("…",
            TextWidth.Style.REGULAR, 14));

    private DocxWriter() {
    }

    public static byte[] write(ReportData data) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Decree30Docx.defaultFont(doc);
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

    /** "Xã Kim Thành" → "Kim Thành": the place name of the date line. */
    static String place(String communeName) {
        return Addressing.place(communeName);
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
        return Addressing.unitKind(unitName);
    }

    /** The national name, which must stay on one line in the right column. */
    static final String NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String ISSUER = "ỦY BAN NHÂN DÂN";
    /** Left and right padding of the header's cells: 1 mm. */
    static final int HEADER_CELL_MARGIN = 57;
    /** Left and right padding of the body's table cells: Word's default, 0.19 cm. */
    static final int CELL_MARGIN = 108;
    /** A line is given 2 % more room than Times New Roman needs for it, for rounding in the word processor. */
    static final double SLACK = 1.02;

    /**
     * How the header is laid out: the two column widths, the lines of the issuing body's name and of the place and
     * date (each line held together with no-break spaces, so nothing breaks a name inside), and the date line's size.
     * The right column keeps room for the national name on one line; the left one takes what the unit's name needs
     * (at least 36 % of the width). A name too long for it is broken between words only — after its kind ("PHƯỜNG")
     * or where it fits best — never inside a word.
     */
    record HeaderLayout(int left, int right, List<String> nameLines, List<String> dateLines, int dateSize) {
    }

    static HeaderLayout headerLayout(String communeName, String dateLine) {
        String unit = communeName.toUpperCase(VI);
        int rightMin = room(TextWidth.twips(NATIONAL_NAME, TextWidth.Style.BOLD, 13), HEADER_CELL_MARGIN);
        int nameNeeds = room(Math.max(TextWidth.twips(unit, TextWidth.Style.BOLD, 13),
                TextWidth.twips(ISSUER, TextWidth.Style.BOLD, 13)), HEADER_CELL_MARGIN);
        int left = Math.min(Math.max(TEXT_WIDTH * 36 / 100, nameNeeds), TEXT_WIDTH - rightMin);
        int right = TEXT_WIDTH - left;
        List<String> nameLines = nameLines(communeName, unit, usable(left, HEADER_CELL_MARGIN));

        String place = Addressing.place(communeName);
        String whole = place + ", " + dateLine;
        int rightUsable = usable(right, HEADER_CELL_MARGIN);
        List<String> dateLines;
        int size;
        if (TextWidth.twips(whole, TextWidth.Style.ITALIC, 14) <= rightUsable) {
            dateLines = List.of(whole);
            size = 14;
        } else if (TextWidth.twips(whole, TextWidth.Style.ITALIC, 13) <= rightUsable) {
            dateLines = List.of(whole);
            size = 13;
        } else {
            dateLines = List.of(place + ",", dateLine);
            size = 14;
        }
        return new HeaderLayout(left, right, nameLines.stream().map(TextWidth::unbreakable).toList(),
                dateLines.stream().map(DocxWriter::dateUnbreakable).toList(), size);
    }

    /** Twips a cell needs for a line of {@code textTwips}: the line with its slack, and the padding on both sides. */
    static int room(int textTwips, int margin) {
        return (int) Math.ceil(textTwips * SLACK) + 2 * margin;
    }

    /** Twips of text a cell of {@code width} holds, slack deducted. */
    static int usable(int width, int margin) {
        return (int) Math.floor((width - 2 * margin) / SLACK);
    }

    private static List<String> nameLines(String communeName, String unit, int usable) {
        if (TextWidth.twips(unit, TextWidth.Style.BOLD, 13) <= usable) {
            return List.of(unit);
        }
        List<String> whole = TextWidth.wrap(unit, TextWidth.Style.BOLD, 13, usable);
        String place = UnitKind.place(communeName);
        if (place.equals(communeName.strip())) {
            return whole; // no kind in front: nothing to put on a line of its own
        }
        int kindEnd = unit.length() - place.length(); // the unit line is the commune's name in capitals
        List<String> split = new java.util.ArrayList<>();
        split.add(unit.substring(0, kindEnd).strip());
        split.addAll(TextWidth.wrap(unit.substring(kindEnd), TextWidth.Style.BOLD, 13, usable));
        return split.size() <= whole.size() ? split : whole;
    }

    /** "Kim Thành, ngày 05 tháng 01 năm 2026": place and date each held together; a break only after the comma. */
    private static String dateUnbreakable(String line) {
        int comma = line.indexOf(", ngày ");
        if (comma < 0) {
            return TextWidth.unbreakable(line);
        }
        return TextWidth.unbreakable(line.substring(0, comma + 1)) + " "
                + TextWidth.unbreakable(line.substring(comma + 2));
    }

    private static void header(XWPFDocument doc, ReportData data) {
        String name = data.commune().name();
        HeaderLayout layout = headerLayout(name, Decree30Docx.dateLine(data.generatedOn()));
        XWPFTable t = table(doc, 2, new int[] {layout.left(), layout.right()}, false);
        t.setCellMargins(0, HEADER_CELL_MARGIN, 0, HEADER_CELL_MARGIN);
        XWPFTableCell left = t.getRow(0).getCell(0);
        line(left.getParagraphs().getFirst(), ISSUER, 13, true, false, false);
        XWPFParagraph issuer = left.addParagraph();
        XWPFRun unit = line(issuer, "", 13, true, false, false);
        lines(unit, layout.nameLines());
        // the short rule under the issuing body: 2/5 of its longest line, centred (Decree 30: 1/3 to 1/2)
        int longest = layout.nameLines().stream().mapToInt(l -> TextWidth.twips(l, TextWidth.Style.BOLD, 13)).max()
                .orElse(0);
        int indent = Math.max(0, (layout.left() - 2 * HEADER_CELL_MARGIN - longest * 2 / 5) / 2);
        // (an empty paragraph of its own, so that the name's paragraph keeps the whole cell width)
        XWPFParagraph rule = left.addParagraph();
        rule.setAlignment(ParagraphAlignment.CENTER);
        rule.setBorderBottom(Borders.SINGLE);
        rule.setIndentationLeft(indent);
        rule.setIndentationRight(indent);
        rule.setSpacingBefore(0);
        rule.setSpacingAfter(0);
        rule.setSpacingBetween(3, LineSpacingRule.EXACT);
        XWPFTableCell right = t.getRow(0).getCell(1);
        line(right.getParagraphs().getFirst(), NATIONAL_NAME, 13, true, false, false);
        XWPFParagraph motto = right.addParagraph();
        XWPFRun m = line(motto, "Độc lập - Tự do - Hạnh phúc", 14, true, false, false);
        m.setUnderline(UnderlinePatterns.SINGLE);

        line(t.getRow(1).getCell(0).getParagraphs().getFirst(), "Số: " + documentNumber(data.notes().number()), 13,
                false, false, false);
        XWPFRun date = line(t.getRow(1).getCell(1).getParagraphs().getFirst(), "", layout.dateSize(), false, true,
                false);
        lines(date, layout.dateLines());
    }

    private static void title(XWPFDocument doc, ReportData data) {
        XWPFParagraph kind = doc.createParagraph();
        kind.setSpacingBefore(240);
        line(kind, "BÁO CÁO", 14, true, false, false);
        XWPFParagraph subject = doc.createParagraph();
        // the period's words stay together: "quý III năm 2025" is never split as "quý" / "III năm 2025"
        line(subject, "Kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính "
                + TextWidth.unbreakable(data.period().inWords()), 14, true, false, false);
        XWPFParagraph rule = doc.createParagraph();
        rule.setBorderBottom(Borders.SINGLE);
        rule.setIndentationLeft(TEXT_WIDTH * 2 / 5);
        rule.setIndentationRight(TEXT_WIDTH * 2 / 5);
        rule.setSpacingAfter(240);
        List<String> to = data.addressing().addressees();
        if (to.size() == 1) {
            XWPFParagraph p = doc.createParagraph();
            line(p, "Kính gửi: " + to.getFirst(), BODY, false, false, false);
            p.setSpacingAfter(240);
        } else if (to.size() > 1) {
            // Decree 30: "Kính gửi:" and one line per addressee, "- …;", the last one ending with a full stop
            int labelIndent = TEXT_WIDTH / 5;
            XWPFParagraph label = doc.createParagraph();
            label.setAlignment(ParagraphAlignment.LEFT);
            label.setIndentationLeft(labelIndent);
            label.setSpacingAfter(0);
            run(label, "Kính gửi:", BODY, false, false);
            int itemIndent = labelIndent + TextWidth.twips("Kính gửi: ", TextWidth.Style.REGULAR, BODY);
            for (int i = 0; i < to.size(); i++) {
                XWPFParagraph item = doc.createParagraph();
                item.setAlignment(ParagraphAlignment.LEFT);
                item.setIndentationLeft(itemIndent);
                item.setSpacingAfter(i == to.size() - 1 ? 240 : 0);
                run(item, "- " + to.get(i) + (i == to.size() - 1 ? "." : ";"), BODY, false, false);
            }
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
            List<String[]> rows = new java.util.ArrayList<>();
            for (TaskResult r : data.tasks()) {
                rows.add(new String[] {String.valueOf(r.no()), r.title(), nz(r.leadUnit()),
                        r.target() > 0 ? String.valueOf(r.target())
                                : r.notApplicable() ? "—" : "Không định lượng",
                        String.valueOf(r.achieved()), r.assessment()});
            }
            grid(doc, List.of("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Chỉ tiêu trong kỳ", "Kết quả", "Đánh giá"),
                    new int[] {6, 38, 18, 13, 11, 14}, rows);
        }
        subheading(doc, "2. Tin, bài đã đăng theo kênh và loại sản phẩm");
        if (data.publications().isEmpty()) {
            text(doc, "Không có tin, bài nào được đăng trong kỳ báo cáo.");
        } else {
            List<String[]> rows = new java.util.ArrayList<>();
            int i = 0;
            for (ChannelKind c : data.publications()) {
                rows.add(new String[] {String.valueOf(++i), c.channelLabel(), c.kindLabel(),
                        String.valueOf(c.count())});
            }
            rows.add(new String[] {"", "Tổng cộng", "", String.valueOf(totals.publications())});
            grid(doc, List.of("STT", "Kênh thông tin", "Loại sản phẩm", "Số lượng"), new int[] {8, 44, 32, 16},
                    rows);
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
            List<String[]> rows = new java.util.ArrayList<>();
            int i = 0;
            for (ActivityRow a : data.activities()) {
                rows.add(new String[] {String.valueOf(++i), a.heldOn().format(VnTime.DAY),
                        nz(a.title()), nz(a.kindLabel()), nz(a.unit())});
            }
            grid(doc, List.of("STT", "Ngày", "Hoạt động", "Hình thức", "Đơn vị thực hiện"),
                    new int[] {7, 15, 42, 18, 18}, rows);
        }
        engagement(doc, data);
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

    /** «4. Hiệu quả tuyên truyền»: figures per channel and the most-read items of the window. */
    private static void engagement(XWPFDocument doc, ReportData data) {
        subheading(doc, "4. Hiệu quả tuyên truyền");
        Engagement e = data.engagement();
        if (e == null || (e.byChannel().isEmpty())) {
            text(doc, "Trong kỳ báo cáo, hệ thống chưa ghi nhận lượt xem, lượt nghe hay số liệu tiếp cận nào của"
                    + " tin, bài.");
            return;
        }
        long feed = figure(e.totals(), "feedFetches");
        text(doc, "Trong kỳ báo cáo, tin, bài của đơn vị đã tiếp cận " + number(e.reached()) + " lượt người (xem"
                + " trang " + number(figure(e.totals(), "views")) + ", nghe " + number(figure(e.totals(), "plays"))
                + ", tải âm thanh " + number(figure(e.totals(), "downloads")) + ", tiếp cận trên các kênh khác "
                + number(figure(e.totals(), "reach")) + "); " + number(figure(e.totals(), "reactions"))
                + " lượt tương tác, " + number(figure(e.totals(), "shares")) + " lượt chia sẻ"
                + (feed > 0 ? "; bản tin Atom của trang được đọc " + number(feed) + " lượt" : "")
                + ". Mỗi người đọc, người nghe được tính một lần mỗi ngày.");
        List<String[]> rows = new java.util.ArrayList<>();
        int i = 0;
        for (Engagement.ChannelRow c : e.byChannel()) {
            rows.add(new String[] {String.valueOf(++i), c.label(), number(figure(c.figures(), "views")),
                    number(figure(c.figures(), "plays")), number(figure(c.figures(), "downloads")),
                    number(figure(c.figures(), "reach")), number(figure(c.figures(), "reactions")),
                    number(figure(c.figures(), "shares"))});
        }
        rows.add(new String[] {"", "Tổng cộng", number(figure(e.totals(), "views")),
                number(figure(e.totals(), "plays")), number(figure(e.totals(), "downloads")),
                number(figure(e.totals(), "reach")), number(figure(e.totals(), "reactions")),
                number(figure(e.totals(), "shares"))});
        grid(doc, List.of("STT", "Kênh thông tin", "Lượt xem", "Lượt nghe", "Lượt tải", "Lượt tiếp cận",
                "Lượt tương tác", "Lượt chia sẻ"), new int[] {6, 30, 10, 10, 10, 12, 12, 10}, rows);
        if (!e.topItems().isEmpty()) {
            text(doc, "Các tin, bài được quan tâm nhiều nhất:");
            List<String[]> top = new java.util.ArrayList<>();
            int k = 0;
            for (Engagement.ItemRow r : e.topItems()) {
                top.add(new String[] {String.valueOf(++k), nz(r.title()), number(r.reached()),
                        number(figure(r.figures(), "reactions") + figure(r.figures(), "shares"))});
            }
            grid(doc, List.of("STT", "Tin, bài", "Lượt tiếp cận", "Lượt tương tác, chia sẻ"),
                    new int[] {7, 61, 16, 16}, top);
        }
    }

    static long figure(List<Engagement.Figure> figures, String key) {
        return figures.stream().filter(f -> f.key().equals(key)).mapToLong(Engagement.Figure::count).sum();
    }

    /** 1.250 — thousands with a dot, as Vietnamese documents write them. */
    static String number(long n) {
        return String.format(Locale.GERMANY, "%,d", n);
    }

    private static void signature(XWPFDocument doc, ReportData data) {
        XWPFTable t = table(doc, 1, new int[] {TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2}, false);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph p = left.getParagraphs().getFirst();
        p.setAlignment(ParagraphAlignment.LEFT);
        run(p, "Nơi nhận:", 12, true, true);
        List<String> recipients = data.addressing().recipients();
        for (int i = 0; i < recipients.size(); i++) {
            XWPFParagraph rp = left.addParagraph();
            rp.setAlignment(ParagraphAlignment.LEFT);
            run(rp, "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"), 11, false, false);
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        int usable = usable(TEXT_WIDTH - TEXT_WIDTH / 2, CELL_MARGIN);
        Addressing.Signature s = data.addressing().signature();
        boolean first = true;
        for (String role : java.util.Arrays.asList(s.authority(), s.delegation(), s.title())) {
            if (blank(role)) {
                continue;
            }
            XWPFParagraph rp = first ? right.getParagraphs().getFirst() : right.addParagraph();
            first = false;
            lines(line(rp, "", 14, true, false, false), wrapped(role.strip(), TextWidth.Style.BOLD, 14, usable));
        }
        for (int i = 0; i < 4; i++) {
            line(first ? right.getParagraphs().getFirst() : right.addParagraph(), "", 14, false, false, false);
            first = false;
        }
        XWPFRun name = line(right.addParagraph(), "", 14, true, false, false);
        if (!blank(s.name())) {
            lines(name, wrapped(s.name().strip(), TextWidth.Style.BOLD, 14, usable));
        }
    }

    /** The text in lines that fit {@code usable} twips, each held together. */
    private static List<String> wrapped(String text, TextWidth.Style style, int size, int usable) {
        return TextWidth.wrap(text, style, size, usable).stream().map(TextWidth::unbreakable).toList();
    }

    /** Writes lines into one run, separated by line breaks. */
    private static void lines(XWPFRun run, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0) {
                run.setText(lines.get(i), 0);
            } else {
                run.addBreak();
                run.setText(lines.get(i));
            }
        }
    }

    /** One portrait section; page numbers from page 2. */
    private static void page(XWPFDocument doc) {
        Decree30Docx.pageNumbersFromPageTwo(doc);
        CTSectPr sect = Decree30Docx.lastSection(doc);
        if (!sect.isSetTitlePg()) {
            sect.addNewTitlePg();
        }
        Decree30Docx.section(sect, false);
    }

    // ------------------------------------------------------------ building blocks

    private static XWPFRun line(XWPFParagraph p, String text, int size, boolean bold, boolean italic,
            boolean justify) {
        p.setAlignment(justify ? ParagraphAlignment.BOTH : ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        return run(p, text, size, bold, italic);
    }

    /** A paragraph of the body: justified, 1.27 cm first-line indent, 6 pt after — and before, for a heading. */
    private static void paragraph(XWPFDocument doc, String text, boolean bold, boolean spaceBefore) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(720);
        if (spaceBefore) {
            p.setSpacingBefore(120);
        }
        p.setSpacingAfter(120);
        run(p, text, BODY, bold, false);
    }

    private static void text(XWPFDocument doc, String text) {
        paragraph(doc, text, false, false);
    }

    private static void heading(XWPFDocument doc, String text) {
        paragraph(doc, text, true, true);
    }

    private static void subheading(XWPFDocument doc, String text) {
        paragraph(doc, text, true, false);
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

    /** A table over the whole text width (the widths given add up to at most that). */
    private static XWPFTable table(XWPFDocument doc, int rows, int[] widths, boolean borders) {
        return Decree30Docx.table(doc, rows, widths, TEXT_WIDTH, borders);
    }

    /**
     * A bordered table with a bold header row and its rows; widths in percent of the text width, widened where a column
     * would be narrower than its longest word ("STT", a date) — taken from the columns with room to spare — so that no
     * word is ever broken across lines.
     */
    private static XWPFTable grid(XWPFDocument doc, List<String> headers, int[] percent, List<String[]> rows) {
        int[] widths = columnWidths(headers, percent, rows);
        XWPFTable t = table(doc, 1, widths, true);
        t.setCellMargins(0, CELL_MARGIN, 0, CELL_MARGIN);
        for (int c = 0; c < headers.size(); c++) {
            XWPFParagraph p = t.getRow(0).getCell(c).getParagraphs().getFirst();
            line(p, headers.get(c), 13, true, false, false);
        }
        for (String[] cells : rows) {
            row(t, cells);
        }
        return t;
    }

    static int[] columnWidths(List<String> headers, int[] percent, List<String[]> rows) {
        int n = percent.length;
        int[] widths = new int[n];
        int[] min = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = TEXT_WIDTH * percent[c] / 100;
            int word = TextWidth.longestWord(headers.get(c), TextWidth.Style.BOLD, 13);
            for (String[] row : rows) {
                word = Math.max(word, TextWidth.longestWord(nz(row[c]), TextWidth.Style.REGULAR, 13));
            }
            min[c] = room(word, CELL_MARGIN);
        }
        int missing = 0;
        for (int c = 0; c < n; c++) {
            if (widths[c] < min[c]) {
                missing += min[c] - widths[c];
                widths[c] = min[c];
            }
        }
        while (missing > 0) {
            int widest = -1;
            for (int c = 0; c < n; c++) {
                if (widths[c] > min[c] && (widest < 0 || widths[c] - min[c] > widths[widest] - min[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break; // nothing to spare: the words are wider than the page
            }
            int take = Math.min(missing, widths[widest] - min[widest]);
            widths[widest] -= take;
            missing -= take;
        }
        return widths;
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

    /** A unit's name inside a sentence ("Ủy ban nhân dân xã Tiên Minh", "thành phố Hải Phòng"). */
    static String inSentence(String unitName) {
        return Addressing.inSentence(unitName);
    }
}
