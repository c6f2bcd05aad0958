package vn.loa.report.dashboard.web;

import vn.loa.platform.time.VnTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.dashboard.CommuneDashboard;
import vn.loa.report.dashboard.Dashboards;
import vn.loa.report.dashboard.ProvinceDashboard;
import vn.loa.report.dashboard.ProvinceDashboards;

@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Bảng điều khiển")
public class DashboardController {

    private final Dashboards dashboards;
    private final ProvinceDashboards provinces;
    private final Clock clock;

    public DashboardController(Dashboards dashboards, ProvinceDashboards provinces, Clock clock) {
        this.dashboards = dashboards;
        this.provinces = provinces;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Bảng điều khiển của xã đang đăng nhập")
    public CommuneDashboard own(Caller caller) {
        if (!caller.isCommune()) {
            throw new NotFound("Tài khoản cấp tỉnh xem bảng tổng hợp tại /api/dashboard/province.");
        }
        return dashboards.commune(caller.tenantId(), today());
    }

    @GetMapping("/communes/{code}")
    @Operation(summary = "Bảng điều khiển của một xã (xã mình, hoặc xã thuộc tỉnh của tài khoản cấp tỉnh)")
    public CommuneDashboard commune(Caller caller, @PathVariable String code) {
        if (!TenantScope.readableBy(caller).permits(code)) {
            throw new NotFound("Không tìm thấy xã có mã " + code + ".");
        }
        return dashboards.commune(code, today());
    }

    @GetMapping("/province")
    @Operation(summary = "Bảng tổng hợp các xã của tỉnh, sắp xếp được (sort=name|code|tasks|met|atRisk|missed|"
            + "publications|reached|submission, dir=asc|desc)")
    public ProvinceDashboard province(Caller caller,
            @RequestParam(name = "province", required = false) String province,
            @RequestParam(name = "sort", defaultValue = "missed") String sort,
            @RequestParam(name = "dir", required = false) String dir,
            @RequestParam(name = "report", required = false) String report) {
        String code = TenantScope.readableBy(caller).wholeProvince(province).map(CommuneDirectory.Province::code)
                .orElseThrow(() -> new NotFound("Không tìm thấy bảng tổng hợp của tỉnh."));
        return provinces.of(code, today(), report, sort, dir);
    }

    private LocalDate today() {
        return VnTime.dayOf(clock.instant());
    }
}
