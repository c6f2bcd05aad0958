package vn.loa.report.reminder.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.reminder.ReminderRun;
import vn.loa.report.reminder.RunResult;

@RestController
@Tag(name = "Nhắc việc")
public class ReminderController {

    private final ReminderRun run;

    public ReminderController(ReminderRun run) {
        this.run = run;
    }

    @PostMapping("/api/notifications/run")
    @Operation(summary = "Chạy nhắc việc ngay: quản trị hệ thống cho mọi xã, phường; quản trị cấp tỉnh cho các xã,"
            + " phường của tỉnh mình (mỗi nhắc việc chỉ gửi một lần)")
    public RunResult run(Caller caller) {
        if (caller.has(Role.SYSADMIN)) {
            return run.run(null);
        }
        if (caller.has(Role.PROVINCE_ADMIN) && CommuneDirectory.instance().isProvince(caller.tenantId())) {
            return run.run(TenantScope.communesOf(caller.tenantId()));
        }
        throw new Forbidden("Chỉ quản trị hệ thống hoặc quản trị cấp tỉnh được chạy nhắc việc.");
    }
}
