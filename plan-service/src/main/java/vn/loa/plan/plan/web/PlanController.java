package vn.loa.plan.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.plan.AmendRequest;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.PlanView;
import vn.loa.plan.plan.Plans;
import vn.loa.plan.plan.TaskRequest;
import vn.loa.platform.tenancy.Caller;

/** {@code /api/plans}: plans and their annex tasks. The tenant always comes from the caller, never from the body. */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Kế hoạch", description = "Kế hoạch tuyên truyền CCHC và danh mục nhiệm vụ")
class PlanController {

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @PostMapping
    @Operation(summary = "Tạo dự thảo kế hoạch")
    ResponseEntity<PlanView> create(@RequestBody PlanContent content, @Parameter(hidden = true) Caller caller) {
        PlanView view = PlanView.of(plans.create(caller, content));
        return ResponseEntity.created(URI.create("/api/plans/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "Danh sách kế hoạch", description = "Của xã, phường đang đăng nhập; với tài khoản xem của "
            + "tỉnh, thành phố: của các xã, phường trực thuộc (hoặc một xã qua tham số tenant).")
    List<PlanView.Summary> list(@RequestParam(required = false) String tenant,
            @Parameter(hidden = true) Caller caller) {
        return plans.list(caller, tenant).stream().map(PlanView.Summary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Chi tiết kế hoạch và danh mục nhiệm vụ")
    PlanView get(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return PlanView.of(plans.get(caller, id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa dự thảo kế hoạch")
    PlanView revise(@PathVariable String id, @RequestBody PlanContent content,
            @Parameter(hidden = true) Caller caller) {
        return PlanView.of(plans.revise(caller, id, content));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Xóa dự thảo kế hoạch")
    ResponseEntity<Void> delete(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        plans.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/tasks/{taskId}")
    @Operation(summary = "Một nhiệm vụ của kế hoạch")
    AnnexTask task(@PathVariable String id, @PathVariable String taskId, @Parameter(hidden = true) Caller caller) {
        return plans.task(caller, id, taskId);
    }

    @PostMapping("/{id}/tasks")
    @Operation(summary = "Thêm nhiệm vụ vào dự thảo")
    ResponseEntity<AnnexTask> addTask(@PathVariable String id, @RequestBody TaskRequest task,
            @Parameter(hidden = true) Caller caller) {
        AnnexTask added = plans.addTask(caller, id, task);
        return ResponseEntity.created(URI.create("/api/plans/" + id + "/tasks/" + added.id())).body(added);
    }

    @PutMapping("/{id}/tasks/{taskId}")
    @Operation(summary = "Sửa nhiệm vụ của dự thảo")
    AnnexTask changeTask(@PathVariable String id, @PathVariable String taskId, @RequestBody TaskRequest task,
            @Parameter(hidden = true) Caller caller) {
        return plans.changeTask(caller, id, taskId, task);
    }

    @DeleteMapping("/{id}/tasks/{taskId}")
    @Operation(summary = "Xóa nhiệm vụ khỏi dự thảo")
    ResponseEntity<Void> removeTask(@PathVariable String id, @PathVariable String taskId,
            @Parameter(hidden = true) Caller caller) {
        plans.removeTask(caller, id, taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/issue")
    @Operation(summary = "Ban hành kế hoạch (lãnh đạo)", description = "Phát sự kiện PlanIssued.")
    PlanView issue(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return PlanView.of(plans.issue(caller, id));
    }

    @PostMapping("/{id}/amend")
    @Operation(summary = "Điều chỉnh kế hoạch đã ban hành (lãnh đạo)", description = "Phát sự kiện PlanAmended.")
    PlanView amend(@PathVariable String id, @RequestBody AmendRequest amendment,
            @Parameter(hidden = true) Caller caller) {
        return PlanView.of(plans.amend(caller, id, amendment));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Đóng kế hoạch (lãnh đạo)", description = "Phát sự kiện PlanClosed.")
    PlanView close(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return PlanView.of(plans.close(caller, id));
    }
}
