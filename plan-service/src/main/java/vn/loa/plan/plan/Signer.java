package vn.loa.plan.plan;

/**
 * The signature block: "TM. ỦY BAN NHÂN DÂN" (authority), "KT. CHỦ TỊCH" (delegation), "PHÓ CHỦ TỊCH" (title) and
 * the name. Any part may be missing (Kim Thành's plan has no "TM." line).
 */
public record Signer(String authority, String delegation, String title, String name) {
}
