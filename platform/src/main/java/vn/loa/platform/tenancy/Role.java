package vn.loa.platform.tenancy;

/**
 * Roles carried by the caller's token. Commune roles: EDITOR, LEADER, ADMIN; province: VIEWER (reviews its communes)
 * and PROVINCE_ADMIN (activates its communes and manages their administrators, docs/adr/0011); SYSADMIN.
 */
public enum Role {
    EDITOR, LEADER, ADMIN, VIEWER, SYSADMIN, PROVINCE_ADMIN
}
