package vn.loa.notification.person.internal;

import java.util.List;
import java.util.Set;
import vn.loa.platform.tenancy.Role;

/** The people of a commune (its enabled accounts) with their roles. */
public interface PersonDirectory {

    record Person(String username, String fullName, String email, Set<Role> roles) {
    }

    List<Person> people(String tenant);
}
