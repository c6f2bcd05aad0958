package vn.loa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

class Decree30DocxTest {

    @Test
    void theDateLineTakesLeadingZerosAsDecree30Says() {
        assertThat(Decree30Docx.dateLine(LocalDate.parse("2026-01-05"))).isEqualTo("ngày 05 tháng 01 năm 2026");
        assertThat(Decree30Docx.dateLine(LocalDate.parse("2025-02-28"))).isEqualTo("ngày 28 tháng 02 năm 2025");
        assertThat(Decree30Docx.dateLine(LocalDate.parse("2025-03-09"))).isEqualTo("ngày 09 tháng 3 năm 2025");
        assertThat(Decree30Docx.dateLine(LocalDate.parse("2025-12-14"))).isEqualTo("ngày 14 tháng 12 năm 2025");
    }

    @Test
    void aDraftWithoutItsDayLeavesRoomToWriteItByHand() {
        assertThat(Decree30Docx.dateLine(null)).isEqualTo("ngày      tháng      năm      ");
    }

    @Test
    void aSectionIsA4WithTheDecreesMarginsPortraitOrLandscape() throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            Decree30Docx.defaultFont(doc);
            Decree30Docx.run(doc.createParagraph(), "Kế hoạch", 14, true, false);
            Decree30Docx.pageNumbersFromPageTwo(doc);
            Decree30Docx.section(Decree30Docx.lastSection(doc), true);
            try (XWPFDocument back = new XWPFDocument(new ByteArrayInputStream(bytes(doc)))) {
                CTSectPr sect = back.getDocument().getBody().getSectPr();
                assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(16838));
                assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(11906));
                assertThat(sect.getPgSz().getOrient()).isEqualTo(STPageOrientation.LANDSCAPE);
                // top/bottom 20 mm, left 30 mm, right 15 mm
                assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(1134));
                assertThat(sect.getPgMar().getBottom()).isEqualTo(BigInteger.valueOf(1134));
                assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1701));
                assertThat(sect.getPgMar().getRight()).isEqualTo(BigInteger.valueOf(850));
                assertThat(back.getStyles().getDefaultRunStyle()).isNotNull();
                assertThat(back.getParagraphs().getFirst().getRuns().getFirst().getFontFamily())
                        .isEqualTo("Times New Roman");
                assertThat(back.getHeaderList()).hasSize(2);
            }
        }
    }

    @Test
    void aTableKeepsTheWidthsItIsGiven() {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFTable t = Decree30Docx.table(doc, 2, new int[] {3000, 6355}, Decree30Docx.PORTRAIT_WIDTH, false);
            assertThat(t.getRows()).hasSize(2);
            assertThat(t.getRow(1).getCell(1).getWidth()).isEqualTo(6355);
            assertThat(t.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(2);
            assertThat(t.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
            assertThat(Decree30Docx.PORTRAIT_WIDTH).isEqualTo(11906 - 1701 - 850);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
