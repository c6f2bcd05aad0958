package vn.loa.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo script as read from history.json: every entry, ids from the order, in order of day per commune. */
class DemoHistoryTest {

    private static final Map<String, DemoHistory.Entry> BY_ID = DemoHistory.entries().stream()
            .collect(Collectors.toMap(DemoHistory.Entry::id, Function.identity()));

    @Test
    void thirtyOneEntriesOfTheFiveSeedCommunesEachWithItsOwnId() {
        assertThat(DemoHistory.entries()).hasSize(31);
        assertThat(BY_ID).hasSize(31);
        assertThat(DemoHistory.entries()).extracting(DemoHistory.Entry::tenant).containsOnly(DemoHistory.KIM_THANH,
                DemoHistory.TIEN_MINH, DemoHistory.NGUYEN_LUONG_BANG, DemoHistory.BACH_MAI, DemoHistory.KY_LAC);
        assertThat(DemoHistory.entries()).filteredOn(e -> e instanceof DemoHistory.Activity).hasSize(7);
    }

    @Test
    void eachCommunesEntriesComeInOrderOfDay() {
        Map<String, List<MonthDay>> days = DemoHistory.entries().stream().collect(Collectors.groupingBy(
                DemoHistory.Entry::tenant, Collectors.mapping(DemoHistory.Entry::day, Collectors.toList())));
        days.values().forEach(d -> assertThat(d).isSortedAccordingTo(Comparator.naturalOrder()));
    }

    @Test
    void anItemAndAnActivityReadWhole() {
        assertThat(BY_ID.get("demo-00292-tin-05")).isEqualTo(new DemoHistory.Item("demo-00292-tin-05",
                DemoHistory.BACH_MAI, MonthDay.of(11, 12), "ARTICLE", "province-portal", List.of(3),
                "Bạch Mai đẩy mạnh thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính",
                "Bài gửi đăng trên trang cải cách hành chính của Thành phố."));
        assertThat(BY_ID.get("demo-10804-hd-02")).isEqualTo(new DemoHistory.Activity("demo-10804-hd-02",
                DemoHistory.KIM_THANH, MonthDay.of(11, 18), "SEMINAR", List.of(9),
                "Tọa đàm \"Chuyển đổi số trong cải cách hành chính\" trên sóng truyền thanh xã",
                "Cán bộ Trung tâm phục vụ hành chính công trả lời câu hỏi của người dân.", "Đài truyền thanh xã", 20));
        assertThat(BY_ID.get("demo-00292-tin-04").taskIds())
                .containsExactly("demo-00292-215-kh-ubnd-nv2", "demo-00292-215-kh-ubnd-nv9");
    }

    @Test
    void upToKeepsWhatHasHappenedByToday() {
        assertThat(DemoHistory.upTo(LocalDate.of(2026, 8, 12))).extracting(DemoHistory.Entry::id)
                .containsExactlyInAnyOrder("demo-10804-tin-01", "demo-11791-tin-01", "demo-11791-tin-02",
                        "demo-11791-tin-03", "demo-11791-tin-04", "demo-18838-tin-01");
    }
}
