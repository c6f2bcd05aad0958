package vn.loa.plan.unit;

/**
 * A unit of a commune (phòng ban, văn phòng, trung tâm, thôn/tổ dân phố, trường học, MTTQ and đoàn thể): its name,
 * kind, and whether it was recorded in the list ({@code LIST}) or is only named in the commune's plans ({@code PLAN}:
 * the duties of "Tổ chức thực hiện", the tasks' lead and coordinating units).
 */
public record Unit(String tenantId, String name, UnitType kind, String kindLabel, String source) {

    public static final String LISTED = "LIST";
    public static final String FROM_PLANS = "PLAN";

    public static Unit of(String tenantId, String name, UnitType kind, String source) {
        return new Unit(tenantId, name, kind, kind.label(), source);
    }
}
