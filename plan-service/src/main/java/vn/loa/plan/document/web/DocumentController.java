package vn.loa.plan.document.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.plan.document.PlanDocument;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.Plans;
import vn.loa.platform.tenancy.Caller;

/** {@code GET /api/plans/{id}/document}: the plan as its Word file, for whoever may read the plan. */
@RestController
@Tag(name = "Kế hoạch")
class DocumentController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Plans plans;

    DocumentController(Plans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/plans/{id}/document")
    @Operation(summary = "Tải kế hoạch dạng Word (.docx)", description = "Kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP "
            + "kèm Phụ lục I (danh mục nhiệm vụ hiện hành). Tệp nhập lại được qua POST /api/plans/import.")
    ResponseEntity<byte[]> document(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        Plan plan = plans.get(caller, id);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(PlanDocument.fileName(plan), StandardCharsets.UTF_8).build().toString())
                .body(PlanDocument.write(plan));
    }
}
