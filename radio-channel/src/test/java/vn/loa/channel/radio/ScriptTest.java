package vn.loa.channel.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.channel.PublicationRequested;

class ScriptTest {

    @Test
    void theScriptOpensWithTheStationReadsTextOnlyOnceAndDropsMarkup() {
        PublicationRequested r = new PublicationRequested("10804", "i:radio:1", "i", "radio", "news",
                "Lịch tiếp công dân", "Tháng 10/2025",
                "<p>Chủ tịch <strong>UBND xã</strong> tiếp dân</p><ul><li><p>Thứ Hai</p></li></ul><script>x()</script>",
                List.of(), Instant.now());
        String script = RadioChannel.script("Xã Kim Thành", r);
        assertThat(script).startsWith("Đài truyền thanh xã Kim Thành xin thông báo:\n\nLịch tiếp công dân.\n\n"
                + "Tháng 10/2025.\n\nChủ tịch UBND xã tiếp dân.\nThứ Hai.\n");
        assertThat(script).doesNotContain("<").doesNotContain("x()");
        assertThat(script.split("Thứ Hai", -1)).hasSize(2);
        assertThat(script).endsWith("Xin cảm ơn bà con đã lắng nghe.\n");
    }
}
