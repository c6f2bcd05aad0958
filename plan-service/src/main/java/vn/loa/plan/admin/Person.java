package vn.loa.plan.admin;

import java.util.List;

/** An account of a commune or province as the administration shows it; {@code enabled} false: it cannot log in. */
public record Person(String username, String fullName, String email, List<String> roles, boolean enabled) {
}
