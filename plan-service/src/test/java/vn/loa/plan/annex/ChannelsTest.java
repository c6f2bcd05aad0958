package vn.loa.plan.annex;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Channels.mentionedIn("tại bảng tin các thôn")).containsExactly("notice-board");
        // OCR: "Cong thong tin dién tir xa"
        assertThat(Channels.mentionedIn("trén Cong thong tin dién tir xa")).containsExactly("portal");
    }

    @Test
    void theCityBroadcasterIsThePressNotTheLoudspeakers() {
        assertThat(Channels.mentionedIn("trên Báo và phát thanh, truyền hình Hải Phòng")).containsExactly("press");
        assertThat(Channels.mentionedIn("Tham gia cuộc thi phát thanh viên tuyên truyền")).isEmpty();
    }
}
