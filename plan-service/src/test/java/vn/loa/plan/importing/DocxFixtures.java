package vn.loa.plan.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Builds the .docx fixtures of the import tests from the seed plans' text ({@code src/test/resources/seeds/}), the
 * way a commune's Word file is laid out (Decree 30/2020): for Tiên Minh, whose seed has the "Số:" and date lines, a
 * header table (the standard issuing-body and national-motto lines | those two lines), the body as paragraphs, the recipients and signature side by side in a
 * table, then the annex heading and the annex table. The seeds are text extracted from PDF or Word, so wrapped lines
 * are joined back into paragraphs here; the annex of Bạch Mai lost its table in the extraction and is laid out
 * again from the seed's cells, word for word.
 *
 * <p>The generated files are committed under {@code src/test/resources/docx/} and the tests read those; run
 * {@code main} again only to regenerate them (from the module directory).
 */
public final class DocxFixtures {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocxFixtures.class);

    private static final Path SEEDS = Path.of("src/test/resources/seeds");
    private static final Path OUT = Path.of("src/test/resources/docx");

    private DocxFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(OUT);
        write("tien-minh-2026.docx", tienMinh());
        write("bach-mai-2025.docx", bachMai());
        write("kim-thanh-2025.docx", fromWrappedText("kim-thanh-2025.txt", null));
        write("ky-lac-2025.docx", fromWrappedText("ky-lac-2025.txt", null));
        // the OCR scan as such a scan ends up in Word: accents lost, columns of the header and signature merged
        write("nguyen-luong-bang-2025-ocr.docx", fromWrappedText("nguyen-luong-bang-2025-ocr.txt", null));
    }

    // ------------------------------------------------------------------ Tiên Minh: paragraphs and a TSV annex

    static XWPFDocument tienMinh() throws IOException {
        List<String> lines = Files.readAllLines(SEEDS.resolve("tien-minh-2026.txt"), StandardCharsets.UTF_8);
        XWPFDocument doc = new XWPFDocument();
        headerTable(doc, "ỦY BAN NHÂN DÂN", "XÃ TIÊN MINH", "Số: /KH-UBND", "Tiên Minh, ngày tháng 3 năm 2026");
        List<String> recipients = new ArrayList<>();
        List<String> signer = new ArrayList<>();
        int i = 0;
        // body up to the recipients
        for (; i < lines.size(); i++) {
            String line = markdown(lines.get(i));
            if (line.startsWith("Số:") || line.startsWith("Tiên Minh, ngày") || line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Nơi nhận")) {
                break;
            }
            paragraph(doc, line, isHeading(lines.get(i)));
        }
        // recipients and signature, side by side
        for (i++; i < lines.size(); i++) {
            String line = markdown(lines.get(i));
            if (line.startsWith("DANH MỤC")) {
                break;
            }
            if (line.startsWith("- ")) {
                recipients.add(line);
            } else if (!line.isEmpty()) {
                signer.add(line);
            }
        }
        signatureTable(doc, recipients, signer);
        // annex heading, then the table
        for (; i < lines.size() && !lines.get(i).startsWith("STT"); i++) {
            String line = markdown(lines.get(i));
            if (!line.isEmpty()) {
                paragraph(doc, line, true).setAlignment(ParagraphAlignment.CENTER);
            }
        }
        List<List<List<String>>> rows = new ArrayList<>();
        for (; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || lines.get(i).matches("^[-\\t ]+$")) {
                continue; // blank lines and the markdown separator row of the extraction
            }
            List<List<String>> row = new ArrayList<>();
            for (String cell : lines.get(i).split("\t", -1)) {
                row.add(htmlParagraphs(cell));
            }
            rows.add(row);
        }
        annexTable(doc, rows);
        return doc;
    }

    private static final Pattern P = Pattern.compile("<p>(.*?)</p>");

    /** "<p><b>Title</b></p> <p>- Nội dung: …</p>" → its paragraphs, tags removed. */
    private static List<String> htmlParagraphs(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = P.matcher(cell);
        while (m.find()) {
            String text = m.group(1).replaceAll("<[^>]+>", "").strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        if (out.isEmpty() && !cell.isBlank()) {
            out.add(cell.replaceAll("<[^>]+>", "").strip());
        }
        return out;
    }

    private static String markdown(String line) {
        return line.replaceAll("^#+\\s*", "").replace("**", "").replace("*", "").strip();
    }

    private static boolean isHeading(String line) {
        return line.startsWith("#") || line.startsWith("**");
    }

    // ------------------------------------------------------------------ Bạch Mai: wrapped text and Phụ lục 1

    static XWPFDocument bachMai() throws IOException {
        XWPFDocument doc = fromWrappedText("bach-mai-2025.txt", "Phụ lục 1");
        for (String heading : List.of("Phụ lục 1", "MỘT SỐ NHIỆM VỤ CỤ THỂ VỀ CÔNG TÁC TUYÊN TRUYỀN NĂM 2025",
                "( Kèm theo Kê hoạch số......./KH-UBND ngày …/…/2025 của UBND phường Bạch Mai )")) {
            paragraph(doc, heading, !heading.startsWith("(")).setAlignment(ParagraphAlignment.CENTER);
        }
        String vhxh = "Phòng Văn hóa xã hội";
        String others = "Các phòng, ban chuyên môn";
        List<List<List<String>>> rows = List.of(
                row("TT", "Nhiệm vụ", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp", "Thời gian hoàn thành"),
                row("1.", "Ban hành Kế hoạch tuyên truyền CCHC năm 2025", vhxh, "Văn phòng HĐND&UBND",
                        "Chậm nhất 20 ngày kể từ ngày UBND Thành phố ban hành Kế hoạch kèm theo Quyết định"),
                row("2.", "Tuyên truyền kết quả thực hiện CCHC trên Trang thông tin điện tử phường", others, vhxh,
                        "Trong năm 2025"),
                List.of(List.of("3."), List.of("Hằng tháng, gửi đăng tải tối thiểu 01 tin/bài CCHC (từ tháng 8/2025 "
                        + "đến tháng 12/2025) trên Trang thông tin CCHC của Thành phố"), List.of(others), List.of(vhxh),
                        List.of("Định kỳ hằng tháng", "(theo lịch phân công sau)")),
                List.of(List.of("4."), List.of("Biên soạn ít nhất 02 tin,bài về CCHC để phát trên hệ thống truyền thanh"),
                        List.of(vhxh), List.of(others), List.of("Định kỳ hằng quý", "(theo lịch phân công sau)")),
                row("5.", "Báo cáo kết quả thực hiện thông tin, tuyên truyền CCHC định kỳ (lồng ghép vào báo cáo CCHC "
                        + "định kỳ của cơ quan, đơn vị).", vhxh, others, "Định kỳ theo quy định"),
                row("6.", "Tham gia lớp tập huấn, tuyên truyền về CCHC, các Chỉ số đánh giá hiệu quả hoạt động của "
                        + "chính quyền", vhxh, others, "Theo lịch của Thành phố"),
                row("7.", "Triển khai tổ chức Cuộc thi Tìm kiếm ý tưởng, giải pháp CCHC theo chỉ đạo của thành phố",
                        vhxh, others, "Theo chỉ đạo của Thành phố"),
                row("8.", "Phối hợp lựa chọn tổ chức hoạt động tọa đàm, đối thoại giữa chính quyền - người dân về CCHC",
                        "Văn phòng HĐND và UBND", "Phòng Văn hóa xã hội và các phòng, ban chuyên môn", "Trong năm"),
                row("9", "Tổ chức triển khai giải pháp tuyên truyền các nội dung CCHC; Lựa chọn tin bài, thông tin, "
                        + "truyền thông hoạt động CCHC đăng tải trên Trang Thông tin điện tử phường", vhxh, others,
                        "Trong năm"));
        annexTable(doc, rows);
        return doc;
    }

    private static List<List<String>> row(String... cells) {
        return java.util.Arrays.stream(cells).map(List::of).toList();
    }

    // ------------------------------------------------------------------ text extracted from PDF, hard-wrapped

    /**
     * Joins the seed's wrapped lines back into paragraphs: a line starts a paragraph when it opens a list item or a
     * heading ("a)", "-", "1.", "II."), is in capitals, opens the basis ("Thực hiện"), or follows a sentence end or
     * a heading; otherwise it continues the paragraph above. Stops at {@code stopAt} (the annex, laid out apart).
     */
    static XWPFDocument fromWrappedText(String seed, String stopAt) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        boolean previousClosed = true;
        for (String raw : Files.readAllLines(SEEDS.resolve(seed), StandardCharsets.UTF_8)) {
            String line = raw.replace('\f', ' ').strip();
            if (line.isEmpty()) {
                continue;
            }
            if (stopAt != null && line.startsWith(stopAt)) {
                break;
            }
            boolean starts = previousClosed || opens(line);
            if (starts || paragraphs.isEmpty()) {
                paragraphs.add(line);
            } else {
                paragraphs.set(paragraphs.size() - 1, paragraphs.getLast() + " " + line);
            }
            String last = paragraphs.getLast();
            previousClosed = last.matches(".*[.:;!?)]$") || isCapitals(last) || isNumberedHeading(last);
        }
        XWPFDocument doc = new XWPFDocument();
        List<String> recipients = new ArrayList<>();
        List<String> signer = new ArrayList<>();
        boolean tail = false;
        for (String p : paragraphs) {
            if (p.startsWith("Nơi nhận")) {
                tail = true;
                recipients.add(p);
                continue;
            }
            if (tail) {
                (p.startsWith("-") ? recipients : signer).add(p);
            } else {
                paragraph(doc, p, isCapitals(p) || isNumberedHeading(p));
            }
        }
        // recipients first, then the signature: the reading order of the usual two-column block
        recipients.forEach(r -> paragraph(doc, r, r.startsWith("Nơi nhận")));
        signer.forEach(s -> paragraph(doc, s, true));
        return doc;
    }

    private static boolean opens(String line) {
        String f = vn.loa.plan.wording.Words.folded(line);
        return line.matches("^([a-zđ]\\)|[-+•]|\\d{1,2}\\.|[IVX]{1,4}\\.).*") || isCapitals(line)
                || f.matches("^(th[uy]c hien|can cu|tren day|noi nh).*");
    }

    /** A line in capitals of two words or more: a heading ("KẾ HOẠCH"), not an acronym ending a line ("CCHC."). */
    private static boolean isCapitals(String line) {
        return line.contains(" ") && line.chars().anyMatch(Character::isLetter)
                && line.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static boolean isNumberedHeading(String line) {
        return line.matches("^(\\d{1,2}|[IVX]{1,4})\\.\\s*\\S.*") && line.length() < 120;
    }

    // ------------------------------------------------------------------ layout

    private static XWPFParagraph paragraph(XWPFDocument doc, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontFamily("Times New Roman");
        run.setFontSize(14);
        return p;
    }

    private static void headerTable(XWPFDocument doc, String superior, String body, String number, String placeDate) {
        XWPFTable t = doc.createTable(2, 2);
        cell(t.getRow(0).getCell(0), List.of(superior, body), true);
        cell(t.getRow(0).getCell(1), List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), true);
        cell(t.getRow(1).getCell(0), List.of(number), false);
        cell(t.getRow(1).getCell(1), List.of(placeDate), false);
    }

    private static void signatureTable(XWPFDocument doc, List<String> recipients, List<String> signer) {
        XWPFTable t = doc.createTable(1, 2);
        List<String> left = new ArrayList<>(List.of("Nơi nhận:"));
        left.addAll(recipients);
        cell(t.getRow(0).getCell(0), left, false);
        List<String> right = new ArrayList<>(signer.subList(0, signer.size() - 1));
        right.add(""); // the space for the signature
        right.add(signer.getLast());
        cell(t.getRow(0).getCell(1), right, true);
    }

    private static void annexTable(XWPFDocument doc, List<List<List<String>>> rows) {
        int columns = rows.get(0).size();
        XWPFTable t = doc.createTable(rows.size(), columns);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                List<String> paragraphs = c < rows.get(r).size() ? rows.get(r).get(c) : List.of();
                cell(t.getRow(r).getCell(c), paragraphs, r == 0);
            }
        }
    }

    /** Fills a cell with paragraphs; the first paragraph of a task cell is its bold title in the seeds. */
    private static void cell(XWPFTableCell cell, List<String> paragraphs, boolean bold) {
        XWPFParagraph first = cell.getParagraphs().get(0);
        for (int i = 0; i < paragraphs.size(); i++) {
            XWPFParagraph p = i == 0 ? first : cell.addParagraph();
            XWPFRun run = p.createRun();
            run.setText(paragraphs.get(i));
            run.setBold(bold || (i == 0 && paragraphs.size() > 1));
            run.setFontFamily("Times New Roman");
            run.setFontSize(12);
        }
    }

    private static void write(String name, XWPFDocument doc) throws IOException {
        try (doc; OutputStream out = Files.newOutputStream(OUT.resolve(name))) {
            doc.write(out);
        }
        log.info("wrote {}", OUT.resolve(name));
    }
}
