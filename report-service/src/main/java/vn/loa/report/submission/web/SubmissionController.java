package vn.loa.report.submission.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.submission.AcceptedReports;
import vn.loa.report.submission.Submission;
import vn.loa.report.submission.Submissions;

@RestController
@RequestMapping("/api/reports/{period}")
@Tag(name = "Báo cáo định kỳ")
public class SubmissionController {

    /** Why a report is returned. */
    public record Reason(String reason) {
    }

    private final Submissions submissions;
    private final ReportingWindows windows;
    private final AcceptedReports reports;

    public SubmissionController(Submissions submissions, ReportingWindows windows, AcceptedReports reports) {
        this.submissions = submissions;
        this.windows = windows;
        this.reports = reports;
    }

    @GetMapping("/submission")
    @Operation(summary = "Trạng thái gửi báo cáo của xã (xã mình, hoặc ?commune= với tài khoản cấp tỉnh)")
    public Submission state(Caller caller, @PathVariable String period,
            @RequestParam(name = "commune", required = false) String commune) {
        String code = commune == null ? caller.tenantId() : commune;
        if (!TenantScope.readableBy(caller).permits(code)) {
            throw new NotFound("Không tìm thấy báo cáo của xã này.");
        }
        return submissions.of(code, parse(period, code).label());
    }

    @PostMapping("/submit")
    @Operation(summary = "Lãnh đạo xã gửi báo cáo kỳ này lên tỉnh (DRAFT/RETURNED → SUBMITTED)")
    public Submission submit(Caller caller, @PathVariable String period) {
        return submissions.submit(caller, parse(period, caller.tenantId()));
    }

    @PostMapping("/accept")
    @Operation(summary = "Tỉnh tiếp nhận báo cáo của một xã (SUBMITTED → ACCEPTED); bản Word, Excel được lưu cố"
            + " định từ lúc này")
    public Submission accept(Caller caller, @PathVariable String period,
            @RequestParam(name = "commune") String commune) {
        ReportPeriod p = parse(period, commune);
        return submissions.accept(caller, commune, p, reports);
    }

    @PostMapping("/return")
    @Operation(summary = "Tỉnh trả lại báo cáo của một xã, kèm lý do (SUBMITTED → RETURNED)")
    public Submission giveBack(Caller caller, @PathVariable String period,
            @RequestParam(name = "commune") String commune, @RequestBody(required = false) Reason reason) {
        return submissions.giveBack(caller, commune, parse(period, commune), reason == null ? null : reason.reason());
    }

    private ReportPeriod parse(String period, String commune) {
        String province = CommuneDirectory.instance().commune(commune)
                .map(CommuneDirectory.Commune::provinceCode).orElse(null);
        return windows.parse(period, province);
    }
}
