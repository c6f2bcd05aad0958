package vn.loa.notification.person.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.notification.person.Preferences;
import vn.loa.notification.person.internal.PreferenceStore;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;

@RestController
@Tag(name = "Thông báo")
public class PreferencesController {

    private final PreferenceStore store;

    public PreferencesController(PreferenceStore store) {
        this.store = store;
    }

    @GetMapping("/api/notifications/preferences")
    @Operation(summary = "Cách nhận nhắc việc của người đang đăng nhập: trong ứng dụng, thư điện tử, Zalo; loại tắt")
    public Preferences mine(Caller caller) {
        commune(caller);
        return store.of(caller.tenantId(), caller.userId());
    }

    @PutMapping("/api/notifications/preferences")
    @Operation(summary = "Lưu cách nhận nhắc việc của người đang đăng nhập")
    public Preferences save(Caller caller, @Valid @RequestBody Preferences preferences) {
        commune(caller);
        return store.save(caller.tenantId(), caller.userId(), preferences);
    }

    /** Reminders are for a commune's people; other accounts have none to set. */
    static void commune(Caller caller) {
        if (!caller.isCommune()) {
            throw new NotFound("Nhắc việc chỉ dành cho cán bộ của xã, phường.");
        }
    }
}
