package vn.loa.plan.wording;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A match in folded text ({@link Words#fold}); the same indexes quote the original words. */
record Span(int start, int end, List<String> groups, int[] starts, int[] ends) {

    static List<Span> all(Pattern pattern, String folded) {
        List<Span> out = new ArrayList<>();
        Matcher m = pattern.matcher(folded);
        while (m.find()) {
            out.add(of(m));
        }
        return out;
    }

    static Span first(Pattern pattern, String folded) {
        Matcher m = pattern.matcher(folded);
        return m.find() ? of(m) : null;
    }

    private static Span of(Matcher m) {
        List<String> groups = new ArrayList<>();
        int[] starts = new int[m.groupCount() + 1];
        int[] ends = new int[m.groupCount() + 1];
        for (int g = 0; g <= m.groupCount(); g++) {
            groups.add(m.group(g));
            starts[g] = m.start(g);
            ends[g] = m.end(g);
        }
        return new Span(m.start(), m.end(), java.util.Collections.unmodifiableList(groups), starts, ends);
    }

    String group(int g) {
        return groups.get(g);
    }

    int number(int g) {
        return Integer.parseInt(groups.get(g));
    }

    boolean has(int g) {
        return groups.get(g) != null;
    }

    /** The original words of a group (diacritics and case as written). */
    String original(String original, int g) {
        return original.substring(starts[g], ends[g]);
    }

    /** The original words of the match, in quotes, for a message. */
    String quote(String original) {
        return "\"" + original.substring(start, end) + "\"";
    }
}
