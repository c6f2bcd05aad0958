package vn.loa.plan.importing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.plan.importing.ImportedPlan;
import vn.loa.plan.importing.PlanImporter;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanView;
import vn.loa.plan.plan.Plans;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Caller;

/** {@code POST /api/plans/import}: a plan's .docx becomes a draft, with the list of what to check. */
@RestController
@Tag(name = "Kế hoạch")
class ImportController {

    /** The draft and what the import could not read or wants checked (also kept on the draft). */
    record ImportView(PlanView plan, List<ImportNote> problems) {
    }

    private final PlanImporter importer;
    private final Plans plans;

    ImportController(PlanImporter importer, Plans plans) {
        this.importer = importer;
        this.plans = plans;
    }

    @PostMapping(path = "/api/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Nhập kế hoạch từ tệp Word (.docx)", description = "Tạo dự thảo với các trường và danh mục "
            + "nhiệm vụ đọc được, kèm danh sách những gì chưa đọc được để người dùng kiểm tra. Tối đa 10 MB.")
    ResponseEntity<ImportView> importDocx(@RequestParam("file") MultipartFile file,
            @Parameter(hidden = true) Caller caller) {
        plans.requireDrafting(caller); // before reading a file the caller may not use
        ImportedPlan imported = importer.read(bytes(file));
        Plan draft = plans.createDraft(caller, Plans.newId(), imported.content(), imported.tasks(), imported.notes());
        return ResponseEntity.created(URI.create("/api/plans/" + draft.id()))
                .body(new ImportView(PlanView.of(draft), draft.importNotes()));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInput("file", "Không đọc được tệp tải lên: hãy thử lại.");
        }
    }
}
