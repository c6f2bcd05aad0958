package vn.loa.plan.admin;

/** A province of the directory: how many communes it has and how many of them are active on this deployment. */
public record ProvinceState(String code, String name, int communes, int active) {
}
