package vn.loa.content.item;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No script survives the body sanitiser; ordinary rich text does. */
class SanitizerTest {

    @Test
    void scriptElementsAreRemoved() {
        String clean = Sanitizer.clean("<p>Xin chào</p><script>alert('x')</script><SCRIPT src=//evil.js></SCRIPT>");
        assertThat(clean).isEqualTo("<p>Xin chào</p>");
    }

    @Test
    void eventHandlerAttributesAreRemoved() {
        String clean = Sanitizer.clean("<img src=\"https://a.vn/x.jpg\" onerror=\"alert(1)\"><p onclick=\"x()\">A</p>");
        assertThat(clean).doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
                .contains("src=\"https://a.vn/x.jpg\"").contains("<p>A</p>");
    }

    @Test
    void javascriptUrlsAreRemoved() {
        String clean = Sanitizer.clean("<a href=\"javascript:alert(1)\">bấm</a><a href=\" JaVaScRiPt:alert(2)\">b</a>"
                + "<img src=\"javascript:alert(3)\"><iframe src=\"https://x\"></iframe><style>p{}</style>");
        assertThat(clean).doesNotContainIgnoringCase("javascript").doesNotContain("iframe").doesNotContain("style");
        assertThat(clean).contains("bấm");
    }

    @Test
    void ordinaryRichTextIsKept() {
        String html = "<h2>Tiêu đề</h2><p><strong>Đậm</strong> và <em>nghiêng</em></p><ul><li>Một</li></ul>"
                + "<a href=\"https://dichvucong.gov.vn\">Cổng DVC</a>";
        String clean = Sanitizer.clean(html);
        assertThat(clean).contains("<h2>Tiêu đề</h2>", "<strong>Đậm</strong>", "<li>Một</li>",
                "href=\"https://dichvucong.gov.vn\"");
        assertThat(Sanitizer.clean(null)).isEmpty();
    }
}
