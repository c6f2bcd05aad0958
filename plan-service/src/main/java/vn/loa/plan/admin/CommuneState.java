package vn.loa.plan.admin;

/** A commune of the directory and whether it is active on this deployment (its people can log in). */
public record CommuneState(String code, String name, String provinceCode, boolean active) {
}
