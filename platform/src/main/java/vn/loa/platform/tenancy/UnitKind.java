package vn.loa.platform.tenancy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of a commune-level unit: xã, phường or đặc khu (since 01/07/2025 all three are "cấp xã"). A phường is never
 * called a xã: text written for a xã — a channel's name such as "Đài truyền thanh xã" — reads with the unit's own word
 * through {@link #reword(String)}, and for a province's view, over units of every kind, with "cấp xã".
 */
public enum UnitKind {
    XA("xã"), PHUONG("phường"), DAC_KHU("đặc khu"), THI_TRAN("thị trấn");

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Pattern LEADING = Pattern.compile("^(Xã|Phường|Đặc khu|Thị trấn)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The word "xã" standing alone (not inside another word such as "xã hội" — that is two words, see below). */
    private static final Pattern XA_WORD = Pattern.compile("(?<![\\p{L}\\p{M}])xã(?![\\p{L}\\p{M}])");
    /** The level over units of every kind, as a province's view names a commune's own channels. */
    public static final String LEVEL = "cấp xã";

    private final String word;

    UnitKind(String word) {
        this.word = word;
    }

    /** "xã", "phường", "đặc khu", "thị trấn": the word inside a sentence. */
    public String word() {
        return word;
    }

    /** The kind a unit's name starts with ("Phường Bạch Mai" → PHUONG); a xã when the name says nothing. */
    public static UnitKind of(String unitName) {
        Matcher m = LEADING.matcher(unitName == null ? "" : unitName.strip());
        if (!m.find()) {
            return XA;
        }
        return switch (m.group(1).toLowerCase(VI)) {
            case "phường" -> PHUONG;
            case "đặc khu" -> DAC_KHU;
            case "thị trấn" -> THI_TRAN;
            default -> XA;
        };
    }

    /** The unit's proper name without its kind: "Xã Kim Thành" → "Kim Thành" (as a date line names the place). */
    public static String place(String unitName) {
        return unitName == null ? null : LEADING.matcher(unitName.strip()).replaceFirst("");
    }

    /** A commune's kind by its code in the directory (a xã when the code is unknown). */
    public static UnitKind ofCommune(String communeCode) {
        return CommuneDirectory.instance().commune(communeCode).map(CommuneDirectory.Commune::kind).orElse(XA);
    }

    /**
     * Text written for a xã, for this kind of unit: "Đài truyền thanh xã (hệ thống loa)" → "Đài truyền thanh phường (hệ
     * thống loa)". Only the word "xã" naming the unit changes: "xã hội" (society) stays.
     */
    public String reword(String writtenForXa) {
        return this == XA ? writtenForXa : rewordAs(writtenForXa, word);
    }

    /** Text written for a xã, for a view over units of every kind: "Đài truyền thanh cấp xã (hệ thống loa)". */
    public static String rewordForLevel(String writtenForXa) {
        return rewordAs(writtenForXa, LEVEL);
    }

    private static String rewordAs(String text, String replacement) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = XA_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean society = text.startsWith(" hội", m.end());
            boolean level = m.start() >= 4 && text.startsWith("cấp ", m.start() - 4);
            m.appendReplacement(out, Matcher.quoteReplacement(society || level ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
