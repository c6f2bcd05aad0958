package vn.loa.notification.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.notification.inbox.Notification;
import vn.loa.notification.inbox.internal.Inbox;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;

@RestController
@Tag(name = "Thông báo")
public class InboxController {

    /** The caller's latest notifications (50) and how many are unread. */
    public record Bell(long unread, List<Notification> items) {
    }

    private final Inbox inbox;

    public InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications")
    @Operation(summary = "Thông báo của người đang đăng nhập (mới nhất trước) và số chưa đọc")
    public Bell mine(Caller caller) {
        if (!caller.isCommune()) {
            return new Bell(0, List.of()); // reminders are for a commune's people: others have none
        }
        return new Bell(inbox.unread(caller.tenantId(), caller.userId()),
                inbox.of(caller.tenantId(), caller.userId()));
    }

    @PostMapping("/api/notifications/{id}/read")
    @Operation(summary = "Đánh dấu một thông báo đã đọc")
    public ResponseEntity<Void> read(Caller caller, @PathVariable String id) {
        if (!caller.isCommune()) {
            throw new NotFound("Không tìm thấy thông báo này.");
        }
        inbox.read(caller.tenantId(), caller.userId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/notifications/read-all")
    @Operation(summary = "Đánh dấu mọi thông báo của người đang đăng nhập đã đọc")
    public ResponseEntity<Void> readAll(Caller caller) {
        if (caller.isCommune()) {
            inbox.readAll(caller.tenantId(), caller.userId());
        }
        return ResponseEntity.noContent().build();
    }
}
