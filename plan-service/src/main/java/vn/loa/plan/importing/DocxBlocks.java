package vn.loa.plan.importing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import vn.loa.plan.wording.Words;

/**
 * A Word document as the readers need it: its body in order, as paragraphs and tables of plain text. A table cell
 * keeps its paragraphs apart (a task's bold title, then its "- Nội dung:" lines) and its column position counts
 * horizontally merged cells, so that columns can be found by their header text.
 */
final class DocxBlocks {

    sealed interface Block permits Paragraph, Table {
    }

    record Paragraph(String text) implements Block {
    }

    /** A cell's paragraphs, and the grid column it starts at. */
    record Cell(int column, List<String> paragraphs) {

        String text() {
            return Words.squeeze(String.join(" ", paragraphs));
        }
    }

    record Table(List<List<Cell>> rows) implements Block {
    }

    private DocxBlocks() {
    }

    static List<Block> of(XWPFDocument document) {
        List<Block> blocks = new ArrayList<>();
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                // a soft line break inside a paragraph separates lines just as a new paragraph does
                for (String line : p.getText().split("\\R")) {
                    blocks.add(new Paragraph(Words.clean(line).strip()));
                }
            } else if (element instanceof XWPFTable t) {
                blocks.add(table(t));
            }
        }
        return blocks;
    }

    private static Table table(XWPFTable table) {
        List<List<Cell>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<Cell> cells = new ArrayList<>();
            int column = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                List<String> paragraphs = new ArrayList<>();
                for (XWPFParagraph p : cell.getParagraphs()) {
                    for (String line : p.getText().split("\\R")) {
                        String text = Words.clean(line).strip();
                        if (!text.isEmpty()) {
                            paragraphs.add(text);
                        }
                    }
                }
                cells.add(new Cell(column, paragraphs));
                column += span(cell);
            }
            rows.add(cells);
        }
        return new Table(rows);
    }

    private static int span(XWPFTableCell cell) {
        var pr = cell.getCTTc().getTcPr();
        if (pr == null || pr.getGridSpan() == null || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        BigInteger span = pr.getGridSpan().getVal();
        return Math.max(1, span.intValue());
    }
}
