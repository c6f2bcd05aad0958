package vn.loa.report.document;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/**
 * What the commune writes itself in a report: highlights, difficulties and proposals, the document number, the
 * signature block and the addressing. Any of them may be empty: the document then leaves dotted space to fill by hand
 * (the three texts) or prints its defaults ({@link Addressing}).
 *
 * @param signer           the signer's name; empty: the plan's signer
 * @param signerAuthority  "TM. ỦY BAN NHÂN DÂN"; null: the plan's line (or that one); "" leaves the line out
 * @param signerDelegation "KT. CHỦ TỊCH"; null: the plan's line (or none); "" leaves the line out
 * @param signerTitle      "PHÓ CHỦ TỊCH"; null: the plan's line (or "CHỦ TỊCH"); "" leaves the line out
 * @param addressees       the "Kính gửi" lines; null: the default (the province's People's Committee); [] none
 * @param recipients       the "Nơi nhận" lines; null: the defaults by the unit's kind; the archive line is kept last
 */
public record Notes(
        @Size(max = 20000, message = "Phần kết quả nổi bật dài tối đa 20.000 ký tự.") String highlights,
        @Size(max = 20000, message = "Phần khó khăn, vướng mắc dài tối đa 20.000 ký tự.") String difficulties,
        @Size(max = 20000, message = "Phần đề xuất, kiến nghị dài tối đa 20.000 ký tự.") String proposals,
        @Size(max = 20, message = "Số văn bản dài tối đa 20 ký tự.") String number,
        @Size(max = 100, message = "Tên người ký dài tối đa 100 ký tự.") String signer,
        @Size(max = 100, message = "Dòng thẩm quyền ký (ví dụ “TM. ỦY BAN NHÂN DÂN”) dài tối đa 100 ký tự.")
        String signerAuthority,
        @Size(max = 100, message = "Dòng ký thay (ví dụ “KT. CHỦ TỊCH”) dài tối đa 100 ký tự.") String signerDelegation,
        @Size(max = 100, message = "Chức vụ người ký dài tối đa 100 ký tự.") String signerTitle,
        @Size(max = 10, message = "Phần “Kính gửi” ghi tối đa 10 nơi.")
        List<@Size(max = 300, message = "Mỗi nơi trong phần “Kính gửi” dài tối đa 300 ký tự.") String> addressees,
        @Size(max = 30, message = "Phần “Nơi nhận” ghi tối đa 30 nơi.")
        List<@Size(max = 300, message = "Mỗi nơi trong phần “Nơi nhận” dài tối đa 300 ký tự.") String> recipients) {

    public static final Notes EMPTY = new Notes(null, null, null, null, null);

    /** The JSON names of the fields, as a request body may carry them. */
    public static final List<String> FIELDS = List.of("highlights", "difficulties", "proposals", "number", "signer",
            "signerAuthority", "signerDelegation", "signerTitle", "addressees", "recipients");

    public Notes {
        addressees = addressees == null ? null : List.copyOf(addressees.stream().map(s -> s == null ? "" : s).toList());
        recipients = recipients == null ? null : List.copyOf(recipients.stream().map(s -> s == null ? "" : s).toList());
    }

    /** The texts, number and name only: the signature lines and the addressing take their defaults. */
    public Notes(String highlights, String difficulties, String proposals, String number, String signer) {
        this(highlights, difficulties, proposals, number, signer, null, null, null, null, null);
    }

    /** These notes with the fields named in {@code given} taken from {@code update}; the others stay as they are. */
    public Notes with(Notes update, Set<String> given) {
        return new Notes(
                given.contains("highlights") ? update.highlights : highlights,
                given.contains("difficulties") ? update.difficulties : difficulties,
                given.contains("proposals") ? update.proposals : proposals,
                given.contains("number") ? update.number : number,
                given.contains("signer") ? update.signer : signer,
                given.contains("signerAuthority") ? update.signerAuthority : signerAuthority,
                given.contains("signerDelegation") ? update.signerDelegation : signerDelegation,
                given.contains("signerTitle") ? update.signerTitle : signerTitle,
                given.contains("addressees") ? update.addressees : addressees,
                given.contains("recipients") ? update.recipients : recipients);
    }
}
