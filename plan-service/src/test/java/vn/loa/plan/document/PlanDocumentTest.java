package vn.loa.plan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.importing.ImportedPlan;
import vn.loa.plan.importing.PlanImporter;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.Signer;
import vn.loa.plan.plan.Stamp;

/** The Word file of a plan typed in the app: Decree 30's form, and what the plan's words alone would not say. */
class PlanDocumentTest {

    private static final Stamp STAMP = new Stamp("u", Instant.parse("2026-02-05T03:00:00Z"));
    private final PlanImporter importer = new PlanImporter();

    static PlanContent content(Signer signer, List<String> recipients) {
        return new PlanContent("07/KH-UBND", "Tuyên truyền cải cách hành chính nhà nước năm 2026", "Bạch Mai",
                LocalDate.of(2026, 2, 5), Period.year(2026), List.of("Căn cứ Kế hoạch số 12/KH-UBND của UBND Thành phố."),
                List.of("a) Nâng cao nhận thức của cán bộ và Nhân dân."), List.of("Bám sát chỉ đạo của Thành phố."),
                List.of(), List.of("Kết quả CCHC của phường."), List.of(), "Ngân sách phường năm 2026.",
                List.of(new Duty("Phòng Văn hóa - Xã hội", List.of("Theo dõi, đôn đốc, tổng hợp."))), recipients,
                signer, List.of(), null, null);
    }

    /** Tasks whose dates, quotas and channels the words of the plan do not carry by themselves. */
    static List<TaskDetails> tasks() {
        return List.of(
                new TaskDetails("Tin, bài về CCHC trên các kênh của phường", "Nội dung: kết quả CCHC\nHình thức: tin, ảnh",
                        "Phòng Văn hóa - Xã hội", List.of("Văn phòng HĐND và UBND", "Các cơ quan, đơn vị và các tổ dân phố"),
                        List.of(ProductKind.NEWS, ProductKind.PHOTO),
                        List.of("portal", "province-portal", "zalo-oa", "notice-board", "loa-thong-minh"), null, null,
                        new Quota(3, QuotaPeriod.QUARTER, YearMonth.of(2026, 4), YearMonth.of(2026, 12)),
                        new Due(LocalDate.of(2026, 6, 15), "Quý II/2026")),
                new TaskDetails("Đối thoại với doanh nghiệp về thủ tục hành chính", null, "Văn phòng HĐND và UBND",
                        List.of(), List.of(ProductKind.DIALOGUE), List.of("radio", "youtube"), "Doanh nghiệp",
                        "02 cuộc", new Quota(2, QuotaPeriod.PLAN, null, null),
                        new Due(LocalDate.of(2026, 3, 2), "Chậm nhất 25 ngày kể từ ngày ban hành Kế hoạch")),
                new TaskDetails("Video giới thiệu dịch vụ công trực tuyến", null, "Trung tâm Phục vụ hành chính công",
                        List.of(), List.of(ProductKind.VIDEO), List.of("facebook", "tiktok"), null, null,
                        new Quota(1, QuotaPeriod.HALF_YEAR, null, null), new Due(LocalDate.of(2026, 11, 30), null)),
                new TaskDetails("Pano tuyên truyền CCHC", null, "Phòng Kinh tế", List.of(), List.of(ProductKind.BANNER),
                        List.of("press"), null, null, new Quota(4, QuotaPeriod.YEAR, null, null), null));
    }

    static Plan plan(String tenant, PlanContent content, List<TaskDetails> details) {
        List<AnnexTask> tasks = new ArrayList<>();
        for (TaskDetails d : details) {
            tasks.add(AnnexTask.of("t" + (tasks.size() + 1), tasks.size() + 1, d));
        }
        return Plan.draft("p", tenant, content, tasks, List.of(), STAMP);
    }

    @Test
    void whatTheWordsDoNotSayIsWrittenSoThatItReadsBack() {
        Signer chair = new Signer(null, null, "CHỦ TỊCH", "Nguyễn Văn An");
        PlanContent content = content(chair, List.of("UBND Thành phố", "Lưu: VT, VHXH"));
        ImportedPlan again = importer.read(PlanDocument.write(plan("00292", content, tasks())));

        assertThat(again.tasks()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(again.tasks().get(i)).as("task %d", i + 1).isEqualTo(tasks().get(i));
        }
        assertThat(again.content().signer()).isEqualTo(chair);
        assertThat(again.content().recipients()).containsExactly("UBND Thành phố", "Lưu: VT, VHXH");
        assertThat(again.content().number()).isEqualTo("07/KH-UBND");
        assertThat(again.content().issuedOn()).isEqualTo(LocalDate.of(2026, 2, 5));
        assertThat(again.content().place()).isEqualTo("Bạch Mai");
    }

    @Test
    void withdrawnTasksAreNotInTheDocumentAndAPlanWithoutSignerStillReads() {
        Plan plan = plan("11791", content(null, List.of()), tasks());
        Plan amended = plan.issue(STAMP).plan().amend("Bỏ nhiệm vụ pano", List.of(), java.util.Map.of(),
                List.of("t4"), () -> "t5", STAMP).plan();
        ImportedPlan again = importer.read(PlanDocument.write(amended));
        assertThat(again.tasks()).extracting(TaskDetails::title).containsExactly(tasks().get(0).title(),
                tasks().get(1).title(), tasks().get(2).title());
        assertThat(again.content().signer()).isNull();
        assertThat(again.content().recipients()).containsExactly("Lưu: VT");
        assertThat(again.content().annexTitle()).startsWith("Phụ lục I\nDANH MỤC NHIỆM VỤ CỤ THỂ");
    }

    @Test
    void decree30FormForAWard() throws IOException {
        Signer signer = new Signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Ngọc Anh");
        byte[] docx = PlanDocument.write(plan("00292", content(signer, List.of("UBND Thành phố", "Lưu: VT")),
                tasks()));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            XWPFTable header = doc.getTables().getFirst();
            assertThat(header.getRow(0).getCell(0).getText()).contains("ỦY BAN NHÂN DÂN", "PHƯỜNG BẠCH MAI");
            assertThat(header.getRow(0).getCell(1).getText())
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
            assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số: 07/KH-UBND");
            assertThat(header.getRow(1).getCell(1).getText()).isEqualTo("Bạch Mai, ngày 05 tháng 02 năm 2026");
            assertThat(text).contains("KẾ HOẠCH\nTuyên truyền cải cách hành chính nhà nước năm 2026",
                    "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG TUYÊN TRUYỀN",
                    "III. KINH PHÍ THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN", "1. Phòng Văn hóa - Xã hội", "Nơi nhận:",
                    "- UBND Thành phố;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                    "Nguyễn Thị Ngọc Anh", "Phụ lục I",
                    "(Kèm theo Kế hoạch số 07/KH-UBND ngày 05/02/2026 của Ủy ban nhân dân phường Bạch Mai)",
                    "Trang thông tin điện tử phường", "Trang thông tin điện tử thành phố", "Hạn: 15/06/2026",
                    "Tối thiểu 03 tin/bài mỗi quý (từ tháng 4/2026 đến tháng 12/2026)");
            // a ward is never called a xã ("xã hội" is another word)
            assertThat(text.toLowerCase(java.util.Locale.ROOT).replace("xã hội", "")).doesNotContain("xã");

            XWPFTable annex = doc.getTables().getLast();
            assertThat(annex.getRow(0).getCell(0).getText()).isEqualTo("STT");
            assertThat(annex.getRow(0).getCell(1).getText()).isEqualTo("Nội dung nhiệm vụ");
            assertThat(annex.getRow(0).isRepeatHeader()).isTrue();
            assertThat(annex.getRows()).hasSize(5);

            var body = doc.getDocument().getBody();
            assertThat(body.getSectPr().getPgSz().getOrient()).as("the annex").isEqualTo(STPageOrientation.LANDSCAPE);
            XWPFParagraph end = doc.getParagraphs().stream().filter(p -> p.getCTP().isSetPPr()
                    && p.getCTP().getPPr().isSetSectPr()).findFirst().orElseThrow();
            var plan = end.getCTP().getPPr().getSectPr();
            assertThat(plan.getPgSz().getOrient()).as("the plan").isEqualTo(STPageOrientation.PORTRAIT);
            assertThat(plan.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(plan.getPgMar().getLeft().toString()).isEqualTo("1701");
            assertThat(plan.isSetTitlePg()).as("no page number on page 1").isTrue();
            assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(r -> !r.text().isBlank()).map(r -> r.getFontFamily()).distinct())
                    .containsExactly("Times New Roman");
        }
    }

    @Test
    void theFileNameSaysWhatAndWhoseInVietnamese() {
        Plan issued = plan("00292", content(null, List.of()), tasks());
        assertThat(PlanDocument.fileName(issued)).isEqualTo("Kế hoạch 07-KH-UBND - Phường Bạch Mai.docx");
        PlanContent draft = new PlanContent(null, "Dự thảo", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        assertThat(PlanDocument.fileName(plan("10804", draft, List.of())))
                .isEqualTo("Dự thảo kế hoạch - Xã Kim Thành.docx");
    }
}
