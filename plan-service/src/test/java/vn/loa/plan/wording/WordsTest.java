package vn.loa.plan.wording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void foldingDropsAccentsKeepsLengthAndReadsDAsD() {
        String original = Words.clean("Định kỳ hằng quý – Đài truyền thanh");
        String folded = Words.fold(original);
        assertThat(folded).isEqualTo("dinh ky hang quy – dai truyen thanh");
        assertThat(folded).hasSameSizeAs(original);
    }

    @Test
    void decomposedInputIsComposedFirst() {
        String decomposed = java.text.Normalizer.normalize("tháng", java.text.Normalizer.Form.NFD);
        assertThat(Words.folded(decomposed)).isEqualTo("thang");
    }
}
