package vn.loa.notification.person.internal;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo data ({@code loa.demo.enabled}, set by {@code ./loa up}): the Zalo user ids of a seed commune's people
 * ({@code loa.notification.demo.zalo-users}: tenant → user name → id), set where they have none.
 */
@Component
@EnableConfigurationProperties(DemoPreferences.Settings.class)
class DemoPreferences {

    @ConfigurationProperties("loa.notification.demo")
    record Settings(@DefaultValue("false") boolean enabled, Map<String, Map<String, String>> zaloUsers) {

        Settings {
            zaloUsers = zaloUsers == null ? Map.of() : Map.copyOf(zaloUsers);
        }
    }

    private final Settings settings;
    private final PreferenceStore store;

    DemoPreferences(Settings settings, PreferenceStore store) {
        this.settings = settings;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (settings.enabled()) {
            settings.zaloUsers().forEach((tenant, users) -> users.forEach((username, id) ->
                    store.zaloIdIfNone(tenant, username, id)));
        }
    }
}
