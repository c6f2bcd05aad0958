package vn.loa.plan.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.ImportNote;

/** Quota phrases in the duties section ("Tổ chức thực hiện") become plan-level tasks, each with an import note. */
class DutyQuotaReaderTest {

    private static final String BACH_MAI_IV_1 = "Thông tin, tuyên truyền đầy đủ, kịp thời về tình hình, kết quả thực "
            + "hiện CCHC trên Trang thông tin điện tử của thành phố và phường. Đảm bảo gửi đăng tải tối thiểu 01 "
            + "tin/bài trong 01 tháng trên Trang thông tin CCHC của Thành phố (từ tháng 8/2025 đến tháng 12/2025) và "
            + "có 06 tin/bài trên Trang thông tin điện tử phường; định kỳ có ít nhất 02 tin/bài trên hệ thống truyền "
            + "thanh cơ sở.";

    private final DutyQuotaReader reader = new DutyQuotaReader();
    private final List<ImportNote> notes = new ArrayList<>();

    @Test
    void eachCountKeepsItsOwnPeriodAndChannel() {
        assertThat(DutyQuotaReader.clauses(BACH_MAI_IV_1)).containsExactly(
                "Thông tin, tuyên truyền đầy đủ, kịp thời về tình hình, kết quả thực hiện CCHC trên Trang thông tin "
                        + "điện tử của thành phố và phường",
                "Đảm bảo gửi đăng tải tối thiểu 01 tin/bài trong 01 tháng trên Trang thông tin CCHC của Thành phố "
                        + "(từ tháng 8/2025 đến tháng 12/2025)",
                "có 06 tin/bài trên Trang thông tin điện tử phường",
                "định kỳ có ít nhất 02 tin/bài trên hệ thống truyền thanh cơ sở");
    }

    @Test
    void withoutAnAnnexEveryReadableQuotaBecomesATaskOfTheDutysUnit() {
        List<TaskDetails> tasks = reader.read(List.of(new Duty("Phòng Văn hóa - Xã hội", List.of(BACH_MAI_IV_1))),
                List.of(), notes);

        assertThat(tasks).extracting(TaskDetails::title, TaskDetails::quota, TaskDetails::channels).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Đảm bảo gửi đăng tải tối thiểu 01 tin/bài trong 01 tháng trên "
                        + "Trang thông tin CCHC của Thành phố (từ tháng 8/2025 đến tháng 12/2025)",
                        new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                        List.of("province-portal")),
                org.assertj.core.groups.Tuple.tuple("06 tin/bài trên Trang thông tin điện tử phường",
                        new Quota(6, QuotaPeriod.PLAN, null, null), List.of("portal")));
        assertThat(tasks).allSatisfy(t -> assertThat(t.leadUnit()).isEqualTo("Phòng Văn hóa - Xã hội"));
        assertThat(notes).extracting(ImportNote::field).containsExactly("tasks[0]", "tasks[1]", "duties");
        assertThat(notes.getFirst().message()).contains("đã tạo nhiệm vụ 1", "(chỉ tiêu 1 mỗi tháng (từ 08/2025 đến "
                + "12/2025))");
    }

    @Test
    void theIssuesAbbreviationAndAScanWithoutAccents() {
        List<TaskDetails> tasks = reader.read(List.of(
                new Duty("Phòng Văn hóa - Xã hội", List.of("- Có 06 tin/bài trên Trang TTĐT phường.")),
                new Duty("Trung tam Van hoa", List.of("Phat it nhat 02 tin/bai moi quy tren he thong truyen thanh"))),
                List.of(), notes);

        assertThat(tasks).extracting(TaskDetails::title).containsExactly("06 tin/bài trên Trang TTĐT phường",
                "Phat it nhat 02 tin/bai moi quy tren he thong truyen thanh");
        assertThat(tasks.get(0).channels()).containsExactly("portal");
        assertThat(tasks.get(0).productKinds()).containsExactly(ProductKind.NEWS, ProductKind.ARTICLE);
        assertThat(tasks.get(1).quota()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER, null, null));
        assertThat(tasks.get(1).channels()).containsExactly("radio");
        assertThat(notes.get(1).where()).isEqualTo("Tổ chức thực hiện, 2. Trung tam Van hoa");
    }

    @Test
    void aQuotaTheAnnexHasAlreadyIsNotAddedTwice() {
        TaskDetails annex = new TaskDetails("Đăng 06 tin, bài trên Trang thông tin điện tử phường", null,
                "Phòng Văn hóa - Xã hội", List.of(), List.of(ProductKind.NEWS), List.of("portal"), null, null,
                new Quota(6, QuotaPeriod.PLAN, null, null), null);

        List<TaskDetails> tasks = reader.read(List.of(new Duty("Phòng Văn hóa - Xã hội",
                List.of("Đảm bảo có 06 tin/bài trên Trang thông tin điện tử phường."))), List.of(annex), notes);

        assertThat(tasks).isEmpty();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.field()).isEqualTo("tasks[0].quota");
            assertThat(n.message()).isEqualTo("Chỉ tiêu này đã có ở nhiệm vụ 1 của Phụ lục: không tạo thêm nhiệm vụ.");
        });
    }

    @Test
    void aReportingRhythmIsNotAQuota() {
        List<TaskDetails> tasks = reader.read(List.of(new Duty("Phòng Văn hóa - Xã hội", List.of(
                "Định kỳ 6 tháng và hằng năm tổng hợp, báo cáo cấp trên theo quy định.",
                "Cử học viên tham gia các lớp tập huấn về CCHC"))), List.of(), notes);

        assertThat(tasks).isEmpty();
        assertThat(notes).isEmpty();
    }
}
