package vn.loa.notification.person;

import java.util.Set;
import vn.loa.platform.tenancy.Role;

/** A person of a commune a reminder is addressed to, with what they chose. */
public record Recipient(String tenant, String username, String fullName, String email, Set<Role> roles,
        Preferences preferences) {
}
