package vn.loa.plan.plan;

import vn.loa.contracts.plan.PlanSigner;

/**
 * The signature block: "TM. ỦY BAN NHÂN DÂN" (authority), "KT. CHỦ TỊCH" (delegation), "PHÓ CHỦ TỊCH" (title) and
 * the name. Any part may be missing (Kim Thành's plan has no "TM." line).
 */
public record Signer(String authority, String delegation, String title, String name) {

    /** The signature block as {@code PlanIssued} carries it: null when there is none, or nothing in it. */
    public static PlanSigner planned(Signer signer) {
        if (signer == null || (blank(signer.authority) && blank(signer.delegation) && blank(signer.title)
                && blank(signer.name))) {
            return null;
        }
        return new PlanSigner(strip(signer.authority), strip(signer.delegation), strip(signer.title),
                strip(signer.name));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
