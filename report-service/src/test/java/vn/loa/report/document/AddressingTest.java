package vn.loa.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.report.dashboard.CommuneDashboard.Commune;
import vn.loa.report.dashboard.Dashboards;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PlanRecord.Signer;

/** "Kính gửi", "Nơi nhận" and the signature block: defaults by the kind of unit and from the plan, and the notes. */
class AddressingTest {

    private static final Commune KIM_THANH = Dashboards.commune("10804");
    private static final Commune BACH_MAI = Dashboards.commune("00292");
    private static final Commune CAT_HAI = Dashboards.commune("11914");

    /** The signature blocks of the five seed plans as plan-service's importer reads them. */
    private static final Signer TIEN_MINH = new Signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
            "Phạm Thị Xuân");
    private static final Signer BACH_MAI_PLAN = new Signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
            "Nguyễn Thị Ngọc Anh");
    private static final Signer KY_LAC = new Signer("TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
            "Lê Văn Hùng");
    private static final Signer KIM_THANH_PLAN = new Signer(null, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Tình");
    private static final Signer NGUYEN_LUONG_BANG_OCR = new Signer("TM. UY BAN NHAN DAN", "KT.CHU TICH",
            "PHO CHU TICH", "Poan Van Cat");

    @Test
    void theCommuneKindNamesTheCouncilAndCommitteeAndAPhuongIsNeverAXa() {
        Addressing xa = Addressing.of(KIM_THANH, null, Notes.EMPTY);
        assertThat(xa.addressees()).containsExactly("Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(xa.recipients()).containsExactly("Như trên", "Sở Nội vụ thành phố Hải Phòng",
                "Thường trực Đảng ủy, HĐND xã", "Chủ tịch, các PCT UBND xã", "Lưu: VT, VHXH");

        Addressing phuong = Addressing.of(BACH_MAI, null, Notes.EMPTY);
        assertThat(phuong.addressees()).containsExactly("Ủy ban nhân dân thành phố Hà Nội");
        assertThat(phuong.recipients()).containsExactly("Như trên", "Sở Nội vụ thành phố Hà Nội",
                "Thường trực Đảng ủy, HĐND phường", "Chủ tịch, các PCT UBND phường", "Lưu: VT, VHXH");

        Addressing dacKhu = Addressing.of(CAT_HAI, null, Notes.EMPTY);
        assertThat(CAT_HAI.name()).isEqualTo("Đặc khu Cát Hải");
        assertThat(dacKhu.recipients()).contains("Thường trực Đảng ủy, HĐND đặc khu", "Chủ tịch, các PCT UBND đặc khu");

        for (Addressing a : List.of(phuong, dacKhu)) {
            assertThat(String.join(" ", a.addressees()) + " " + String.join(" ", a.recipients()))
                    .doesNotContainIgnoringCase("xã");
        }
        assertThat(Addressing.unitKind("xã Hồng Phong")).isEqualTo("xã");
        assertThat(Addressing.place("Đặc khu Cát Hải")).isEqualTo("Cát Hải");
    }

    @Test
    void eachSeedPlanSignsItsReportsAndAScanIsPutBackInItsProperForm() {
        for (Signer seed : List.of(TIEN_MINH, BACH_MAI_PLAN, KY_LAC, KIM_THANH_PLAN, NGUYEN_LUONG_BANG_OCR)) {
            Addressing.Signature s = Addressing.of(KIM_THANH, seed, Notes.EMPTY).signature();
            // Kim Thành's plan has no "TM." line: a report of the People's Committee is signed on its behalf
            assertThat(s.authority()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
            assertThat(s.delegation()).isEqualTo("KT. CHỦ TỊCH");
            assertThat(s.title()).isEqualTo("PHÓ CHỦ TỊCH");
            assertThat(s.name()).isEqualTo(seed.name());
        }
    }

    @Test
    void withoutAPlanTheChairSignsAndTheNameIsLeftToWrite() {
        assertThat(Addressing.of(KIM_THANH, null, Notes.EMPTY).signature())
                .isEqualTo(new Addressing.Signature("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", null));
        // a plan with only "KT. CHỦ TỊCH": a deputy signs
        assertThat(Addressing.of(KIM_THANH, new Signer(null, "KT. CHỦ TỊCH", null, null), Notes.EMPTY).signature())
                .isEqualTo(new Addressing.Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", null));
    }

    @Test
    void theNotesChangeAnyLineAndAnEmptyOneLeavesItOut() {
        // the Chairman signs himself: no "KT." line
        Notes chair = new Notes(null, null, null, null, "Trần Văn Bình", null, "", "CHỦ TỊCH", null, null);
        assertThat(Addressing.of(KIM_THANH, TIEN_MINH, chair).signature())
                .isEqualTo(new Addressing.Signature("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", "Trần Văn Bình"));
        // an empty name (the web form sends "") keeps the plan's signer
        Notes noName = new Notes(null, null, null, null, " ", null, null, null, null, null);
        assertThat(Addressing.of(KIM_THANH, TIEN_MINH, noName).signature().name()).isEqualTo("Phạm Thị Xuân");
        Notes other = new Notes(null, null, null, null, null, "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG",
                "PHÓ CHÁNH VĂN PHÒNG", null, null);
        assertThat(Addressing.of(KIM_THANH, TIEN_MINH, other).signature()).isEqualTo(new Addressing.Signature(
                "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Phạm Thị Xuân"));
    }

    @Test
    void theNotesAddressTheReportAsTypedAndTheArchiveLineStaysLast() {
        Notes notes = new Notes(null, null, null, null, null, null, null, null,
                List.of("- Ủy ban nhân dân thành phố Hải Phòng;", " Sở Nội vụ thành phố Hải Phòng. ", "  "),
                List.of("- Lưu: VT, VP;", "- Như trên;", "– Ban Thường vụ Đảng ủy xã,"));
        Addressing a = Addressing.of(KIM_THANH, null, notes);
        assertThat(a.addressees()).containsExactly("Ủy ban nhân dân thành phố Hải Phòng",
                "Sở Nội vụ thành phố Hải Phòng");
        assertThat(a.recipients()).containsExactly("Như trên", "Ban Thường vụ Đảng ủy xã", "Lưu: VT, VP");

        Notes withoutArchive = new Notes(null, null, null, null, null, null, null, null, List.of(),
                List.of("Sở Văn hóa, Thể thao và Du lịch"));
        Addressing b = Addressing.of(KIM_THANH, null, withoutArchive);
        assertThat(b.addressees()).isEmpty();
        assertThat(b.recipients()).containsExactly("Sở Văn hóa, Thể thao và Du lịch", "Lưu: VT, VHXH");
        // not addressed to anyone: the defaults have no "Như trên"
        Notes nobody = new Notes(null, null, null, null, null, null, null, null, List.of(), null);
        assertThat(Addressing.of(BACH_MAI, null, nobody).recipients()).first().isEqualTo("Sở Nội vụ thành phố Hà Nội");
    }

    @Test
    void theReportTakesTheSignerOfThePlanItReportsOn() {
        PlanRecord old = new PlanRecord("p2025", "10804", "21/KH-UBND", "Kế hoạch 2025", LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"), true, LocalDate.parse("2025-01-10"),
                new Signer("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", "Vũ Văn Cũ"));
        PlanRecord current = new PlanRecord("p2026", "10804", "05/KH-UBND", "Kế hoạch 2026",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), false, LocalDate.parse("2026-01-08"),
                TIEN_MINH);
        PlanRecord unsigned = new PlanRecord("p2026b", "10804", "09/KH-UBND", "Kế hoạch bổ sung",
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-12-31"), false);
        Map<String, PlanRecord> plans = Map.of("p2025", old, "p2026", current, "p2026b", unsigned);
        ReportingWindows windows = new ReportingWindows();

        assertThat(Reports.planSigner(plans, windows.parse("2025-Q3")).name()).isEqualTo("Vũ Văn Cũ");
        assertThat(Reports.planSigner(plans, windows.parse("2026-Q2")).name()).isEqualTo("Phạm Thị Xuân");
        // no plan meets the window: the latest issued one
        assertThat(Reports.planSigner(plans, windows.parse("2028")).name()).isEqualTo("Phạm Thị Xuân");
        assertThat(Reports.planSigner(Map.of("p2026b", unsigned), windows.parse("2026-Q2"))).isNull();
    }
}
