package vn.loa.content.activity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.content.activity.Activities;
import vn.loa.content.activity.Activity;
import vn.loa.content.attachment.AttachmentStore;
import vn.loa.content.attachment.FileResponses;
import vn.loa.content.attachment.Uploads;
import vn.loa.content.item.Attachment;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.time.VnTime;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.TenantScope;

/** Activities held (dialogues, conferences, contests, trainings): recorded, listed, withdrawn. */
@RestController
@RequestMapping("/api/activities")
@Tag(name = "Hoạt động", description = "Đối thoại, hội nghị, cuộc thi, tập huấn đã tổ chức")
class ActivityController {

    private final Activities activities;
    private final Uploads uploads;
    private final AttachmentStore store;

    ActivityController(Activities activities, Uploads uploads, AttachmentStore store) {
        this.activities = activities;
        this.uploads = uploads;
        this.store = store;
    }

    record AttachmentView(String id, String fileName, String mediaType, long size, String url) {
    }

    record ActivityView(String id, String tenantId, String kind, String kindCode, String title, String summary,
            String heldOn, String place, Integer participants, List<String> themes, List<String> taskIds,
            String unit, String recordedBy, String recordedAt, String status, String publishedAt,
            String withdrawnBy, String withdrawnAt, String withdrawalReason, List<AttachmentView> attachments) {
    }

    record Page(List<ActivityView> items, int page, int size, long total) {
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ghi nhận một hoạt động đã tổ chức (không qua kênh đăng)")
    ActivityView record(@RequestBody Activities.ActivityInput input, Caller caller) {
        return view(activities.record(input, caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một hoạt động")
    ActivityView one(@PathVariable String id, Caller caller) {
        return view(activities.readable(id, caller));
    }

    @GetMapping
    @Operation(summary = "Danh sách hoạt động, mới nhất trước")
    Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Caller caller) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidInput("size", "Trang từ 0, mỗi trang từ 1 đến 100 dòng.");
        }
        Criteria scope = TenantScope.readableBy(caller).criteria();
        return new Page(activities.list(scope, page, size).stream().map(ActivityController::view).toList(), page,
                size, activities.count(scope));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Rút bản ghi hoạt động (ghi nhận sai)")
    ActivityView withdraw(@PathVariable String id, @RequestParam(required = false) String reason, Caller caller) {
        return view(activities.withdraw(id, reason, caller));
    }

    @PostMapping("/{id}/retract")
    @Operation(summary = "Rút bản ghi hoạt động (như DELETE), có thể nêu lý do")
    ActivityView retract(@PathVariable String id, @RequestBody(required = false) ReasonRequest body,
            Caller caller) {
        return view(activities.withdraw(id, body == null ? null : body.reason(), caller));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Thêm minh chứng (biên bản, ảnh) cho hoạt động; kiểm tra theo nội dung tệp")
    ActivityView attach(@PathVariable String id, @RequestParam("file") MultipartFile file, Caller caller) {
        Activity activity = activities.writable(id, caller);
        Uploads.Checked checked = uploads.check(file);
        String attachmentId = store.store(activity.tenantId(), activity.id(), checked.fileName(), checked.type(),
                checked.data());
        try {
            return view(activities.attach(id, new Attachment(attachmentId, checked.fileName(),
                    checked.type().mediaType(), checked.data().length, null, null), caller));
        } catch (RuntimeException refused) {
            store.delete(attachmentId);
            throw refused;
        }
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Tải minh chứng của hoạt động về")
    ResponseEntity<InputStreamResource> file(@PathVariable String id, @PathVariable String attachmentId,
            Caller caller) throws IOException {
        Activity activity = activities.readable(id, caller);
        return FileResponses.inline(store.read(activity.tenantId(), activity.id(), attachmentId));
    }

    static ActivityView view(Activity a) {
        return new ActivityView(a.id(), a.tenantId(), a.kind().name(), a.kind().code(), a.title(), a.summary(),
                a.heldOn().toString(), a.place(), a.participants(), a.themes(), a.taskIds(), a.unit(),
                a.recordedBy(), VnTime.offset(a.recordedAt()), a.status(), VnTime.offset(VnTime.startOf(a.heldOn())),
                a.withdrawnBy(), VnTime.offset(a.withdrawnAt()), a.withdrawalReason(),
                a.attachments().stream().map(f -> new AttachmentView(f.id(), f.fileName(), f.mediaType(), f.size(),
                        "/api/activities/" + a.id() + "/attachments/" + f.id())).toList());
    }
}
