package vn.loa.plan.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.loa.contracts.plan.Due;
import vn.loa.plan.calendar.Period;

/** Every timeframe of the seed annexes, quoted as written. */
class DueReaderTest {

    private final DueReader reader = new DueReader();
    private static final DueReader.Context YEAR_2025 = new DueReader.Context(Period.year(2025), null);

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "Năm 2026                        | 2026-12-31",   // Tiên Minh, tasks 1–5
        "Tháng 11/2026                   | 2026-11-30",   // Tiên Minh, task 5 ("Thời gian thực hiện")
        "Trong năm 2025                  | 2025-12-31",   // Bạch Mai, task 2
        "Trong năm                       | 2025-12-31",   // Bạch Mai, tasks 8–9: the plan's year
        "Quý III/2025                    | 2025-09-30",
        "Quý IV năm 2025                 | 2025-12-31",
        "6 tháng cuối năm 2025           | 2025-12-31",   // Kim Thành: "6 tháng cuối năm 2025"
        "từ tháng 8/2025 đến tháng 12/2025 | 2025-12-31", // Bạch Mai, task 3's window
        "Trước ngày 15/12/2025           | 2025-12-15",
        "Nam 2026                        | 2026-12-31"})  // without accents, as OCR gives it
    void datedTimeframes(String text, LocalDate expected) {
        Reading<Due> r = reader.read(text, YEAR_2025);
        assertThat(r.value()).isEqualTo(new Due(expected, text.strip()));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void chamNhat20NgayCountsFromTheReferenceDateAndKeepsTheRule() {
        String text = "Chậm nhất 20 ngày kể từ ngày UBND Thành phố ban hành Kế hoạch kèm theo Quyết định"; // Bạch Mai, 1
        Reading<Due> r = reader.read(text, new DueReader.Context(Period.year(2025), LocalDate.of(2025, 8, 22)));
        assertThat(r.value()).isEqualTo(new Due(LocalDate.of(2025, 9, 11), text));
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void chamNhat20NgayWithoutAReferenceDateKeepsTheWordsAndAsks() {
        Reading<Due> r = reader.read("Chậm nhất 20 ngày kể từ ngày UBND Thành phố ban hành", YEAR_2025);
        assertThat(r.value().date()).isNull();
        assertThat(r.value().text()).isEqualTo("Chậm nhất 20 ngày kể từ ngày UBND Thành phố ban hành");
        assertThat(r.problems()).singleElement().asString().contains("ngày tham chiếu");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Định kỳ hằng tháng (theo lịch phân công sau)", // Bạch Mai, task 3
        "Định kỳ hằng quý (theo lịch phân công sau)",   // Bạch Mai, task 4
        "Thường xuyên"})
    void recurringTimeframesHaveNoDateAndNeedNone(String text) {
        Reading<Due> r = reader.read(text, YEAR_2025);
        assertThat(r.value()).isEqualTo(new Due(null, text));
        assertThat(r.problems()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Định kỳ theo quy định",       // Bạch Mai, task 5
        "Theo lịch của Thành phố",     // Bạch Mai, task 6
        "Theo chỉ đạo của Thành phố"}) // Bạch Mai, task 7
    void unreadableTimeframesKeepTheirWordsAndAreFlagged(String text) {
        Reading<Due> r = reader.read(text, YEAR_2025);
        assertThat(r.value()).isEqualTo(new Due(null, text));
        assertThat(r.problems()).singleElement().asString().contains(text);
    }

    @Test
    void trongNamNeedsAPlanWithinOneYear() {
        Reading<Due> r = reader.read("Trong năm", new DueReader.Context(
                new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31)), null));
        assertThat(r.value().date()).isNull();
        assertThat(r.problems()).hasSize(1);
    }

    @Test
    void anImpossibleDateIsFlaggedNotThrown() {
        Reading<Due> r = reader.read("Tháng 13/2026", YEAR_2025);
        assertThat(r.value().date()).isNull();
        assertThat(r.problems()).hasSize(1);
    }

    @Test
    void blankTextIsNoDue() {
        assertThat(reader.read("  ", YEAR_2025).value()).isNull();
    }
}
