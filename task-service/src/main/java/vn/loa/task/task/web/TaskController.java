package vn.loa.task.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.task.task.Credit;
import vn.loa.task.task.Progress;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;
import vn.loa.task.task.web.TaskViews.TaskDetail;
import vn.loa.task.task.web.TaskViews.TaskSummary;

/**
 * Tasks, their buckets and their credits, for the commune (and the province's reviewers, read-only). Another
 * commune's task answers 404, never 403: we do not confirm it exists.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Nhiệm vụ", description = "Nhiệm vụ của kế hoạch, chỉ tiêu theo kỳ và các lượt tính từ tin bài đã đăng")
class TaskController {

    static final int MAX_REASON = 500;

    private final Tasks tasks;
    private final Progress progress;
    private final Clock clock;

    TaskController(Tasks tasks, Progress progress, Clock clock) {
        this.tasks = tasks;
        this.progress = progress;
        this.clock = clock;
    }

    /** Optional body of a withdrawal; the reason may come as a query parameter instead. */
    record WithdrawalRequest(String reason) {
    }

    @GetMapping
    @Operation(summary = "Danh sách nhiệm vụ của một kế hoạch, kèm tiến độ từng kỳ")
    List<TaskSummary> ofPlan(@Parameter(description = "Mã kế hoạch") @RequestParam("plan") String planId,
            Caller caller) {
        Instant now = clock.instant();
        return tasks.ofPlan(TenantScope.readableBy(caller).criteria(), planId).stream()
                .filter(t -> caller.canRead(t.tenantId()))
                .map(t -> TaskViews.summary(t, progress, now))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một nhiệm vụ, kèm các lượt tính: tin bài nào, kênh nào, khi nào, chỉ định hay tự khớp")
    TaskDetail one(@PathVariable String id, Caller caller) {
        return TaskViews.detail(tasks.whole(find(id, caller)), progress, clock.instant());
    }

    @DeleteMapping("/{id}/credits/{creditId}")
    @Operation(summary = "Lãnh đạo rút một lượt tính sai, có nêu lý do; tin bài đó không được tính lại cho nhiệm vụ")
    TaskDetail withdraw(@PathVariable String id, @PathVariable String creditId,
            @RequestParam(name = "reason", required = false) String reasonParam,
            @RequestBody(required = false) WithdrawalRequest body, Caller caller) {
        Task task = find(id, caller);
        if (!caller.tenantId().equals(task.tenantId())) {
            throw new Forbidden("Chỉ lãnh đạo của chính xã, phường mới được rút lượt tính của nhiệm vụ.");
        }
        caller.require(Role.LEADER);
        String reason = reason(reasonParam, body);
        Credit credit = tasks.withCredit(task, creditId).flatMap(t -> t.credit(creditId))
                .orElseThrow(() -> new NotFound("Không tìm thấy lượt tính này trong nhiệm vụ."));
        if (!credit.active()) {
            throw new Conflict("Lượt tính này đã được rút trước đó.");
        }
        Instant now = clock.instant();
        Task after = tasks.change(task, t -> t.credit(creditId).filter(Credit::active).map(c -> {
            t.withdrawByLeader(c, caller.userId(), reason, now);
            return true;
        }).orElse(false));
        return TaskViews.detail(tasks.whole(after), progress, now);
    }

    private Task find(String id, Caller caller) {
        return tasks.byTaskId(TenantScope.readableBy(caller).criteria(), id)
                .filter(t -> caller.canRead(t.tenantId()))
                .orElseThrow(() -> new NotFound("Không tìm thấy nhiệm vụ."));
    }

    private static String reason(String param, WithdrawalRequest body) {
        String reason = param != null && !param.isBlank() ? param : body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "Vui lòng nêu lý do rút lượt tính.");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Lý do không được dài quá " + MAX_REASON + " ký tự.");
        }
        return reason.strip();
    }
}
