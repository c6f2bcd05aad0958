package vn.loa.report.document;

import jakarta.validation.constraints.Size;

/**
 * What the commune writes itself in a report: highlights, difficulties and proposals, the document number and the
 * signer's name. Any of them may be empty; the document then leaves dotted space to fill by hand.
 */
public record Notes(
        @Size(max = 20000, message = "Phần kết quả nổi bật dài tối đa 20.000 ký tự.") String highlights,
        @Size(max = 20000, message = "Phần khó khăn, vướng mắc dài tối đa 20.000 ký tự.") String difficulties,
        @Size(max = 20000, message = "Phần đề xuất, kiến nghị dài tối đa 20.000 ký tự.") String proposals,
        @Size(max = 20, message = "Số văn bản dài tối đa 20 ký tự.") String number,
        @Size(max = 100, message = "Tên người ký dài tối đa 100 ký tự.") String signer) {

    public static final Notes EMPTY = new Notes(null, null, null, null, null);
}
