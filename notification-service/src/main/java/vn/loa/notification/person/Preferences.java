package vn.loa.notification.person;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import vn.loa.contracts.notification.ReminderKind;

/**
 * How a person wants reminders: which ways (in the app, by e-mail, on Zalo) and which kinds not at all. The Zalo user
 * id is the one the commune's Zalo Official Account knows the person by.
 */
public record Preferences(boolean inApp, boolean email, boolean zalo,
        @Size(max = 64, message = "Mã người dùng Zalo dài tối đa 64 ký tự.")
        @Pattern(regexp = "[0-9]*", message = "Mã người dùng Zalo chỉ gồm chữ số.") String zaloUserId,
        Set<ReminderKind> muted) {

    public Preferences {
        muted = muted == null ? Set.of() : Set.copyOf(muted);
        zaloUserId = zaloUserId == null || zaloUserId.isBlank() ? null : zaloUserId.strip();
    }

    /** Everything on, nothing muted, no Zalo id: what a person has before choosing. */
    public static Preferences defaults() {
        return new Preferences(true, true, true, null, Set.of());
    }

    public boolean wants(ReminderKind kind) {
        return !muted.contains(kind);
    }
}
