package vn.loa.report.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.loa.platform.tenancy.UnitKind;
import vn.loa.report.dashboard.CommuneDashboard.Commune;
import vn.loa.report.projection.PlanRecord;

/**
 * Who the report is addressed to ("Kính gửi"), who receives it ("Nơi nhận") and who signs it, as printed: what the
 * commune wrote in the report's notes, else the defaults — addressed to the province's People's Committee, copies to
 * the province's Department of Home Affairs and the commune's own Party committee, People's Council and leaders
 * (named by the unit's kind: a phường is never called a xã), signed like the plan the report follows.
 *
 * @param addressees the "Kính gửi" lines without list marks ("Ủy ban nhân dân thành phố Hải Phòng"); may be empty
 * @param recipients the "Nơi nhận" lines without list marks or end punctuation, the archive line ("Lưu: …") last
 */
public record Addressing(List<String> addressees, List<String> recipients, Signature signature) {

    public Addressing {
        addressees = List.copyOf(addressees);
        recipients = List.copyOf(recipients);
    }

    /** The signature block, one bold line each: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", the name. */
    public record Signature(String authority, String delegation, String title, String name) {
    }

    static final String AUTHORITY = "TM. ỦY BAN NHÂN DÂN";
    static final String CHAIR = "CHỦ TỊCH";
    static final String VICE_CHAIR = "PHÓ CHỦ TỊCH";
    static final String ARCHIVE = "Lưu: VT, VHXH";

    /** The kind of unit that starts a commune's name ("Xã Tiên Minh", "Phường Bạch Mai", "Đặc khu Cát Hải"). */
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** Signature lines as plans write them, also without diacritics (OCR scans): folded → proper form. */
    private static final Map<String, String> KNOWN_LINES = Map.of(
            "TM.UYBANNHANDAN", AUTHORITY,
            "KT.CHUTICH", "KT. CHỦ TỊCH",
            "Q.CHUTICH", "Q. CHỦ TỊCH",
            "TL.CHUTICH", "TL. CHỦ TỊCH",
            "CHUTICH", CHAIR,
            "PHOCHUTICH", VICE_CHAIR);

    /** The printed addressing of one commune's report: the notes where they say something, else the defaults. */
    public static Addressing of(Commune commune, PlanRecord.Signer planSigner, Notes notes) {
        List<String> addressees = notes.addressees() != null ? clean(notes.addressees()) : defaultAddressees(commune);
        List<String> recipients = notes.recipients() != null
                ? withArchiveLast(clean(notes.recipients()))
                : defaultRecipients(commune, !addressees.isEmpty());
        return new Addressing(addressees, recipients, signature(planSigner, notes));
    }

    /** The report goes up to the People's Committee of the province, whatever the kind of unit. */
    static List<String> defaultAddressees(Commune commune) {
        if (commune.provinceName() == null) {
            return List.of();
        }
        return List.of("Ủy ban nhân dân " + inSentence(commune.provinceName()));
    }

    /**
     * "Như trên" for those addressed; the province's Department of Home Affairs (which follows administrative reform);
     * the standing committees of the unit's Party committee and People's Council, its chair and vice-chairs — "HĐND
     * xã", "HĐND phường", "HĐND đặc khu" by the unit's kind; the archive.
     */
    static List<String> defaultRecipients(Commune commune, boolean addressed) {
        List<String> out = new ArrayList<>();
        if (addressed) {
            out.add("Như trên");
        }
        if (commune.provinceName() != null) {
            out.add("Sở Nội vụ " + inSentence(commune.provinceName()));
        }
        String kind = unitKind(commune.name());
        out.add("Thường trực Đảng ủy, HĐND " + kind);
        out.add("Chủ tịch, các PCT UBND " + kind);
        out.add(ARCHIVE);
        return List.copyOf(out);
    }

    /**
     * Each line: the notes' own (an empty one leaves the line out), else the plan's (in its proper form), else
     * "TM. ỦY BAN NHÂN DÂN" — a report of the People's Committee is signed on its behalf — and "CHỦ TỊCH", or
     * "PHÓ CHỦ TỊCH" under a "KT." line. The name: the notes', else the plan's signer.
     */
    static Signature signature(PlanRecord.Signer plan, Notes notes) {
        boolean fromPlan = plan != null;
        String authority = pick(notes.signerAuthority(), fromPlan ? known(plan.authority()) : null, AUTHORITY);
        String delegation = pick(notes.signerDelegation(), fromPlan ? known(plan.delegation()) : null, null);
        String title = pick(notes.signerTitle(), fromPlan ? known(plan.title()) : null,
                delegation != null && fold(delegation).startsWith("KT.") ? VICE_CHAIR : CHAIR);
        String name = blank(notes.signer()) ? (fromPlan ? strip(plan.name()) : null) : notes.signer().strip();
        return new Signature(authority, delegation, title, name);
    }

    /** The kind of unit in lower case, as "HĐND phường" or "UBND đặc khu" want it; a xã when the name says nothing. */
    static String unitKind(String unitName) {
        return UnitKind.of(unitName).word();
    }

    /** "Xã Kim Thành" → "Kim Thành": the place name of the date line. */
    static String place(String communeName) {
        return UnitKind.place(communeName);
    }

    /**
     * A unit's name inside a sentence: the kind of unit in lower case, as administrative writing has it ("Ủy ban nhân
     * dân xã Tiên Minh", "thành phố Hải Phòng"), the proper name as it is.
     */
    static String inSentence(String unitName) {
        if (unitName == null || unitName.isEmpty()) {
            return unitName;
        }
        return unitName.substring(0, 1).toLowerCase(VI) + unitName.substring(1);
    }

    /** Lines as a person types them ("- Sở Nội vụ;"), without list marks and end punctuation; blank ones dropped. */
    static List<String> clean(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            String s = line.strip().replaceFirst("^[-–—+•*]+\\s*", "").replaceFirst("[\\s;,.]+$", "").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Decree 30 ends "Nơi nhận" with the archive line: moved last, or added when the commune left it out. */
    static List<String> withArchiveLast(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> archive = new ArrayList<>();
        for (String line : lines) {
            (fold(line).startsWith("LUU:") || fold(line).startsWith("LUU ") ? archive : out).add(line);
        }
        out.addAll(archive.isEmpty() ? List.of(ARCHIVE) : archive);
        return List.copyOf(out);
    }

    private static String pick(String typed, String fromPlan, String otherwise) {
        if (typed != null) {
            return typed.isBlank() ? null : typed.strip();
        }
        return fromPlan != null ? fromPlan : otherwise;
    }

    /** A plan's signature line in its proper form when it is a known one ("KT.CHU TICH" → "KT. CHỦ TỊCH"). */
    static String known(String line) {
        if (blank(line)) {
            return null;
        }
        String key = fold(line).replace(" ", "");
        return KNOWN_LINES.getOrDefault(key, line.strip());
    }

    /** Upper case without diacritics, one space between words: "TM. Uỷ ban  nhân dân" → "TM. UY BAN NHAN DAN". */
    static String fold(String s) {
        String nfd = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
        return nfd.replaceAll("\\p{M}+", "").toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
