package vn.loa.report.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * How wide a line of text is in Times New Roman, without a font on the server: the advance widths (1/1000 em) of
 * Times New Roman, which Liberation Serif reproduces exactly (it is metric-compatible by design; the table was read
 * from LiberationSerif-{Regular,Bold,Italic}.ttf). A Vietnamese letter is as wide as its base letter (Ấ as A, ệ as
 * e), except the horned ơ and ư, which have their own widths. The report uses it to give header cells and table
 * columns room enough that no name and no word is broken across lines.
 */
final class TextWidth {

    /** The styles the report writes in. Bold italic ("Nơi nhận:") is measured as bold, which is wider. */
    enum Style { REGULAR, BOLD, ITALIC }

    /** Code points 32 (space) to 126 (~). */
    private static final int[] REGULAR = {
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722,
        611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444,
        500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722,
        500, 500, 444, 480, 200, 480, 541};
    private static final int[] BOLD = {
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778,
        667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500,
        556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722,
        500, 500, 444, 394, 220, 394, 520};
    private static final int[] ITALIC = {
        250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
        500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667,
        556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500, 333, 500,
        500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667,
        444, 444, 389, 400, 275, 400, 541};
    /** Ơ, Ư, ơ, ư per style (regular, bold, italic). */
    private static final int[][] HORNED = {{722, 776, 529, 542}, {778, 796, 554, 600}, {722, 754, 534, 545}};
    /** Anything the tables do not know is taken as wide as an M, so that an estimate errs on the safe side. */
    private static final int UNKNOWN = 1000;

    private TextWidth() {
    }

    /** The width of {@code text} in points at {@code size} points. */
    static double points(String text, Style style, double size) {
        return units(text, style) * size / 1000.0;
    }

    /** The width of {@code text} in twips (1/20 pt) at {@code size} points. */
    static int twips(String text, Style style, double size) {
        return (int) Math.ceil(points(text, style, size) * 20);
    }

    private static double units(String text, Style style) {
        int[] table = switch (style) {
            case REGULAR -> REGULAR;
            case BOLD -> BOLD;
            case ITALIC -> ITALIC;
        };
        int[] horned = HORNED[style.ordinal()];
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        double sum = 0;
        char base = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (c == '\u031B') { // the horn: ơ and ư are wider than o and u
                    int k = "OUou".indexOf(base);
                    if (k >= 0) {
                        sum += horned[k] - table[base - 32];
                    }
                }
                continue;
            }
            base = c;
            sum += width(c, table, style);
        }
        return sum;
    }

    private static int width(char c, int[] table, Style style) {
        if (c >= 32 && c <= 126) {
            return table[c - 32];
        }
        return switch (c) {
            case '\u00A0' -> table[0]; // no-break space: as wide as a space
            case 'Đ' -> 722;
            case 'đ' -> style == Style.BOLD ? 556 : 500;
            case '‘', '’' -> 333;
            case '“', '”' -> style == Style.REGULAR ? 444 : style == Style.BOLD ? 500 : 556;
            case '–' -> 500;
            case '—', '…' -> style == Style.ITALIC ? 889 : 1000;
            case '•' -> 350;
            default -> UNKNOWN;
        };
    }

    /**
     * The text in lines no wider than {@code width} twips, broken only between words — never inside one. A single word
     * wider than the line stays whole on a line of its own (the caller gives the column room enough for its longest
     * word: {@link #longestWord}).
     */
    static List<String> wrap(String text, Style style, double size, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("[ \\u00A0]+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (line.isEmpty() || twips(candidate, style, size) <= width) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The width in twips of the widest word of {@code text}. */
    static int longestWord(String text, Style style, double size) {
        int max = 0;
        for (String word : text.strip().split("[ \\u00A0]+")) {
            max = Math.max(max, twips(word, style, size));
        }
        return max;
    }

    /** The line with its spaces made non-breaking, so that nothing may wrap it again. */
    static String unbreakable(String line) {
        return line.replace(' ', '\u00A0');
    }
}
