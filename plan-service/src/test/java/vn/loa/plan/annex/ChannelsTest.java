package vn.loa.plan.annex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void theSeedsChannelPhrases() {
        assertThat(Channels.mentionedIn("trên Trang thông tin CCHC của Thành phố")).containsExactly("province-portal");
        assertThat(Channels.mentionedIn("trên Trang thông tin điện tử phường")).containsExactly("portal");
        // the abbreviation of issue 19: "Trang TTĐT phường"
        assertThat(Channels.mentionedIn("06 tin/bài trên Trang TTĐT phường")).containsExactly("portal");
        assertThat(Channels.mentionedIn("trên Cổng TTĐT của Thành phố")).containsExactly("province-portal");
        assertThat(Channels.mentionedIn("trên Cổng Thông tin điện tử xã")).containsExactly("portal");
        assertThat(Channels.mentionedIn("để phát trên hệ thống truyền thanh")).containsExactly("radio");
        assertThat(Channels.mentionedIn("đăng tải trên hệ thống thông tin nguồn xã")).containsExactly("radio");
        assertThat(Channels.mentionedIn("Fanpage, Youtube, Zalo OA, Chatbot"))
                .containsExactly("zalo-oa", "facebook", "youtube");
        // a notice board is a channel of its own (a future electronic board) and a place of visual work
        assertThat(Channels.mentionedIn("tại bảng tin các thôn")).containsExactly("notice-board", "truc-quan");
        // OCR: "Cong thong tin dién tir xa"
        assertThat(Channels.mentionedIn("trén Cong thong tin dién tir xa")).containsExactly("portal");
    }

    @Test
    void theCityBroadcasterIsThePressNotTheLoudspeakers() {
        assertThat(Channels.mentionedIn("trên Báo và phát thanh, truyền hình Hải Phòng")).containsExactly("press");
        assertThat(Channels.mentionedIn("Tham gia cuộc thi phát thanh viên tuyên truyền")).isEmpty();
    }

    @Test
    void theSeedsVisualAndPrintWorkIsTheVisualChannel() {
        // Kim Thành, Nguyễn Lương Bằng (also as the scan left it), Tiên Minh, Kỳ Lạc
        assertThat(Channels.mentionedIn("Trực quan, in ấn: bằng pano, khẩu hiệu, áp phích, tờ rơi, tờ gấp"))
                .containsExactly("truc-quan");
        assertThat(Channels.mentionedIn("Truc quan, in 4n: Pano, ap phich, khau hi¢u, bang ron"))
                .containsExactly("truc-quan");
        assertThat(Channels.mentionedIn("tuyên truyền cổ động trực quan về cải cách hành chính thông qua hệ thống "
                + "băng rôn, khẩu hiệu trên trục đường chính")).containsExactly("truc-quan");
        assertThat(Channels.mentionedIn("Điểm Bưu điện văn hóa xã có tài liệu tuyên truyền về CCHC"))
                .containsExactly("truc-quan");
        assertThat(Channels.mentionedIn("Tuyên truyền qua các ấn phẩm truyền thông")).containsExactly("truc-quan");
        // "trực tuyến" is online, not visual; "an toàn" after "in" is not printing
        assertThat(Channels.mentionedIn("hướng dẫn sử dụng dịch vụ công trực tuyến")).isEmpty();
    }

    @Test
    void aTaskThatMakesAVisualProductIsRecordedOnTheVisualChannel() {
        assertThat(Channels.forTask("Tuyên truyền về CCHC", List.of(ProductKind.BANNER))).containsExactly("truc-quan");
        assertThat(Channels.forTask("Đăng tờ rơi điện tử trên Trang thông tin điện tử xã",
                List.of(ProductKind.LEAFLET))).containsExactly("portal", "truc-quan");
        assertThat(Channels.forTask("Tin, bài trên Trang thông tin điện tử xã", List.of(ProductKind.NEWS)))
                .containsExactly("portal");
    }
}
