package vn.loa.plan.admin;

import java.util.EnumSet;
import java.util.Set;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;

/**
 * Who may administer what (docs/adr/0011). {@code SYSADMIN}: every commune and province. {@code PROVINCE_ADMIN}
 * (tenant = a province's code): the communes of its province and that province's own accounts. A commune's
 * {@code ADMIN}: the people of its own commune only. Nobody grants a role above their own or outside the tenant,
 * only {@code SYSADMIN} makes a {@code PROVINCE_ADMIN}, and nobody makes a {@code SYSADMIN} here. A commune or province
 * outside the caller's reach is not found (404), a role the caller may not hold out is forbidden (403).
 */
public final class Authority {

    /** Roles of a commune's staff. */
    public static final Set<Role> COMMUNE_ROLES = EnumSet.of(Role.EDITOR, Role.LEADER, Role.ADMIN);
    /** Roles of a province's accounts. */
    public static final Set<Role> PROVINCE_ROLES = EnumSet.of(Role.VIEWER, Role.PROVINCE_ADMIN);

    private static final String NO_RIGHT = "Bạn không có quyền quản trị tài khoản.";

    private Authority() {
    }

    /** A commune or a province whose accounts are administered: its code, its name, and which of the two. */
    public record Tenant(String code, String name, boolean commune, String provinceCode) {
    }

    /** The province whose communes the caller lists: {@code requested}, or its own for a province's administrator. */
    public static CommuneDirectory.Province provinceToList(Caller caller, String requested) {
        CommuneDirectory directory = CommuneDirectory.instance();
        if (caller.has(Role.SYSADMIN)) {
            if (requested == null || requested.isBlank()) {
                throw new InvalidInput("Vui lòng chọn tỉnh, thành phố.",
                        java.util.List.of(new InvalidInput.FieldProblem("province", "Chưa chọn tỉnh, thành phố.")));
            }
            return directory.province(requested).orElseThrow(Authority::noSuchProvince);
        }
        if (caller.has(Role.PROVINCE_ADMIN)) {
            if (requested != null && !requested.isBlank() && !requested.equals(caller.tenantId())) {
                throw noSuchProvince();
            }
            return directory.province(caller.tenantId()).orElseThrow(Authority::noSuchProvince);
        }
        throw new Forbidden("Chỉ quản trị hệ thống và quản trị cấp tỉnh được xem danh sách xã, phường.");
    }

    /** The provinces the caller administers: every one (SYSADMIN), its own (PROVINCE_ADMIN). */
    public static java.util.List<CommuneDirectory.Province> provinces(Caller caller) {
        if (caller.has(Role.SYSADMIN)) {
            return CommuneDirectory.instance().provinces();
        }
        return java.util.List.of(provinceToList(caller, null));
    }

    /** The commune the caller activates or deactivates: a system administrator, or its province's administrator. */
    public static CommuneDirectory.Commune communeToSwitch(Caller caller, String code) {
        if (!caller.has(Role.SYSADMIN) && !caller.has(Role.PROVINCE_ADMIN)) {
            throw new Forbidden("Chỉ quản trị hệ thống và quản trị cấp tỉnh được kích hoạt hoặc ngừng hoạt động "
                    + "một xã, phường.");
        }
        CommuneDirectory.Commune commune = CommuneDirectory.instance().commune(code)
                .orElseThrow(Authority::noSuchCommune);
        if (!caller.has(Role.SYSADMIN) && !commune.provinceCode().equals(caller.tenantId())) {
            throw noSuchCommune();
        }
        return commune;
    }

    /** The commune whose people the caller manages: its own (ADMIN), its province's (PROVINCE_ADMIN), any (SYSADMIN). */
    public static Tenant commune(Caller caller, String code) {
        if (!caller.has(Role.SYSADMIN) && !caller.has(Role.PROVINCE_ADMIN) && !caller.has(Role.ADMIN)) {
            throw new Forbidden(NO_RIGHT);
        }
        CommuneDirectory.Commune commune = CommuneDirectory.instance().commune(code)
                .orElseThrow(Authority::noSuchCommune);
        if (!caller.canAdminister(commune.code())) {
            throw noSuchCommune();
        }
        return new Tenant(commune.code(), commune.name(), true, commune.provinceCode());
    }

    /** The province whose own accounts (reviewers, administrators) the caller manages: its own, or any (SYSADMIN). */
    public static Tenant province(Caller caller, String code) {
        if (!caller.has(Role.SYSADMIN) && !caller.has(Role.PROVINCE_ADMIN)) {
            throw new Forbidden(NO_RIGHT);
        }
        CommuneDirectory.Province province = CommuneDirectory.instance().province(code)
                .orElseThrow(Authority::noSuchProvince);
        if (!caller.has(Role.SYSADMIN) && !province.code().equals(caller.tenantId())) {
            throw noSuchProvince();
        }
        return new Tenant(province.code(), province.name(), false, province.code());
    }

    /** Throws unless the caller may give these roles to an account of this tenant. */
    public static void mayGrant(Caller caller, Tenant tenant, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("Vui lòng chọn ít nhất một vai trò.",
                    java.util.List.of(new InvalidInput.FieldProblem("roles", "Chưa chọn vai trò.")));
        }
        for (Role role : roles) {
            if (role == Role.SYSADMIN) {
                throw new Forbidden("Không thể cấp vai trò quản trị hệ thống qua chức năng này.");
            }
            if (role == Role.PROVINCE_ADMIN && !caller.has(Role.SYSADMIN)) {
                throw new Forbidden("Chỉ quản trị hệ thống được cấp vai trò quản trị cấp tỉnh.");
            }
            Set<Role> fitting = tenant.commune() ? COMMUNE_ROLES : PROVINCE_ROLES;
            if (!fitting.contains(role)) {
                throw new InvalidInput("Vai trò " + Roles.label(role) + " không dùng cho tài khoản của "
                        + (tenant.commune() ? "xã, phường." : "tỉnh, thành phố."),
                        java.util.List.of(new InvalidInput.FieldProblem("roles", "Vai trò không phù hợp.")));
            }
        }
    }

    /** Throws unless the caller may disable this account (of the tenant, holding these roles). */
    public static void mayDisable(Caller caller, String username, Set<Role> roles) {
        if (username.equalsIgnoreCase(caller.userId())) {
            throw new Conflict("Bạn không thể tự ngừng tài khoản của chính mình.");
        }
        if (roles.contains(Role.SYSADMIN)) {
            throw new Forbidden("Không thể ngừng tài khoản quản trị hệ thống qua chức năng này.");
        }
        if (roles.contains(Role.PROVINCE_ADMIN) && !caller.has(Role.SYSADMIN)) {
            throw new Forbidden("Chỉ quản trị hệ thống được ngừng tài khoản quản trị cấp tỉnh.");
        }
    }

    private static NotFound noSuchCommune() {
        return new NotFound("Không tìm thấy xã, phường này trong phạm vi bạn quản lý.");
    }

    private static NotFound noSuchProvince() {
        return new NotFound("Không tìm thấy tỉnh, thành phố này trong phạm vi bạn quản lý.");
    }
}
