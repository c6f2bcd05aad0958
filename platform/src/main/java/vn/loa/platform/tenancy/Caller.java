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
