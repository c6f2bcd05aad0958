package vn.loa.plan.unit;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The types of a commune's own units (đơn vị: phòng ban, trung tâm, thôn…), as plans and tasks name them — not to be
 * confused with the kind of the commune itself (xã, phường, đặc khu: platform's {@code tenancy.UnitKind}).
 */
public enum UnitType {
    /** Phòng ban chuyên môn (Phòng Văn hóa - Xã hội, Phòng Kinh tế…). */
    PHONG_BAN("Phòng ban"),
    /** Văn phòng HĐND và UBND. */
    VAN_PHONG("Văn phòng"),
    /** Trung tâm (Trung tâm Phục vụ hành chính công, Trung tâm Văn hóa…). */
    TRUNG_TAM("Trung tâm"),
    /** Thôn, tổ dân phố, khu dân cư, khu phố, ấp, xóm. */
    THON_TO_DAN_PHO("Thôn, tổ dân phố"),
    /** Trường học. */
    TRUONG_HOC("Trường học"),
    /** Mặt trận Tổ quốc và các đoàn thể (Hội, Đoàn, Công đoàn). */
    MTTQ_DOAN_THE("MTTQ và đoàn thể"),
    /** Anything else (Công an xã, Ban Chỉ huy quân sự, Trạm y tế…). */
    KHAC("Khác");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind a unit's name says ("Phòng Văn hóa - Xã hội" → PHONG_BAN), KHAC when it says none. */
    public static UnitType guess(String name) {
        String n = plain(name);
        if (n.startsWith("van phong")) {
            return VAN_PHONG;
        }
        if (n.startsWith("phong ")) {
            return PHONG_BAN;
        }
        if (n.startsWith("trung tam")) {
            return TRUNG_TAM;
        }
        if (n.matches("^(thon|to dan pho|khu dan cu|khu pho|ap|xom) .*") || n.startsWith("cac thon")
                || n.startsWith("cac to dan pho")) {
            return THON_TO_DAN_PHO;
        }
        if (n.startsWith("truong ") || n.startsWith("cac truong")) {
            return TRUONG_HOC;
        }
        if (n.contains("mat tran") || n.contains("mttq") || n.startsWith("hoi ") || n.startsWith("doan ")
                || n.startsWith("cong doan") || n.contains("doan the") || n.contains("doan thanh nien")) {
            return MTTQ_DOAN_THE;
        }
        return KHAC;
    }

    /** Lower case, no diacritics, đ → d, single spaces: how two spellings of one unit are compared. */
    public static String plain(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0]+", " ").trim();
    }
}
