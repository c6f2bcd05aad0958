package vn.loa.plan.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.loa.plan.calendar.Period;

class HeaderReaderTest {

    private final HeaderReader reader = new HeaderReader();

    @Test
    void theOcrHeaderLineOfNguyenLuongBang() {
        String line = "S6:21 /KH - UBND Nguyén Lirong Bang , ngay7 thing 8 ndm 2025";
        assertThat(reader.number(line).value()).isEqualTo("21/KH-UBND");
        HeaderReader.PlaceAndDate pd = reader.placeAndDate(line).value();
        assertThat(pd.date()).isEqualTo(LocalDate.of(2025, 8, 7));
        assertThat(pd.place()).isEqualTo("Nguyén Lirong Bang"); // the place keeps the scan's letters: a person fixes it
    }

    @Test
    void aCleanNumberAndDate() {
        assertThat(reader.number("Số: 21/KH-UBND").value()).isEqualTo("21/KH-UBND");
        assertThat(reader.number("Số: 08/QĐ-UBND").value()).isEqualTo("08/QĐ-UBND");
        assertThat(reader.placeAndDate("Kim Thành, ngày 14 tháng 12 năm 2025").value())
                .isEqualTo(new HeaderReader.PlaceAndDate("Kim Thành", LocalDate.of(2025, 12, 14)));
    }

    @Test
    void tienMinhDraftHasNoNumberAndNoDayYet() {
        var number = reader.number("Số: /KH-UBND");
        assertThat(number.value()).isNull();
        assertThat(number.problems()).singleElement().asString().contains("chưa có số");
        var pd = reader.placeAndDate("Tiên Minh, ngày tháng 3 năm 2026");
        assertThat(pd.value()).isEqualTo(new HeaderReader.PlaceAndDate("Tiên Minh", null));
        assertThat(pd.problems()).singleElement().asString().contains("chưa đủ");
    }

    @Test
    void periodsNamedByTitles() {
        assertThat(reader.periodOfTitle("Tuyên truyền CCHC nhà nước xã Tiên Minh năm 2026").value())
                .isEqualTo(Period.year(2026));
        assertThat(reader.periodOfTitle("Kế hoạch Cải cách hành chính nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025")
                .value()).isEqualTo(new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)));
        assertThat(reader.periodOfTitle("Chương trình giai đoạn 2026 - 2030").value())
                .isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31)));
        var none = reader.periodOfTitle("Tuyên truyền cải cách hành chính");
        assertThat(none.value()).isNull();
        assertThat(none.problems()).hasSize(1);
    }
}
