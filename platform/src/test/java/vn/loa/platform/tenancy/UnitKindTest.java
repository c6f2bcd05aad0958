package vn.loa.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitKindTest {

    @Test
    void theKindComesFromTheUnitsName() {
        assertThat(UnitKind.of("Phường Bạch Mai")).isEqualTo(UnitKind.PHUONG);
        assertThat(UnitKind.of("Xã Kim Thành")).isEqualTo(UnitKind.XA);
        assertThat(UnitKind.of("Đặc khu Cát Hải")).isEqualTo(UnitKind.DAC_KHU);
        assertThat(UnitKind.of("xã Tiên Minh")).isEqualTo(UnitKind.XA);
        assertThat(UnitKind.of(null)).isEqualTo(UnitKind.XA);
    }

    @Test
    void thePlaceIsTheNameWithoutItsKind() {
        assertThat(UnitKind.place("Xã Kim Thành")).isEqualTo("Kim Thành");
        assertThat(UnitKind.place("Đặc khu Cát Hải")).isEqualTo("Cát Hải");
        assertThat(UnitKind.place("Kim Thành")).isEqualTo("Kim Thành");
    }

    @Test
    void aCommuneIsLookedUpInTheDirectory() {
        assertThat(UnitKind.ofCommune("10804")).as("Kim Thành").isEqualTo(UnitKind.XA);
        String aWard = CommuneDirectory.instance().province("01").orElseThrow().communes().stream()
                .filter(c -> c.name().startsWith("Phường ")).findFirst().orElseThrow().code();
        assertThat(UnitKind.ofCommune(aWard)).isEqualTo(UnitKind.PHUONG);
        assertThat(UnitKind.ofCommune("no-such-code")).isEqualTo(UnitKind.XA);
    }

    @Test
    void aPhuongIsNeverCalledAXa() {
        assertThat(UnitKind.PHUONG.reword("Đài truyền thanh xã (hệ thống loa)"))
                .isEqualTo("Đài truyền thanh phường (hệ thống loa)");
        assertThat(UnitKind.DAC_KHU.reword("Cổng thông tin điện tử xã (chuyên mục CCHC)"))
                .isEqualTo("Cổng thông tin điện tử đặc khu (chuyên mục CCHC)");
        assertThat(UnitKind.XA.reword("Trang thông tin điện tử xã")).isEqualTo("Trang thông tin điện tử xã");
        assertThat(UnitKind.rewordForLevel("Đài truyền thanh xã")).isEqualTo("Đài truyền thanh cấp xã");
    }

    @Test
    void onlyTheWordNamingTheUnitChanges() {
        assertThat(UnitKind.PHUONG.reword("Tuyên truyền trên mạng xã hội của xã"))
                .isEqualTo("Tuyên truyền trên mạng xã hội của phường");
        assertThat(UnitKind.PHUONG.reword("Đài truyền thanh cấp xã")).isEqualTo("Đài truyền thanh cấp xã");
        assertThat(UnitKind.PHUONG.reword("Zalo OA")).isEqualTo("Zalo OA");
        assertThat(UnitKind.rewordForLevel("Báo chí")).isEqualTo("Báo chí");
    }
}
