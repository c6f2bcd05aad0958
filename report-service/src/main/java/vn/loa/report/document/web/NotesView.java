package vn.loa.report.document.web;

import java.time.Instant;
import java.util.List;
import vn.loa.report.document.Addressing;
import vn.loa.report.document.Notes;

/**
 * The notes of a report as {@code GET/PUT /api/reports/{period}/notes} answers: what the commune wrote (null where it
 * takes the default), what the document prints from it ({@code effective}), and whether it can still be changed —
 * not once the province accepted the report ({@code readOnly}, {@code frozenAt}).
 */
public record NotesView(
        String highlights,
        String difficulties,
        String proposals,
        String number,
        String signer,
        String signerAuthority,
        String signerDelegation,
        String signerTitle,
        List<String> addressees,
        List<String> recipients,
        Addressing effective,
        boolean readOnly,
        Instant frozenAt) {

    static NotesView of(Notes n, Addressing effective, boolean readOnly, Instant frozenAt) {
        return new NotesView(n.highlights(), n.difficulties(), n.proposals(), n.number(), n.signer(),
                n.signerAuthority(), n.signerDelegation(), n.signerTitle(), n.addressees(), n.recipients(), effective,
                readOnly, frozenAt);
    }
}
