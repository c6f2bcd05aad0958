package vn.loa.notification.person;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.notification.person.internal.PersonDirectory;
import vn.loa.notification.person.internal.PreferenceStore;
import vn.loa.platform.tenancy.Role;

/** Who gets a reminder: the commune's enabled people holding one of its roles, who have not muted its kind. */
@Component
public class People {

    private final PersonDirectory directory;
    private final PreferenceStore preferences;

    public People(PersonDirectory directory, PreferenceStore preferences) {
        this.directory = directory;
        this.preferences = preferences;
    }

    public List<Recipient> of(ReminderRaised reminder) {
        Set<String> roles = Set.copyOf(reminder.roles());
        return directory.people(reminder.tenantId()).stream()
                .filter(p -> p.roles().stream().map(Role::name).anyMatch(roles::contains))
                .map(p -> new Recipient(reminder.tenantId(), p.username(), p.fullName(), p.email(), p.roles(),
                        preferences.of(reminder.tenantId(), p.username())))
                .filter(r -> r.preferences().wants(reminder.kind()))
                .toList();
    }
}
