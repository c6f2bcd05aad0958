package vn.loa.plan.admin;

import java.util.Map;
import vn.loa.platform.tenancy.Role;

/** Vietnamese names of the roles, as the administration screens and messages say them. */
public final class Roles {

    private static final Map<Role, String> LABELS = Map.of(
            Role.EDITOR, "Biên tập viên",
            Role.LEADER, "Lãnh đạo",
            Role.ADMIN, "Quản trị xã, phường",
            Role.VIEWER, "Cán bộ theo dõi cấp tỉnh",
            Role.PROVINCE_ADMIN, "Quản trị cấp tỉnh",
            Role.SYSADMIN, "Quản trị hệ thống");

    private Roles() {
    }

    public static String label(Role role) {
        return "\"" + LABELS.get(role) + "\"";
    }
}
