package vn.loa.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind a unit's name says, as the seed plans write their units. */
class UnitTypeTest {

    @Test
    void theNameSaysTheKind() {
        assertThat(UnitType.guess("Phòng Văn hóa - Xã hội")).isEqualTo(UnitType.PHONG_BAN);
        assertThat(UnitType.guess("Văn phòng HĐND và UBND xã")).isEqualTo(UnitType.VAN_PHONG);
        assertThat(UnitType.guess("Trung tâm Phục vụ hành chính công")).isEqualTo(UnitType.TRUNG_TAM);
        assertThat(UnitType.guess("Thôn Đông Phan")).isEqualTo(UnitType.THON_TO_DAN_PHO);
        assertThat(UnitType.guess("Tổ dân phố số 5")).isEqualTo(UnitType.THON_TO_DAN_PHO);
        assertThat(UnitType.guess("Các thôn, tổ dân phố")).isEqualTo(UnitType.THON_TO_DAN_PHO);
        assertThat(UnitType.guess("Trường THCS Kim Thành")).isEqualTo(UnitType.TRUONG_HOC);
        assertThat(UnitType.guess("Ủy ban MTTQ Việt Nam xã")).isEqualTo(UnitType.MTTQ_DOAN_THE);
        assertThat(UnitType.guess("Hội Liên hiệp Phụ nữ xã")).isEqualTo(UnitType.MTTQ_DOAN_THE);
        assertThat(UnitType.guess("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã")).isEqualTo(UnitType.MTTQ_DOAN_THE);
        assertThat(UnitType.guess("Công an xã")).isEqualTo(UnitType.KHAC);
        assertThat(UnitType.guess("Ban Chỉ huy Quân sự xã")).isEqualTo(UnitType.KHAC);
        assertThat(UnitType.guess("Tổ công tác CCHC")).isEqualTo(UnitType.KHAC);
    }

    @Test
    void twoSpellingsOfOneUnitCompareEqual() {
        assertThat(UnitType.plain("  Phòng  Văn hóa - Xã hội ")).isEqualTo(UnitType.plain("phòng văn hóa - xã hội"));
        assertThat(UnitType.plain("Đoàn Thanh niên")).isEqualTo("doan thanh nien");
        assertThat(UnitType.plain("Phòng Kinh tế")).isNotEqualTo(UnitType.plain("Phòng Văn hóa - Xã hội"));
    }
}
