package vn.loa.plan.document;

import static vn.loa.document.Decree30Docx.LANDSCAPE_WIDTH;
import static vn.loa.document.Decree30Docx.PORTRAIT_WIDTH;
import static vn.loa.document.Decree30Docx.dateLine;
import static vn.loa.document.Decree30Docx.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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
import vn.loa.platform.tenancy.UnitKind;
import vn.loa.document.Decree30Docx;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.importing.AnnexWording;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.Section;
import vn.loa.plan.plan.Signer;
import vn.loa.plan.wording.Words;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * A plan as its Word file (.docx), in the form of Decree 30/2020/NĐ-CP (Appendix I): A4 portrait, margins 20 / 20 /
 * 30 / 15 mm, Times New Roman; the two-column header (issuing body | national name and motto), "Số: …/KH-UBND",
 * place and date, "KẾ HOẠCH" and its title, the legal basis and the sections (I. Mục đích, yêu cầu … Tổ chức thực
 * hiện), the closing, recipients and the signature block from the plan's signer; then, on landscape pages, "Phụ lục
 * I" and the annex table of the plan's current tasks. Page numbers from page 2, centred in the top margin.
 *
 * <p>The file reads back through the import ({@code importing.PlanImporter}) as the same plan: its sections in the
 * order the reader expects them, and the annex in the words of {@link AnnexWording} (quota, channels and, where the
 * plan's words do not give it, the exact deadline).
 */
public final class PlanDocument {

    private static final int BODY = 14;
    private static final int INDENT = 720;
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Pattern DUTIES = Pattern.compile(".*\\bto chuc thuc hien\\b.*");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
        "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
        "XXVII", "XXVIII", "XXIX", "XXX"};

    private final Plan plan;
    private final PlanContent c;
    /** "Xã Tiên Minh", "Phường Bạch Mai". */
    private final String communeName;
    /** "xã", "phường", "đặc khu". */
    private final String communeKind;
    /** "tỉnh", "thành phố". */
    private final String provinceKind;
    private int section;

    private PlanDocument(Plan plan) {
        this.plan = plan;
        this.c = plan.content();
        Optional<CommuneDirectory.Commune> commune = CommuneDirectory.instance().commune(plan.tenantId());
        this.communeName = commune.map(CommuneDirectory.Commune::name).orElse("Xã " + plan.tenantId());
        this.communeKind = UnitKind.of(communeName).word();
        String province = commune.flatMap(x -> CommuneDirectory.instance().province(x.provinceCode()))
                .map(CommuneDirectory.Province::name).orElse("Tỉnh");
        this.provinceKind = Words.folded(province).startsWith("thanh pho") ? "thành phố" : "tỉnh";
    }

    /** The plan's Word file. */
    public static byte[] write(Plan plan) {
        return new PlanDocument(plan).bytes();
    }

    /** A file name for the download, Vietnamese as it is: "Kế hoạch 21-KH-UBND - Xã Tiên Minh.docx". */
    public static String fileName(Plan plan) {
        String commune = CommuneDirectory.instance().commune(plan.tenantId()).map(CommuneDirectory.Commune::name)
                .orElse(plan.tenantId());
        String number = plan.content().number();
        String base = blank(number) ? "Dự thảo kế hoạch" : "Kế hoạch " + number.strip();
        return (base + " - " + commune).replaceAll("[\\\\/:*?\"<>|]+", "-").replaceAll("\\s+", " ") + ".docx";
    }

    private byte[] bytes() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Decree30Docx.defaultFont(doc);
            header(doc);
            title(doc);
            body(doc);
            signature(doc);
            XWPFParagraph sectionBreak = doc.createParagraph();
            annex(doc);
            pages(doc, sectionBreak);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ the document

    private void header(XWPFDocument doc) {
        int left = PORTRAIT_WIDTH * 42 / 100;
        XWPFTable t = table(doc, new int[] {left, PORTRAIT_WIDTH - left}, false);
        XWPFTableCell body = t.getRow(0).getCell(0);
        centred(body.getParagraphs().getFirst(), "ỦY BAN NHÂN DÂN", 13, true, false);
        centred(body.addParagraph(), communeName.toUpperCase(VI), 13, true, false);
        XWPFParagraph rule = body.addParagraph();
        rule.setBorderBottom(Borders.SINGLE);
        rule.setIndentationLeft(left / 3);
        rule.setIndentationRight(left / 3);
        rule.setSpacingAfter(0);
        rule.setSpacingBetween(3, LineSpacingRule.EXACT);
        XWPFTableCell nation = t.getRow(0).getCell(1);
        centred(nation.getParagraphs().getFirst(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, true, false);
        centred(nation.addParagraph(), "Độc lập - Tự do - Hạnh phúc", 14, true, false)
                .setUnderline(UnderlinePatterns.SINGLE);
        XWPFTableRow second = t.createRow();
        centred(second.getCell(0).getParagraphs().getFirst(), "Số: " + number(), 13, false, false);
        centred(second.getCell(1).getParagraphs().getFirst(), place() + ", " + dateLine(c.issuedOn()), 14, false,
                true);
    }

    private void title(XWPFDocument doc) {
        XWPFParagraph kind = doc.createParagraph();
        kind.setSpacingBefore(360);
        centred(kind, "KẾ HOẠCH", 14, true, false);
        centred(doc.createParagraph(), nz(c.title()), 14, true, false);
        XWPFParagraph rule = doc.createParagraph();
        rule.setBorderBottom(Borders.SINGLE);
        rule.setIndentationLeft(PORTRAIT_WIDTH * 2 / 5);
        rule.setIndentationRight(PORTRAIT_WIDTH * 2 / 5);
        rule.setSpacingAfter(240);
    }

    private void body(XWPFDocument doc) {
        c.basis().forEach(line -> text(doc, line, false));
        if (!c.purposes().isEmpty() || !c.requirements().isEmpty()) {
            heading(doc, "MỤC ĐÍCH, YÊU CẦU");
            if (!c.purposes().isEmpty()) {
                text(doc, "1. Mục đích", true);
                c.purposes().forEach(line -> text(doc, line, false));
            }
            if (!c.requirements().isEmpty()) {
                text(doc, (c.purposes().isEmpty() ? "1" : "2") + ". Yêu cầu", true);
                c.requirements().forEach(line -> text(doc, line, false));
            }
        }
        part(doc, "CHỈ TIÊU CỤ THỂ", c.targets());
        part(doc, "NỘI DUNG TUYÊN TRUYỀN", c.themes());
        part(doc, "HÌNH THỨC TUYÊN TRUYỀN", c.forms());
        Section dutiesIntro = null;
        for (Section s : c.otherSections()) {
            if (DUTIES.matcher(Words.folded(nz(s.heading()))).matches() && dutiesIntro == null) {
                dutiesIntro = s; // the words under "Tổ chức thực hiện" before its first unit
            } else {
                part(doc, blank(s.heading()) ? "NỘI DUNG KHÁC" : s.heading(), s.items());
            }
        }
        if (!blank(c.budget())) {
            part(doc, "KINH PHÍ THỰC HIỆN", List.of(c.budget().split("\\R")));
        }
        if (!c.duties().isEmpty() || dutiesIntro != null) {
            heading(doc, dutiesIntro == null ? "TỔ CHỨC THỰC HIỆN" : dutiesIntro.heading());
            if (dutiesIntro != null) {
                dutiesIntro.items().forEach(line -> text(doc, line, false));
            }
            int i = 0;
            for (Duty d : c.duties()) {
                text(doc, ++i + ". " + nz(d.unit()), true);
                d.items().forEach(line -> text(doc, line, false));
            }
        }
        if (!blank(c.closing())) {
            for (String line : c.closing().split("\\R")) {
                text(doc, line, false);
            }
        }
    }

    private void part(XWPFDocument doc, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        heading(doc, heading);
        items.forEach(line -> text(doc, line, false));
    }

    private void signature(XWPFDocument doc) {
        XWPFTable t = table(doc, new int[] {PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH - PORTRAIT_WIDTH / 2}, false);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFParagraph label = left.getParagraphs().getFirst();
        label.setSpacingBefore(240);
        run(label, "Nơi nhận:", 12, true, true);
        List<String> recipients = c.recipients().isEmpty() ? List.of("Lưu: VT") : c.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            XWPFParagraph p = left.addParagraph();
            p.setSpacingAfter(0);
            run(p, "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"), 11, false, false);
        }
        XWPFTableCell right = t.getRow(0).getCell(1);
        Signer s = c.signer();
        List<String> roles = new ArrayList<>();
        if (s != null) {
            for (String role : new String[] {s.authority(), s.delegation(), s.title()}) {
                if (!blank(role)) {
                    roles.add(role.strip());
                }
            }
        }
        XWPFParagraph first = right.getParagraphs().getFirst();
        first.setSpacingBefore(240);
        for (int i = 0; i < roles.size(); i++) {
            centred(i == 0 ? first : right.addParagraph(), roles.get(i), 14, true, false);
        }
        for (int i = 0; i < 4; i++) {
            centred(roles.isEmpty() && i == 0 ? first : right.addParagraph(), "", 14, false, false);
        }
        if (s != null && !blank(s.name())) {
            centred(right.addParagraph(), s.name().strip(), 14, true, false);
        }
    }

    private void annex(XWPFDocument doc) {
        centred(doc.createParagraph(), "Phụ lục I", 14, true, false);
        List<String> titleLines = new ArrayList<>();
        if (!blank(c.annexTitle())) {
            for (String line : c.annexTitle().split("\\R")) {
                String f = Words.folded(line).replaceAll("^[(\\s]+", "");
                // the heading's own "Phụ lục 1" and "(Kèm theo …)" lines are written afresh, with this plan's number
                if (!line.isBlank() && !f.matches("phu luc\\s*[ivx0-9]*\\.?") && !f.startsWith("kem theo")) {
                    titleLines.add(line.strip());
                }
            }
        }
        if (titleLines.isEmpty()) {
            titleLines.add("DANH MỤC NHIỆM VỤ CỤ THỂ");
        }
        titleLines.forEach(line -> centred(doc.createParagraph(), line, 14, true, false));
        String issued = c.issuedOn() == null ? "ngày      " : "ngày " + Words.date(c.issuedOn());
        XWPFParagraph with = doc.createParagraph();
        with.setSpacingAfter(240);
        centred(with, "(Kèm theo Kế hoạch số " + number() + " " + issued + " của Ủy ban nhân dân "
                + inSentence(communeName) + ")", 14, false, true);

        List<AnnexTask> tasks = plan.tasks().stream().filter(AnnexTask::isActive).toList();
        boolean scale = tasks.stream().anyMatch(t -> !blank(t.scale()));
        boolean audience = tasks.stream().anyMatch(t -> !blank(t.audience()));
        List<String> headers = new ArrayList<>(List.of("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì",
                "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm", AnnexWording.QUOTA_HEADER,
                AnnexWording.CHANNEL_HEADER));
        List<Integer> weights = new ArrayList<>(List.of(5, 29, 12, 13, 11, 10, 12, 11));
        if (scale) {
            headers.add("Quy mô");
            weights.add(8);
        }
        if (audience) {
            headers.add("Đối tượng");
            weights.add(10);
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int[] widths = weights.stream().mapToInt(w -> LANDSCAPE_WIDTH * w / total).toArray();
        XWPFTable t = table(doc, widths, true);
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        for (int i = 0; i < headers.size(); i++) {
            centred(head.getCell(i).getParagraphs().getFirst(), headers.get(i), 12, true, false);
        }
        int n = 0;
        for (AnnexTask task : tasks) {
            XWPFTableRow row = t.createRow();
            List<List<String>> cells = new ArrayList<>();
            cells.add(List.of(Integer.toString(++n)));
            List<String> content = new ArrayList<>();
            content.add(nz(task.title()).replaceAll("\\s*\\R\\s*", " "));
            if (!blank(task.description())) {
                content.addAll(List.of(task.description().split("\\R")));
            }
            cells.add(content);
            cells.add(blank(task.leadUnit()) ? List.of() : List.of(task.leadUnit()));
            // one unit a line, as a list: the reader takes each line whole ("Các cơ quan, đơn vị và các thôn")
            cells.add(task.coordinatingUnits().stream().map(u -> "- " + u).toList());
            List<String> time = new ArrayList<>();
            if (task.due() != null && !blank(task.due().text())) {
                time.add(task.due().text());
            }
            if (AnnexWording.needsDeadline(task.due(), task.description(), c.period())) {
                time.add(AnnexWording.deadline(task.due().date()));
            }
            cells.add(time);
            cells.add(task.productKinds().isEmpty() ? List.of()
                    : List.of(AnnexWording.products(task.productKinds())));
            cells.add(task.quota() == null ? List.of()
                    : List.of(AnnexWording.quota(task.quota(), task.productKinds())));
            cells.add(task.channels().stream().map(id -> AnnexWording.channel(id, communeKind, provinceKind))
                    .toList());
            if (scale) {
                cells.add(blank(task.scale()) ? List.of() : List.of(task.scale()));
            }
            if (audience) {
                cells.add(blank(task.audience()) ? List.of() : List.of(task.audience()));
            }
            for (int i = 0; i < cells.size(); i++) {
                fill(row.getCell(i), cells.get(i), i == 1, i == 0);
            }
        }
    }

    /** Portrait pages for the plan, landscape for the annex; page numbers from page 2. */
    private static void pages(XWPFDocument doc, XWPFParagraph sectionBreak) {
        Decree30Docx.pageNumbersFromPageTwo(doc);
        CTSectPr last = Decree30Docx.lastSection(doc);
        // the plan's own pages: a copy of the section with its headers, ended by the break paragraph
        CTSectPr plan = (CTSectPr) last.copy();
        plan.addNewTitlePg();
        Decree30Docx.section(plan, false);
        var pPr = sectionBreak.getCTP().isSetPPr() ? sectionBreak.getCTP().getPPr() : sectionBreak.getCTP().addNewPPr();
        pPr.setSectPr(plan);
        Decree30Docx.section(last, true);
    }

    // ------------------------------------------------------------------ words

    /** "21/KH-UBND"; a number without its symbol gets it; no number leaves room to write it by hand. */
    private String number() {
        if (blank(c.number())) {
            return "      /KH-UBND";
        }
        String n = c.number().strip().replaceAll("\\s*/\\s*", "/");
        return n.contains("/") ? n : n + "/KH-UBND";
    }

    private String place() {
        return blank(c.place()) ? UnitKind.place(communeName) : c.place().strip();
    }

    /** "Xã Tiên Minh" → "xã Tiên Minh", inside a sentence. */
    private static String inSentence(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(VI) + name.substring(1);
    }

    private void heading(XWPFDocument doc, String text) {
        String numbered = (section < ROMAN.length ? ROMAN[section] : Integer.toString(section + 1)) + ". " + text;
        section++;
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(120);
        body(p, numbered, true);
    }

    private static void text(XWPFDocument doc, String text, boolean bold) {
        body(doc.createParagraph(), text.strip(), bold);
    }

    private static void body(XWPFParagraph p, String text, boolean bold) {
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(INDENT);
        p.setSpacingAfter(120);
        run(p, text, BODY, bold, false);
    }

    private static XWPFRun centred(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        return run(p, text, size, bold, italic);
    }

    /** A cell's paragraphs: the task's name in bold, its description under it; numbers centred. */
    private static void fill(XWPFTableCell cell, List<String> paragraphs, boolean task, boolean centre) {
        for (int i = 0; i < paragraphs.size(); i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().getFirst() : cell.addParagraph();
            p.setAlignment(centre ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            p.setSpacingAfter(0);
            run(p, paragraphs.get(i).strip(), 12, task && i == 0, false);
        }
    }

    /** A one-row table of the widths given, as wide as they are together. */
    private static XWPFTable table(XWPFDocument doc, int[] widths, boolean borders) {
        return Decree30Docx.table(doc, 1, widths, java.util.Arrays.stream(widths).sum(), borders);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
