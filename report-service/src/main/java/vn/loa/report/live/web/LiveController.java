package vn.loa.report.live.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.live.LiveStream;

@RestController
@Tag(name = "Bảng điều khiển")
public class LiveController {

    private final LiveStream stream;

    public LiveController(LiveStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Luồng cập nhật trực tiếp (Server-Sent Events) của xã hoặc của các xã thuộc tỉnh;"
            + " gửi lại header Last-Event-ID khi kết nối lại để nhận các thay đổi đã bỏ lỡ")
    public SseEmitter stream(Caller caller,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        if (TenantScope.readableBy(caller).isEmpty()) {
            throw new NotFound("Không tìm thấy luồng cập nhật cho tài khoản này.");
        }
        return stream.subscribe(caller, lastEventId);
    }
}
