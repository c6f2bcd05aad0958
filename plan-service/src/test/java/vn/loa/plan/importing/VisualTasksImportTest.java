package vn.loa.plan.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.wording.Words;

/**
 * Issue 19: the seeds' visual and print work, written as annex rows the way Tiên Minh's and Bạch Mai's annexes are
 * laid out, imports as tasks that accept the visual channel ({@code truc-quan}) and the products' kinds, so that a
 * product recorded there (a pano, leaflets, documents at the Điểm Bưu điện văn hóa xã) credits them. The task texts
 * are quoted from the seed plans and checked against them.
 */
class VisualTasksImportTest {

    private static final String KY_LAC_PANO = "Tuyên truyền pano, áp phích, khẩu hiệu liên quan đến công tác CCHC";
    private static final String KY_LAC_DOCUMENTS = "Điểm Bưu điện văn hóa xã có tài liệu tuyên truyền về CCHC";
    private static final String KIM_THANH = "Trực quan, in ấn: bằng pano, khẩu hiệu, áp phích, tờ rơi, tờ gấp";
    private static final String TIEN_MINH = "Tổ chức hoạt động tuyên truyền cổ động trực quan về cải cách hành chính "
            + "thông qua hệ thống băng rôn, khẩu hiệu trên trục đường chính";

    @Test
    void theTextsAreTheSeeds() throws IOException {
        assertThat(seed("ky-lac-2025.txt")).contains(Words.squeeze(KY_LAC_PANO), Words.squeeze(KY_LAC_DOCUMENTS));
        assertThat(seed("kim-thanh-2025.txt")).contains(KIM_THANH);
        assertThat(seed("tien-minh-2026.txt")).contains(TIEN_MINH);
    }

    @Test
    void visualTasksAcceptTheVisualChannelAndTheirProducts() throws IOException {
        ImportedPlan plan = new PlanImporter().read(docx(List.of(
                List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Sản phẩm"),
                List.of("1", KY_LAC_PANO, "Phòng Văn hóa - Xã hội", "Pano, áp phích, khẩu hiệu"),
                List.of("2", KY_LAC_DOCUMENTS, "Trung tâm phục vụ Hành chính công", "Tài liệu tuyên truyền"),
                List.of("3", KIM_THANH, "Phòng Văn hóa - Xã hội", "Tờ rơi, tờ gấp"),
                List.of("4", TIEN_MINH, "Văn phòng UBND xã", ""),
                List.of("5", "Tuyên truyền trên Trang thông tin điện tử xã", "Văn phòng UBND xã", "Tin, bài"))));

        List<TaskDetails> tasks = plan.tasks();
        assertThat(tasks).hasSize(5);
        assertThat(tasks.get(0).productKinds()).containsExactly(ProductKind.BANNER, ProductKind.POSTER);
        assertThat(tasks.get(0).channels()).containsExactly("truc-quan");
        assertThat(tasks.get(1).productKinds()).containsExactly(ProductKind.HANDOUT);
        assertThat(tasks.get(1).channels()).containsExactly("truc-quan");
        assertThat(tasks.get(2).productKinds()).containsExactly(ProductKind.LEAFLET);
        assertThat(tasks.get(2).channels()).containsExactly("truc-quan");
        // no "Sản phẩm" cell: the kinds come from the task's words
        assertThat(tasks.get(3).productKinds()).containsExactly(ProductKind.BANNER);
        assertThat(tasks.get(3).channels()).containsExactly("truc-quan");
        // an ordinary task keeps its channel only
        assertThat(tasks.get(4).channels()).containsExactly("portal");
    }

    private static String seed(String name) throws IOException {
        return Words.squeeze(Files.readString(Path.of("src/test/resources/seeds", name), StandardCharsets.UTF_8));
    }

    private static byte[] docx(List<List<String>> rows) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("KẾ HOẠCH");
            doc.createParagraph().createRun().setText("Tuyên truyền cải cách hành chính năm 2025");
            doc.createParagraph().createRun().setText("DANH MỤC NHIỆM VỤ CỤ THỂ");
            XWPFTable table = doc.createTable(rows.size(), rows.getFirst().size());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    table.getRow(r).getCell(c).getParagraphs().getFirst().createRun().setText(rows.get(r).get(c));
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
