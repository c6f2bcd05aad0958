package vn.loa.content.item;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans the rich text of an item body with jsoup's {@link Safelist#relaxed()} (text formatting, lists, tables,
 * links, images): every element and attribute not on the list goes — {@code script}, {@code style}, {@code iframe},
 * every {@code on*} handler — and links and images keep only http/https (links also mailto) URLs, so a
 * {@code javascript:} URL does not survive. Links get {@code rel="nofollow"}.
 */
public final class Sanitizer {

    private static final Safelist SAFE = Safelist.relaxed()
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Sanitizer() {
    }

    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html, "", SAFE, OUTPUT);
    }

    /** The text of the HTML without tags (for length checks and summaries). */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
