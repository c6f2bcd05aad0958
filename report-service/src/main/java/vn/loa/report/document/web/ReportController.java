package vn.loa.report.document.web;

import vn.loa.platform.time.VnTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.document.DocxWriter;
import vn.loa.report.document.Notes;
import vn.loa.report.document.PdfRenderer;
import vn.loa.report.document.ReportArchive;
import vn.loa.report.document.ReportData;
import vn.loa.report.document.ReportNotes;
import vn.loa.report.document.Reports;
import vn.loa.report.document.XlsxWriter;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.submission.Submission;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions;

@RestController
@RequestMapping("/api/reports/{period}")
@Tag(name = "Báo cáo định kỳ")
public class ReportController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Reports reports;
    private final ReportNotes notes;
    private final ReportArchive archive;
    private final Submissions submissions;
    private final ReportingWindows windows;
    private final PdfRenderer pdf;
    private final Validator validator;
    private final Clock clock;

    public ReportController(Reports reports, ReportNotes notes, ReportArchive archive, Submissions submissions,
            ReportingWindows windows, PdfRenderer pdf, Validator validator, Clock clock) {
        this.reports = reports;
        this.notes = notes;
        this.archive = archive;
        this.submissions = submissions;
        this.windows = windows;
        this.pdf = pdf;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Báo cáo định kỳ của xã (period = 2025-M08, 2025-Q3, 2025-H1, 2025-9M, 2025 hoặc"
            + " 2025-08-01..2025-09-30; format = json|docx|xlsx|pdf). Báo cáo đã được tỉnh tiếp nhận được trả đúng"
            + " bản đã lưu lúc tiếp nhận.")
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
            case "docx" -> download(docx(code, p, data), DOCX, file + ".docx");
            case "xlsx" -> download(frozen(code, p, data, ReportArchive.Format.XLSX)
                    .orElseGet(() -> XlsxWriter.commune(data)), XLSX, file + ".xlsx");
            default -> download(pdf.render(docx(code, p, data)), MediaType.APPLICATION_PDF, file + ".pdf");
        };
    }

    /** The Word report: the bytes frozen at acceptance, or written now. */
    private byte[] docx(String code, ReportPeriod p, ReportData data) {
        return frozen(code, p, data, ReportArchive.Format.DOCX).orElseGet(() -> DocxWriter.write(data));
    }

    private java.util.Optional<byte[]> frozen(String code, ReportPeriod p, ReportData data,
            ReportArchive.Format format) {
        return data.frozenAt() == null ? java.util.Optional.empty() : archive.file(code, p.label(), format);
    }

    @GetMapping("/province")
    @Operation(summary = "Báo cáo tổng hợp của tất cả các xã thuộc tỉnh (format = xlsx|json)")
    public ResponseEntity<?> province(Caller caller, @PathVariable String period,
            @RequestParam(name = "format", defaultValue = "xlsx") String format,
            @RequestParam(name = "province", required = false) String province) {
        CommuneDirectory.Province prov = TenantScope.readableBy(caller).wholeProvince(province)
                .orElseThrow(() -> new NotFound("Không tìm thấy báo cáo tổng hợp của tỉnh."));
        String code = prov.code();
        ReportPeriod p = windows.parse(period, code);
        if (!List.of("xlsx", "json").contains(format)) {
            throw new InvalidInput("format", "Báo cáo tổng hợp cấp tỉnh xuất được dạng xlsx hoặc json.");
        }
        LocalDate today = today();
        List<ReportData> all = reports.of(prov.communes().stream().map(CommuneDirectory.Commune::code).toList(), p,
                today);
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(all);
        }
        return download(XlsxWriter.province(prov.name(), p.label(), p.inWords(), p.windowInWords(), all), XLSX,
                "bao-cao-cchc-tinh-" + code + "-" + p.label().replace("..", "_") + ".xlsx");
    }

    @GetMapping("/notes")
    @Operation(summary = "Phần tự viết của báo cáo: kết quả nổi bật, khó khăn, đề xuất, số văn bản, người ký, kính"
            + " gửi, nơi nhận; kèm phần sẽ in ra (effective) và readOnly khi tỉnh đã tiếp nhận")
    public NotesView notes(Caller caller, @PathVariable String period,
            @RequestParam(name = "commune", required = false) String commune) {
        String code = readable(caller, commune);
        ReportPeriod p = parse(period, code);
        Submission submission = submissions.of(code, p.label());
        if (submission.frozenAt() != null) {
            var frozen = archive.data(code, p.label());
            if (frozen.isPresent()) {
                ReportData d = frozen.get();
                return NotesView.of(d.notes(), d.addressing(), true, d.frozenAt());
            }
        }
        Notes current = notes.of(code, p.label());
        return NotesView.of(current, reports.addressing(code, p, current),
                submission.state() == SubmissionState.ACCEPTED, null);
    }

    @PutMapping("/notes")
    @Operation(summary = "Ghi phần tự viết của báo cáo kỳ này (cán bộ của xã). Trường không gửi giữ nguyên; null trở"
            + " về mặc định. Báo cáo đã được tỉnh tiếp nhận thì không sửa được (409).")
    public NotesView writeNotes(Caller caller, @PathVariable String period, @RequestBody JsonNode body) {
        if (!caller.isCommune()) {
            throw new NotFound("Không tìm thấy báo cáo của xã cho kỳ này.");
        }
        if (!caller.canWrite(caller.tenantId())) {
            throw new Forbidden("Bạn không có quyền sửa báo cáo của xã.");
        }
        String code = caller.tenantId();
        ReportPeriod p = parse(period, code);
        Submission submission = submissions.of(code, p.label());
        if (submission.state() == SubmissionState.ACCEPTED) {
            throw new Conflict(frozenMessage(p, submission));
        }
        Notes given = notesFrom(body);
        Set<String> present = new HashSet<>(body.propertyNames());
        present.retainAll(Notes.FIELDS);
        Notes merged = notes.of(code, p.label()).with(given, present);
        notes.save(code, p.label(), merged, caller.userId());
        return NotesView.of(merged, reports.addressing(code, p, merged), false, null);
    }

    /** "Báo cáo quý III năm 2025 đã được tỉnh tiếp nhận ngày 16/12/2025 nên không thể sửa nữa; …" */
    static String frozenMessage(ReportPeriod p, Submission s) {
        java.time.Instant at = s.frozenAt();
        if (at == null) {
            at = s.history().isEmpty() ? null : s.history().getLast().at();
        }
        String day = at == null ? "" : " ngày " + VnTime.display(VnTime.dayOf(at));
        return "Báo cáo " + p.inWords() + " đã được tỉnh tiếp nhận" + day + " nên không thể sửa nữa; bản Word, Excel"
                + " được giữ nguyên như lúc tiếp nhận.";
    }

    /** The body as notes, checked like any other input: Vietnamese messages per field. */
    private Notes notesFrom(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("", "Phần tự viết của báo cáo phải được gửi dưới dạng một đối tượng JSON.");
        }
        Notes given;
        try {
            given = JSON.treeToValue(body, Notes.class);
        } catch (JacksonException e) {
            throw new InvalidInput("", "Dữ liệu gửi lên không hợp lệ: các mục “Kính gửi”, “Nơi nhận” là danh sách"
                    + " chuỗi, các mục còn lại là chuỗi.");
        }
        Set<ConstraintViolation<Notes>> violations = validator.validate(given);
        if (!violations.isEmpty()) {
            List<InvalidInput.FieldProblem> fields = violations.stream()
                    .map(v -> new InvalidInput.FieldProblem(
                            v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(InvalidInput.FieldProblem::field))
                    .toList();
            throw new InvalidInput("Dữ liệu chưa hợp lệ ở " + fields.size() + " trường. Vui lòng kiểm tra lại.",
                    fields);
        }
        return given;
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
        if (!TenantScope.readableBy(caller).permits(code)) {
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
        return VnTime.dayOf(clock.instant());
    }
}
