package vn.loa.platform.tenancy;

/** Roles carried by the caller's token. Commune roles: EDITOR, LEADER, ADMIN; province: VIEWER; SYSADMIN. */
public enum Role {
    EDITOR, LEADER, ADMIN, VIEWER, SYSADMIN
}
