package vn.loa.plan.annex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductKindTest {

    @Test
    void tienMinhProductCells() {
        assertThat(ProductKind.read("Chuyên mục, phóng sự, tin, bài, ảnh").kinds()).containsExactly(
                ProductKind.COLUMN, ProductKind.REPORTAGE, ProductKind.NEWS, ProductKind.ARTICLE, ProductKind.PHOTO);
        assertThat(ProductKind.read("Cuộc đối thoại").kinds()).containsExactly(ProductKind.DIALOGUE);
        assertThat(ProductKind.read("File âm thanh tuyên truyền").kinds()).containsExactly(ProductKind.AUDIO);
        assertThat(ProductKind.read("Cuộc thi, giải thưởng").kinds()).containsExactly(ProductKind.CONTEST);
        ProductKind.Products p = ProductKind.read(
                "Tin, bài, ảnh, số lượng người truy cập, tương tác, theo dõi chuyên mục");
        assertThat(p.kinds()).containsExactly(ProductKind.NEWS, ProductKind.ARTICLE, ProductKind.PHOTO,
                ProductKind.COLUMN);
        assertThat(p.unknown()).containsExactly("số lượng người truy cập", "tương tác");
    }

    @Test
    void wordsThatOnlyLookLikeProducts() {
        // "thông tin" is not news, "bãi bỏ" not an article, "phản ánh" not a photo
        assertThat(ProductKind.mentionedIn("thông tin về thủ tục hành chính bị bãi bỏ; phản ánh, kiến nghị"))
                .isEmpty();
        assertThat(ProductKind.mentionedIn("Phối hợp lựa chọn tổ chức hoạt động tọa đàm, đối thoại giữa chính quyền"))
                .containsExactly(ProductKind.DIALOGUE, ProductKind.SEMINAR);
    }

    @Test
    void eventsCarryTheLowercaseVocabulary() {
        assertThat(ProductKind.NEWS.code()).isEqualTo("news");
        assertThat(ProductKind.REPORTAGE.code()).isEqualTo("reportage");
    }

    @Test
    void theSeedsVisualAndPrintProducts() {
        assertThat(ProductKind.read("Pano, áp phích, khẩu hiệu, băng rôn").kinds())
                .containsExactly(ProductKind.BANNER, ProductKind.POSTER);
        assertThat(ProductKind.read("Tờ rơi, tờ gấp").kinds()).containsExactly(ProductKind.LEAFLET);
        // Kỳ Lạc: documents at the Điểm Bưu điện văn hóa xã, texts posted on the villages' notice boards
        assertThat(ProductKind.mentionedIn("Điểm Bưu điện văn hóa xã có tài liệu tuyên truyền về CCHC"))
                .containsExactly(ProductKind.HANDOUT);
        assertThat(ProductKind.mentionedIn("tại bảng tin các thôn")).as("a notice board is not news")
                .containsExactly(ProductKind.NOTICE);
        assertThat(ProductKind.read("Tài liệu hội nghị").kinds()).containsExactly(ProductKind.HANDOUT);
        assertThat(ProductKind.NOTICE.code()).isEqualTo("notice");
        assertThat(ProductKind.HANDOUT.code()).isEqualTo("handout");
        assertThat(java.util.Arrays.stream(ProductKind.values()).filter(ProductKind::visual))
                .containsExactly(ProductKind.POSTER, ProductKind.LEAFLET, ProductKind.BANNER, ProductKind.NOTICE,
                        ProductKind.HANDOUT);
    }
}
