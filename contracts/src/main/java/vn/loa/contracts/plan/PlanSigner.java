package vn.loa.contracts.plan;

/**
 * The signature block of a plan as written at its end: {@code authority} "TM. ỦY BAN NHÂN DÂN", {@code delegation}
 * "KT. CHỦ TỊCH", {@code title} "PHÓ CHỦ TỊCH" and the signer's {@code name}. Any part may be null (a plan without a
 * "TM." line, an imported plan whose name was not read).
 */
public record PlanSigner(String authority, String delegation, String title, String name) {
}
