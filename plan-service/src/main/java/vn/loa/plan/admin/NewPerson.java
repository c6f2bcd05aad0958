package vn.loa.plan.admin;

import java.util.List;

/**
 * A new account: user name, full name (họ và tên), email, roles, a first password and whether it must be changed at
 * the first login ({@code temporary}, true when absent).
 */
public record NewPerson(String username, String fullName, String email, List<String> roles, String password,
        Boolean temporary) {
}
