package vn.loa.report.replay.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.report.replay.Rebuild;

@RestController
@RequestMapping("/api/dashboard/rebuild")
@Tag(name = "Quản trị")
public class RebuildController {

    private final Rebuild rebuild;

    public RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @Operation(summary = "Xóa và dựng lại toàn bộ dữ liệu bảng điều khiển từ đầu các topic sự kiện (SYSADMIN)")
    public ResponseEntity<Rebuild.Progress> start(Caller caller) {
        caller.require(Role.SYSADMIN);
        if (!rebuild.start()) {
            throw new Conflict("Đang dựng lại dữ liệu bảng điều khiển; vui lòng chờ lần trước hoàn tất.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.progress());
    }

    @GetMapping
    @Operation(summary = "Tiến độ dựng lại: số sự kiện đã đọc / tổng số, đã xong chưa (SYSADMIN)")
    public Rebuild.Progress progress(Caller caller) {
        caller.require(Role.SYSADMIN);
        return rebuild.progress();
    }
}
