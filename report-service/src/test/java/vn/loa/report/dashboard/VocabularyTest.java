package vn.loa.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.platform.tenancy.UnitKind;

class VocabularyTest {

    @Test
    void aCommunesOwnChannelsAreNamedByItsKind() {
        assertThat(Vocabulary.channel("portal", Map.of(), UnitKind.PHUONG)).isEqualTo("Trang thông tin điện tử phường");
        assertThat(Vocabulary.channel("radio", Map.of(), UnitKind.PHUONG)).isEqualTo("Đài truyền thanh phường");
        assertThat(Vocabulary.channel("radio", Map.of(), UnitKind.DAC_KHU)).isEqualTo("Đài truyền thanh đặc khu");
        assertThat(Vocabulary.channel("radio", Map.of(), UnitKind.XA)).isEqualTo("Đài truyền thanh xã");
    }

    @Test
    void aChannelAnnouncedByItselfIsRewordedToo() {
        Map<String, String> announced = Map.of("loa-thon", "Loa thôn của xã");
        assertThat(Vocabulary.channel("loa-thon", announced, UnitKind.PHUONG)).isEqualTo("Loa thôn của phường");
        assertThat(Vocabulary.channel("unknown", announced, UnitKind.PHUONG)).isEqualTo("unknown");
        assertThat(Vocabulary.channel(null, announced, UnitKind.PHUONG)).isEqualTo("Hoạt động trực tiếp");
        assertThat(Vocabulary.channel("province-portal", announced, UnitKind.PHUONG))
                .isEqualTo("Trang thông tin CCHC của tỉnh/thành phố");
    }
}
