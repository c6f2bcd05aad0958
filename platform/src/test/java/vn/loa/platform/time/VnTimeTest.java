package vn.loa.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Times in Asia/Ho_Chi_Minh, as communes type and read them. */
class VnTimeTest {

    static final Instant T = Instant.parse("2025-09-02T01:15:00Z");

    @Test
    void readsIsoAndVietnameseForms() {
        assertThat(VnTime.instant("2025-09-02T08:15:00+07:00")).contains(T);
        assertThat(VnTime.instant("2025-09-02T01:15:00Z")).contains(T);
        assertThat(VnTime.instant("2025-09-02T08:15")).contains(T);
        assertThat(VnTime.instant("02/09/2025 08:15")).contains(T);
        assertThat(VnTime.instant("2/9/2025 8:15")).contains(T);
        assertThat(VnTime.instant("02/09/2025")).contains(Instant.parse("2025-09-01T17:00:00Z"));
        assertThat(VnTime.instant("02/09/2025 25:99")).isEmpty();
        assertThat(VnTime.instant("31/02/2025")).isEmpty();
        assertThat(VnTime.instant("hôm qua")).isEmpty();
    }

    @Test
    void writesTheOffsetAndTheStartOfADay() {
        assertThat(VnTime.offset(T)).isEqualTo("2025-09-02T08:15:00+07:00");
        assertThat(VnTime.display(T)).isEqualTo("02/09/2025 08:15");
        assertThat(VnTime.startOf(LocalDate.of(2025, 10, 15))).isEqualTo(Instant.parse("2025-10-14T17:00:00Z"));
        assertThat(VnTime.today(Instant.parse("2025-10-14T17:30:00Z"))).isEqualTo(LocalDate.of(2025, 10, 15));
    }
}
