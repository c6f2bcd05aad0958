package vn.loa.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind a unit's name says, as the seed plans write their units. */
class UnitKindTest {

    @Test
    void theNameSaysTheKind() {
        assertThat(UnitKind.guess("Phòng Văn hóa - Xã hội")).isEqualTo(UnitKind.PHONG_BAN);
        assertThat(UnitKind.guess("Văn phòng HĐND và UBND xã")).isEqualTo(UnitKind.VAN_PHONG);
        assertThat(UnitKind.guess("Trung tâm Phục vụ hành chính công")).isEqualTo(UnitKind.TRUNG_TAM);
        assertThat(UnitKind.guess("Thôn Đông Phan")).isEqualTo(UnitKind.THON_TO_DAN_PHO);
        assertThat(UnitKind.guess("Tổ dân phố số 5")).isEqualTo(UnitKind.THON_TO_DAN_PHO);
        assertThat(UnitKind.guess("Các thôn, tổ dân phố")).isEqualTo(UnitKind.THON_TO_DAN_PHO);
        assertThat(UnitKind.guess("Trường THCS Kim Thành")).isEqualTo(UnitKind.TRUONG_HOC);
        assertThat(UnitKind.guess("Ủy ban MTTQ Việt Nam xã")).isEqualTo(UnitKind.MTTQ_DOAN_THE);
        assertThat(UnitKind.guess("Hội Liên hiệp Phụ nữ xã")).isEqualTo(UnitKind.MTTQ_DOAN_THE);
        assertThat(UnitKind.guess("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã")).isEqualTo(UnitKind.MTTQ_DOAN_THE);
        assertThat(UnitKind.guess("Công an xã")).isEqualTo(UnitKind.KHAC);
        assertThat(UnitKind.guess("Ban Chỉ huy Quân sự xã")).isEqualTo(UnitKind.KHAC);
        assertThat(UnitKind.guess("Tổ công tác CCHC")).isEqualTo(UnitKind.KHAC);
    }

    @Test
    void twoSpellingsOfOneUnitCompareEqual() {
        assertThat(UnitKind.plain("  Phòng  Văn hóa - Xã hội ")).isEqualTo(UnitKind.plain("phòng văn hóa - xã hội"));
        assertThat(UnitKind.plain("Đoàn Thanh niên")).isEqualTo("doan thanh nien");
        assertThat(UnitKind.plain("Phòng Kinh tế")).isNotEqualTo(UnitKind.plain("Phòng Văn hóa - Xã hội"));
    }
}
