package vn.loa.plan.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.plan.PlanContent;
import vn.loa.platform.problem.InvalidInput;

/** The import on .docx files built from the seed plans ({@link DocxFixtures}). */
class PlanImporterTest {

    private final PlanImporter importer = new PlanImporter();

    static byte[] fixture(String name) {
        return vn.loa.plan.Fixtures.docx(name);
    }

    @Test
    void tienMinh2026HeaderSectionsAndSignature() {
        PlanContent c = importer.read(fixture("tien-minh-2026.docx")).content();
        assertThat(c.title()).isEqualTo("Tuyên truyền CCHC nhà nước xã Tiên Minh năm 2026");
        assertThat(c.place()).isEqualTo("Tiên Minh");
        assertThat(c.period()).isEqualTo(Period.year(2026));
        assertThat(c.basis()).singleElement().asString().startsWith("Thực hiện Quyết định số 08/QĐ-UBND");
        assertThat(c.purposes()).hasSize(5).first().asString().startsWith("a) Tập trung chú trọng");
        // "… đang được áp dụng có" / "hiệu quả." was split by a page break: read as one item
        assertThat(c.purposes().get(3)).endsWith("đang được áp dụng có hiệu quả.");
        assertThat(c.requirements()).hasSize(5);
        assertThat(c.themes()).anySatisfy(t -> assertThat(t).startsWith("n) Đẩy mạnh công tác tuyên truyền"));
        assertThat(c.forms()).hasSize(7).last().asString().contains("Zalo OA");
        assertThat(c.budget()).startsWith("Kinh phí thực hiện tuyên truyền cải cách hành chính nhà nước xã Tiên Minh");
        assertThat(c.duties()).extracting(d -> d.unit()).containsExactly("Phòng Văn hóa - Xã hội",
                "Trung tâm Dịch vụ sự nghiệp công", "Trung tâm Phục vụ hành chính công",
                "Các cơ quan, đơn vị, các trường học và các thôn",
                "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội");
        assertThat(c.duties().getFirst().items()).hasSize(5);
        assertThat(c.otherSections()).singleElement().satisfies(s -> assertThat(s.heading())
                .isEqualTo("NHIỆM VỤ CỤ THỂ"));
        assertThat(c.recipients()).hasSize(7).contains("TT ĐU, TT HĐND").last().isEqualTo("Lưu: VT, VHXXH");
        assertThat(c.signer().authority()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(c.signer().delegation()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(c.signer().title()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(c.signer().name()).isEqualTo("Phạm Thị Xuân");
        assertThat(c.closing()).startsWith("Trên đây là Kế hoạch tuyên truyền");
        assertThat(c.annexTitle()).startsWith("DANH MỤC");
    }

    @Test
    void tienMinh2026AnnexTable() {
        ImportedPlan plan = importer.read(fixture("tien-minh-2026.docx"));
        assertThat(plan.tasks()).hasSize(5);

        TaskDetails first = plan.tasks().getFirst();
        assertThat(first.title()).isEqualTo("Tuyên truyền về công tác cải cách hành chính trên địa bàn xã năm 2026");
        assertThat(first.description()).startsWith("- Nội dung: Xây dựng tuyến tin, bài");
        assertThat(first.leadUnit()).isEqualTo("Phòng Văn hóa - Xã hội");
        assertThat(first.coordinatingUnits()).containsExactly("Các cơ quan, đơn vị");
        assertThat(first.productKinds()).containsExactly(ProductKind.COLUMN, ProductKind.REPORTAGE, ProductKind.NEWS,
                ProductKind.ARTICLE, ProductKind.PHOTO);
        assertThat(first.channels()).containsExactly("press");
        assertThat(first.due()).isEqualTo(new Due(LocalDate.of(2026, 12, 31), "Năm 2026"));

        TaskDetails dialogue = plan.tasks().get(1);
        assertThat(dialogue.leadUnit()).isEqualTo("Văn phòng UBND xã");
        assertThat(dialogue.quota()).isEqualTo(new Quota(2, QuotaPeriod.PLAN, null, null)); // "Quy mô: 02 cuộc"
        assertThat(dialogue.scale()).isEqualTo("02 cuộc");
        assertThat(dialogue.audience()).isEqualTo("Các sở, ngành, xã, phường, đặc khu, người dân và doanh nghiệp");
        assertThat(dialogue.productKinds()).containsExactly(ProductKind.DIALOGUE);
        assertThat(dialogue.channels()).containsExactly("portal");

        assertThat(plan.tasks().get(3).productKinds()).containsExactly(ProductKind.AUDIO);
        assertThat(plan.tasks().get(3).channels()).containsExactly("radio");

        // task 5 continues over a second row without a number; its own "Thời gian thực hiện" is sharper
        TaskDetails contest = plan.tasks().get(4);
        assertThat(contest.productKinds()).containsExactly(ProductKind.CONTEST);
        assertThat(contest.audience()).startsWith("Phát thanh viên, phóng viên, biên tập viên");
        assertThat(contest.due()).isEqualTo(new Due(LocalDate.of(2026, 11, 30), "Tháng 11/2026"));
        assertThat(contest.channels()).as("a radio announcer is not a channel").isEmpty();
    }

    @Test
    void tienMinh2026FlagsWhatAPersonMustCheck() {
        ImportedPlan plan = importer.read(fixture("tien-minh-2026.docx"));
        assertThat(plan.content().number()).isNull();
        assertThat(plan.content().issuedOn()).isNull();
        assertThat(plan.notes()).extracting(ImportNote::field).containsExactlyInAnyOrder(
                "number", "issuedOn", "tasks[2].productKinds", "tasks[4].due");
        assertThat(note(plan, "number").text()).isEqualTo("Số: /KH-UBND");
        assertThat(note(plan, "tasks[2].productKinds").message()).contains("\"số lượng người truy cập\"", "\"tương tác\"");
        assertThat(note(plan, "tasks[4].due").message()).contains("Tháng 11/2026", "Năm 2026");
    }

    @Test
    void bachMai2025Phuluc1WithItsQuotasAndTimeframes() {
        ImportedPlan plan = importer.read(fixture("bach-mai-2025.docx"));
        PlanContent c = plan.content();
        assertThat(c.title()).isEqualTo(
                "Thông tin, tuyên truyền về cải cách hành chính nhà nước trên địa bàn phường Bạch Mai năm 2025");
        assertThat(c.period()).isEqualTo(Period.year(2025));
        assertThat(c.duties()).extracting(d -> d.unit()).containsExactly("Phòng Văn hóa - Xã hội",
                "Văn phòng HĐND&UBND", "Phòng Kinh tế - Hạ tầng - Đô thị", "Ủy ban Mặt trận Tổ quốc Việt Nam phường");
        assertThat(c.signer().name()).isEqualTo("Nguyễn Thị Ngọc Anh");
        assertThat(c.recipients()).first().isEqualTo("UBND thành phố Hà Nội");
        assertThat(c.annexTitle()).startsWith("Phụ lục 1");

        assertThat(plan.tasks()).hasSize(10); // the nine rows of Phụ lục 1 and the quota of IV.1 (below)
        TaskDetails monthly = plan.tasks().get(2);
        assertThat(monthly.quota()).isEqualTo(new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8),
                YearMonth.of(2025, 12)));
        assertThat(monthly.channels()).containsExactly("province-portal");
        assertThat(monthly.due()).isEqualTo(new Due(null, "Định kỳ hằng tháng (theo lịch phân công sau)"));
        TaskDetails quarterly = plan.tasks().get(3);
        assertThat(quarterly.quota()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER, null, null));
        assertThat(quarterly.leadUnit()).isEqualTo("Phòng Văn hóa xã hội");
        assertThat(quarterly.channels()).containsExactly("radio");
        TaskDetails dialogue = plan.tasks().get(7);
        assertThat(dialogue.leadUnit()).isEqualTo("Văn phòng HĐND và UBND");
        assertThat(dialogue.coordinatingUnits()).containsExactly("Phòng Văn hóa xã hội", "Các phòng, ban chuyên môn");
        assertThat(dialogue.due()).isEqualTo(new Due(LocalDate.of(2025, 12, 31), "Trong năm"));
        assertThat(plan.tasks().getFirst().due()).isEqualTo(new Due(null,
                "Chậm nhất 20 ngày kể từ ngày UBND Thành phố ban hành Kế hoạch kèm theo Quyết định"));
    }

    @Test
    void bachMai2025QuotaWrittenInTheDutiesBecomesAPlanLevelTaskWithANote() {
        // IV.1, Phòng Văn hóa - Xã hội: "… tối thiểu 01 tin/bài trong 01 tháng trên Trang thông tin CCHC của Thành phố
        // (từ tháng 8/2025 đến tháng 12/2025) và có 06 tin/bài trên Trang thông tin điện tử phường; định kỳ có ít nhất
        // 02 tin/bài trên hệ thống truyền thanh cơ sở."
        ImportedPlan plan = importer.read(fixture("bach-mai-2025.docx"));

        TaskDetails ward = plan.tasks().get(9);
        assertThat(ward.title()).isEqualTo("06 tin/bài trên Trang thông tin điện tử phường");
        assertThat(ward.quota()).isEqualTo(new Quota(6, QuotaPeriod.PLAN, null, null));
        assertThat(ward.channels()).containsExactly("portal");
        assertThat(ward.productKinds()).containsExactly(ProductKind.NEWS, ProductKind.ARTICLE);
        assertThat(ward.leadUnit()).isEqualTo("Phòng Văn hóa - Xã hội");
        assertThat(ward.description()).startsWith("Thông tin, tuyên truyền đầy đủ, kịp thời");
        ImportNote made = note(plan, "tasks[9]");
        assertThat(made.where()).isEqualTo("Tổ chức thực hiện, 1. Phòng Văn hóa - Xã hội");
        assertThat(made.text()).isEqualTo("có 06 tin/bài trên Trang thông tin điện tử phường");
        assertThat(made.message()).isEqualTo("Chỉ tiêu ghi trong phần Tổ chức thực hiện, không có trong Phụ lục: đã"
                + " tạo nhiệm vụ 10 \"06 tin/bài trên Trang thông tin điện tử phường\" (chỉ tiêu 6 cho cả kỳ kế hoạch)"
                + " do Phòng Văn hóa - Xã hội chủ trì. Hãy kiểm tra chỉ tiêu, kênh và loại sản phẩm trước khi ban hành.");
        // the monthly quota to the city's page is annex task 3 already: no second task
        assertThat(note(plan, "tasks[2].quota").message())
                .isEqualTo("Chỉ tiêu này đã có ở nhiệm vụ 3 của Phụ lục: không tạo thêm nhiệm vụ.");
        assertThat(plan.tasks()).filteredOn(t -> t.channels().contains("province-portal")).hasSize(1);
        // "định kỳ" alone does not say per what: no task, and the note says why
        assertThat(note(plan, "duties").text()).isEqualTo("định kỳ có ít nhất 02 tin/bài trên hệ thống truyền thanh cơ sở");
        assertThat(note(plan, "duties").message()).startsWith("Chỉ tiêu trong phần Tổ chức thực hiện chưa thành nhiệm vụ:")
                .contains("không nói rõ chu kỳ");
    }

    @Test
    void dutiesWithoutACountAddNothing() {
        for (String seed : new String[] {"kim-thanh-2025.docx", "ky-lac-2025.docx", "tien-minh-2026.docx",
                "nguyen-luong-bang-2025-ocr.docx"}) {
            ImportedPlan plan = importer.read(fixture(seed));
            assertThat(plan.notes()).as(seed).noneMatch(n -> n.where() != null && n.where().startsWith("Tổ chức thực hiện"));
        }
        assertThat(importer.read(fixture("tien-minh-2026.docx")).tasks()).hasSize(5);
    }

    @Test
    void bachMai2025FlagsTheTimeframesAndProductsItCannotRead() {
        ImportedPlan plan = importer.read(fixture("bach-mai-2025.docx"));
        assertThat(plan.notes()).extracting(ImportNote::field).containsExactlyInAnyOrder("number", "issuedOn",
                "tasks[0].due", "tasks[1].productKinds", "tasks[4].due", "tasks[5].due", "tasks[6].due",
                "tasks[2].quota", "tasks[9]", "duties");
        assertThat(note(plan, "tasks[0].due").message()).contains("ngày tham chiếu");
        assertThat(note(plan, "tasks[5].due").text()).isEqualTo("Theo lịch của Thành phố");
    }

    @Test
    void kimThanhHasNoAnnexTableAndSaysSo() {
        ImportedPlan plan = importer.read(fixture("kim-thanh-2025.docx"));
        assertThat(plan.tasks()).isEmpty();
        assertThat(note(plan, "tasks").message()).contains("Không thấy bảng danh mục nhiệm vụ");
        assertThat(plan.content().forms()).hasSize(6);
        assertThat(plan.content().budget()).startsWith("Sử dụng nguồn kinh phí thường xuyên");
        assertThat(plan.content().signer().authority()).isNull();
        assertThat(plan.content().signer().delegation()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(plan.content().signer().name()).isEqualTo("Nguyễn Văn Tình");
    }

    @Test
    void kyLacSpecificTargets() {
        PlanContent c = importer.read(fixture("ky-lac-2025.docx")).content();
        assertThat(c.targets()).hasSize(4);
        assertThat(c.targets().get(2)).contains("100% hồ sơ đã tiếp nhận");
    }

    @Test
    void theOcrScanOfNguyenLuongBangReadsItsStructureButKeepsTheScansLetters() {
        // accents lost, "II." read as "I1.", "ĐÍCH" as "PiCH", the two columns of the signature block merged
        ImportedPlan plan = importer.read(fixture("nguyen-luong-bang-2025-ocr.docx"));
        PlanContent c = plan.content();
        assertThat(c.number()).isEqualTo("21/KH-UBND");
        assertThat(c.issuedOn()).isEqualTo(LocalDate.of(2025, 8, 7));
        assertThat(c.period()).isEqualTo(Period.year(2025));
        assertThat(c.title()).startsWith("Tuyén truyén cai cach hanh chinh").endsWith("nam 2025");
        assertThat(c.basis()).hasSize(2).first().asString().startsWith("Thyc hién Cong van 5O 2324/SKHCN-VP");
        assertThat(c.purposes()).hasSize(3);
        assertThat(c.requirements()).hasSize(3);
        assertThat(c.forms()).hasSize(6);
        assertThat(c.budget()).startsWith("Kinh phi dugc bé tri");
        assertThat(c.duties()).hasSize(7).first().satisfies(d -> assertThat(d.unit())
                .isEqualTo("Trung tAm phuc vu Hanh chinh cong"));
        assertThat(c.recipients()).hasSize(7).first().isEqualTo("S& KHCN ( Bé blc)");
        assertThat(c.signer().authority()).isEqualTo("TM. UY BAN NHAN DAN");
        assertThat(c.signer().delegation()).isEqualTo("KT.CHU TICH");
        assertThat(c.signer().title()).isEqualTo("PHO CHU TICH");
        assertThat(c.signer().name()).isEqualTo("Poan Van Cat");
        assertThat(c.closing()).startsWith("Trén day 1a Ké hoach");
        assertThat(plan.tasks()).isEmpty();
    }

    @Test
    void brokenOrForeignFilesAreRefusedClearly() {
        assertThatThrownBy(() -> importer.read(new byte[0])).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("rỗng");
        assertThatThrownBy(() -> importer.read("KẾ HOẠCH".getBytes())).isInstanceOf(InvalidInput.class)
                .hasMessage("Tệp không phải văn bản Word (.docx).");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> importer.read(ole2)).isInstanceOf(InvalidInput.class).hasMessageContaining(".doc");
        byte[] truncated = java.util.Arrays.copyOf(fixture("tien-minh-2026.docx"), 2000);
        assertThatThrownBy(() -> importer.read(truncated)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("bị hỏng");
        assertThatThrownBy(() -> importer.read(zipWithoutWord())).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fields()).extracting(InvalidInput.FieldProblem::field)
                        .containsExactly("file"));
    }

    private static byte[] zipWithoutWord() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("xin chào".getBytes());
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportNote note(ImportedPlan plan, String field) {
        return plan.notes().stream().filter(n -> field.equals(n.field())).findFirst().orElseThrow();
    }
}
