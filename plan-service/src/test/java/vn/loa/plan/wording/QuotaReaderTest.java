package vn.loa.plan.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;

/** Every quota phrasing of the five seed plans, quoted as written (the OCR one without its accents). */
class QuotaReaderTest {

    private final QuotaReader reader = new QuotaReader();

    @Test
    void bachMaiMonthlyQuotaToTheCityPortalWithItsWindow() {
        // Bạch Mai, IV.1: the duty of Phòng Văn hóa - Xã hội
        Reading<Quota> r = reader.read("Đảm bảo gửi đăng tải tối thiểu 01 tin/bài trong 01 tháng trên Trang thông tin "
                + "CCHC của Thành phố (từ tháng 8/2025 đến tháng 12/2025)");
        assertThat(r.value()).isEqualTo(new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void bachMaiAnnexTask3CountInTheTitleAndMonthlyInTheTimeColumn() {
        Reading<Quota> r = reader.read("Hằng  tháng,  gửi  đăng  tải  tối thiểu 01 tin/bài CCHC (từ tháng 8/2025 đến "
                + "tháng 12/2025) trên Trang  thông  tin  CCHC  của Thành phố\nĐịnh kỳ hằng tháng (theo lịch phân công sau)");
        assertThat(r.value()).isEqualTo(new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)));
    }

    @Test
    void theIssueExampleWithTheYearOnlyAtTheEndOfTheWindow() {
        Reading<Quota> r = reader.read("tối thiểu 01 tin/bài mỗi tháng từ tháng 8 đến tháng 12/2025");
        assertThat(r.value()).isEqualTo(new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)));
    }

    @Test
    void bachMaiSixItemsOnTheWardPortalAreForTheWholePlan() {
        Reading<Quota> r = reader.read("và có 06 tin/bài trên Trang thông tin điện tử phường");
        assertThat(r.value()).isEqualTo(new Quota(6, QuotaPeriod.PLAN, null, null));
    }

    @Test
    void bachMaiAnnexTask4AtLeastTwoPerQuarter() {
        Reading<Quota> r = reader.read("Biên soạn ít nhất 02 tin,bài về CCHC để phát trên hệ thống truyền thanh\n"
                + "Định kỳ hằng quý (theo lịch phân công sau)");
        assertThat(r.value()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER, null, null));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void bachMaiPeriodicWithoutAPeriodIsNotGuessed() {
        // Bạch Mai, IV.1: "định kỳ" alone does not say per month or per quarter
        Reading<Quota> r = reader.read("định kỳ có ít nhất 02 tin/bài trên hệ thống truyền thanh cơ sở.");
        assertThat(r.value()).isNull();
        assertThat(r.problems()).singleElement().asString()
                .contains("\"02 tin/bài\"").contains("\"định kỳ\"").contains("không nói rõ chu kỳ");
    }

    @Test
    void bachMaiWholeDutyParagraphHasThreeCountsAndIsNotGuessed() {
        Reading<Quota> r = reader.read("Đảm bảo gửi đăng tải tối thiểu 01 tin/bài trong 01 tháng trên Trang thông tin "
                + "CCHC của Thành phố (từ tháng 8/2025 đến tháng 12/2025) và có 06 tin/bài trên Trang thông tin điện "
                + "tử phường; định kỳ có ít nhất 02 tin/bài trên hệ thống truyền thanh cơ sở.");
        assertThat(r.value()).isNull();
        assertThat(r.problems()).singleElement().asString().contains("nhiều số lượng").contains("\"06 tin/bài\"");
    }

    @Test
    void tienMinhTwoDialoguesFromTheScaleLine() {
        Reading<Quota> r = reader.read("Tham gia đối thoại trực tuyến trên Cổng Thông tin điện tử xã\n"
                + "* Quy mô: 02 cuộc\nNăm 2026");
        assertThat(r.value()).isEqualTo(new Quota(2, QuotaPeriod.PLAN, null, null));
    }

    @Test
    void twoDialoguesWrittenInFull() {
        assertThat(reader.read("02 cuộc đối thoại").value()).isEqualTo(new Quota(2, QuotaPeriod.PLAN, null, null));
    }

    @Test
    void theOcrScanReadsLikeTheOriginal() {
        Reading<Quota> r = reader.read("Bien soan it nhat 02 tin,bai ve CCHC de phat tren he thong truyen thanh. "
                + "Pinh ky hang quy");
        assertThat(r.value()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER, null, null));
    }

    @Test
    void aRecurrenceWithoutACountLeavesTheQuotaEmptyAndSaysSo() {
        Reading<Quota> r = reader.read("Định kỳ hằng tháng (theo lịch phân công sau)");
        assertThat(r.value()).isNull();
        assertThat(r.problems()).singleElement().asString().contains("\"hằng tháng\"").contains("không ghi số lượng");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Nguyễn Lương Bằng (OCR), IV.6: a reporting cadence, no count
        "Pinh ky hang quy, 06 thang, mdt nim bao cdo tinh hinh, két qua thuc hién cong tac thong tin",
        // Kỳ Lạc, IV.1
        "Định kỳ 6 tháng và hàng năm tổng hợp, báo cáo cấp trên theo quy định"})
    void reportingCadencesAreRecurrencesWithoutACount(String text) {
        Reading<Quota> r = reader.read(text);
        assertThat(r.value()).isNull();
        assertThat(r.problems()).singleElement().asString().contains("không ghi số lượng");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Kỳ Lạc, "Chỉ tiêu cụ thể": percentages are targets, not counts of items
        "Cập nhật, công khai minh bạch tình trạng giải quyết TTHC đối với 100% hồ sơ đã tiếp nhận; 100% trang thông "
                + "tin điện tử đăng tải bộ TTHC phục vụ dịch vụ công trực tuyến toàn trình.",
        // Tiên Minh, task 1: "tin, bài" with no number
        "Xây dựng tuyến tin, bài trên các chuyên trang, chuyên mục tuyên truyền về công tác Cải cách hành chính trên "
                + "Báo và phát thanh, truyền hình Hải Phòng",
        // Tiên Minh: document numbers and dates are not counts
        "Thực hiện Quyết định số 08/QĐ-UBND ngày 07/01/2026 của Ủy ban nhân dân xã",
        // Bạch Mai, annex task 1: "20 ngày" is a delay, not a product
        "Chậm nhất 20 ngày kể từ ngày UBND Thành phố ban hành Kế hoạch kèm theo Quyết định",
        // Kim Thành: "Định kỳ" and "9 tháng" of a report
        "Báo cáo kết quả thực hiện công tác thông tin, tuyên truyền CCHC định kỳ 9 tháng, năm vào báo cáo CCHC"})
    void textWithoutAQuotaGivesNone(String text) {
        Reading<Quota> r = reader.read(text);
        assertThat(r.value()).isNull();
        assertThat(r.problems()).isEmpty();
    }
}
