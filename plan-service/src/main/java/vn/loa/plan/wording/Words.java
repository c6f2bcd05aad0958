package vn.loa.plan.wording;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The folded form every reader matches against: lowercase, without diacritics, {@code đ} as {@code d}. A scan that
 * lost its accents ("Dinh ky hang quy") then reads like the original ("Định kỳ hằng quý"), and "hàng tháng" like
 * "hằng tháng".
 *
 * <p>Folding keeps one character for one character (after NFC), so a match in the folded text has the same
 * indexes in the original: readers quote the user's own words back, diacritics included.
 */
public final class Words {

    private Words() {
    }

    /** The text in NFC with non-breaking spaces as spaces: the form {@link #fold} indexes refer to. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** Folds {@link #clean cleaned} text; the result has exactly the same length. */
    public static String fold(String cleaned) {
        StringBuilder out = new StringBuilder(cleaned.length());
        for (int i = 0; i < cleaned.length(); i++) {
            out.append(foldChar(cleaned.charAt(i)));
        }
        return out.toString();
    }

    /** Cleans and folds in one go, when indexes into the original are not needed. */
    public static String folded(String text) {
        return fold(clean(text));
    }

    /** Spaces collapsed and trimmed: for text that came from a layout with hard line breaks. */
    public static String squeeze(String text) {
        return clean(text).replaceAll("\\s+", " ").trim();
    }

    private static char foldChar(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 0x80) {
            return Character.toLowerCase(c);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        // a character that does not decompose into one base letter plus marks stays itself (lowercased)
        return decomposed.length() > 1 && decomposed.substring(1).codePoints().allMatch(Words::isMark)
                ? Character.toLowerCase(base)
                : Character.toLowerCase(c);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Vietnamese date for messages, e.g. 30/11/2026. */
    public static String date(java.time.LocalDate date) {
        return String.format(Locale.ROOT, "%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** Vietnamese month for messages, e.g. 08/2025. */
    public static String month(java.time.YearMonth month) {
        return String.format(Locale.ROOT, "%02d/%d", month.getMonthValue(), month.getYear());
    }
}
