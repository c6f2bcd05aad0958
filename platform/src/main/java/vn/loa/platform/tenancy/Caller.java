package vn.loa.platform.tenancy;

import java.util.Set;

/**
 * Who is calling: the tenant (a commune code, or a province code for a VIEWER), the user and their roles. Resolved
 * from the headers the gateway sets after validating the token; a controller takes it as a parameter.
 */
public record Caller(String tenantId, String userId, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller is staff of a commune (as opposed to a province reviewer or a system administrator). */
    public boolean isCommune() {
        return CommuneDirectory.instance().isCommune(tenantId);
    }

    /**
     * Whether the caller may read a commune's data: its own staff, a VIEWER of the commune's province, or a
     * SYSADMIN. Writing is for the commune's own staff only ({@link #canWrite}).
     */
    public boolean canRead(String communeCode) {
        if (tenantId.equals(communeCode) || has(Role.SYSADMIN)) {
            return true;
        }
        return has(Role.VIEWER) && CommuneDirectory.instance().inProvince(communeCode, tenantId);
    }

    /** Whether the caller may change a commune's data: only that commune's own staff. */
    public boolean canWrite(String communeCode) {
        return tenantId.equals(communeCode) && (has(Role.EDITOR) || has(Role.LEADER) || has(Role.ADMIN));
    }

    /**
     * Whether the caller administers a commune: its own {@link Role#ADMIN}, its province's {@link Role#PROVINCE_ADMIN}
     * or a {@link Role#SYSADMIN} (docs/adr/0011). False for a code that is no commune of the directory.
     */
    public boolean canAdminister(String communeCode) {
        CommuneDirectory directory = CommuneDirectory.instance();
        if (communeCode == null || !directory.isCommune(communeCode)) {
            return false;
        }
        return has(Role.SYSADMIN)
                || (has(Role.ADMIN) && tenantId.equals(communeCode))
                || (has(Role.PROVINCE_ADMIN) && directory.inProvince(communeCode, tenantId));
    }

    /** Throws {@link Forbidden} unless the caller holds one of the roles. */
    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (has(role)) {
                return;
            }
        }
        throw new Forbidden("Bạn không có quyền thực hiện thao tác này.");
    }
}
