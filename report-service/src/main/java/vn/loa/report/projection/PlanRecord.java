package vn.loa.report.projection;

import java.time.LocalDate;

/**
 * A plan as the read model holds it; dates null while only a close or an amendment has arrived.
 *
 * @param signer the plan's signature block, null when the plan has none (or was issued before events carried it)
 */
public record PlanRecord(String planId, String tenant, String number, String title, LocalDate periodFrom,
        LocalDate periodTo, boolean closed, LocalDate issuedOn, Signer signer) {

    /** A plan without issue date and signer (tests, benchmark). */
    public PlanRecord(String planId, String tenant, String number, String title, LocalDate periodFrom,
            LocalDate periodTo, boolean closed) {
        this(planId, tenant, number, title, periodFrom, periodTo, closed, null, null);
    }

    /** "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name, as the plan was signed; parts may be null. */
    public record Signer(String authority, String delegation, String title, String name) {
    }
}
