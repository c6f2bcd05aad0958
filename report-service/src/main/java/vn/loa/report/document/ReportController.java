package vn.loa.report.document;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;
import vn.loa.report.period.CommuneTime;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;

@RestController
@RequestMapping("/api/reports/{period}")
@Tag(name = "Báo cáo định kỳ")
public class ReportController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;
    private final ReportNotes notes;
    private final ReportingWindows windows;
    private final PdfRenderer pdf;
    private final Clock clock;

    public ReportController(Reports reports, ReportNotes notes, ReportingWindows windows, PdfRenderer pdf,
            Clock clock) {
        this.reports = reports;
        this.notes = notes;
        this.windows = windows;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Báo cáo định kỳ của xã (period = 2025-M08, 2025-Q3, 2025-H1, 2025-9M, 2025 hoặc"
            + " 2025-08-01..2025-09-30; format = json|docx|xlsx|pdf)")
    public ResponseEntity<?> report(Caller caller, @PathVariable String period,
            @RequestParam(name = "format", defaultValue = "json") String format,
            @RequestParam(name = "commune", required = false) String commune) {
        String code = readable(caller, commune);
        ReportPeriod p = parse(period, code);
        String fmt = format(format);
        ReportData data = reports.of(code, p, today());
        String file = "bao-cao-cchc-" + code + "-" + p.label().replace("..", "_");
        return switch (fmt) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(data);
            case "docx" -> download(DocxWriter.write(data), DOCX, file + ".docx");
            case "xlsx" -> download(XlsxWriter.commune(data), XLSX, file + ".xlsx");
            default -> download(pdf.render(DocxWriter.write(data)), MediaType.APPLICATION_PDF, file + ".pdf");
        };
    }

    @GetMapping("/province")
    @Operation(summary = "Báo cáo tổng hợp của tất cả các xã thuộc tỉnh (format = xlsx|json)")
    public ResponseEntity<?> province(Caller caller, @PathVariable String period,
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "province", required = false) String province) {
        String code = caller.has(Role.SYSADMIN) && province != null ? province : caller.tenantId();
        CommuneDirectory directory = CommuneDirectory.instance();
        if (!directory.isProvince(code) || !(caller.has(Role.VIEWER) || caller.has(Role.SYSADMIN))) {
            throw new NotFound("Không tìm thấy báo cáo tổng hợp của tỉnh.");
        }
        ReportPeriod p = windows.parse(period, code);
        if (!List.of("xlsx", "json").contains(format)) {
            throw new InvalidInput("format", "Báo cáo tổng hợp cấp tỉnh xuất được dạng xlsx hoặc json.");
        }
        CommuneDirectory.Province prov = directory.province(code).orElseThrow();
        LocalDate today = today();
        List<ReportData> all = prov.communes().stream().map(c -> reports.of(c.code(), p, today)).toList();
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(all);
        }
        return download(XlsxWriter.province(prov.name(), p.label(), p.inWords(), p.windowInWords(), all), XLSX,
                "bao-cao-cchc-tinh-" + code + "-" + p.label().replace("..", "_") + ".xlsx");
    }

    @GetMapping("/notes")
    @Operation(summary = "Phần tự viết của báo cáo: kết quả nổi bật, khó khăn, đề xuất, số văn bản, người ký")
    public Notes notes(Caller caller, @PathVariable String period,
            @RequestParam(name = "commune", required = false) String commune) {
        String code = readable(caller, commune);
        return notes.of(code, parse(period, code).label());
    }

    @PutMapping("/notes")
    @Operation(summary = "Ghi phần tự viết của báo cáo kỳ này (cán bộ của xã)")
    public Notes writeNotes(Caller caller, @PathVariable String period, @Valid @RequestBody Notes body) {
        if (!caller.isCommune()) {
            throw new NotFound("Không tìm thấy báo cáo của xã cho kỳ này.");
        }
        if (!caller.canWrite(caller.tenantId())) {
            throw new Forbidden("Bạn không có quyền sửa báo cáo của xã.");
        }
        return notes.save(caller.tenantId(), parse(period, caller.tenantId()).label(), body, caller.userId());
    }

    @ExceptionHandler(PdfRenderer.Unavailable.class)
    ResponseEntity<ProblemDetail> pdfUnavailable(PdfRenderer.Unavailable e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setTitle("Chưa xuất được PDF");
        p.setType(URI.create("https://loa.vn/problems/503"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /** The commune whose report is read: the caller's own, or (province reviewer, system admin) the one named. */
    private static String readable(Caller caller, String commune) {
        String code = commune == null ? caller.tenantId() : commune;
        if (!CommuneDirectory.instance().isCommune(code) || !caller.canRead(code)) {
            throw new NotFound("Không tìm thấy báo cáo của xã này.");
        }
        return code;
    }

    private ReportPeriod parse(String period, String commune) {
        return windows.parse(period, CommuneDirectory.instance().commune(commune)
                .map(CommuneDirectory.Commune::provinceCode).orElse(null));
    }

    private static String format(String format) {
        String f = format == null ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("json", "docx", "xlsx", "pdf").contains(f)) {
            throw new InvalidInput("format", "Định dạng '" + format + "' không được hỗ trợ. Chọn json, docx, xlsx"
                    + " hoặc pdf.");
        }
        return f;
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private LocalDate today() {
        return CommuneTime.dayOf(clock.instant());
    }
}
