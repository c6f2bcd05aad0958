package vn.loa.content.item.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.content.engagement.EngagementFigures;
import vn.loa.content.item.ContentStatus;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Editorial.ItemInput;
import vn.loa.content.item.Items;
import vn.loa.platform.time.VnTime;
import vn.loa.content.item.web.ItemViews.ItemSummary;
import vn.loa.content.item.web.ItemViews.ItemView;
import vn.loa.content.item.web.ItemViews.Page;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.TenantScope;

/** Content items: write, submit, approve or reject, publish (now or later), retract, and what happened. */
@RestController
@RequestMapping("/api/contents")
@Tag(name = "Tin, bài", description = "Viết, duyệt, đăng tin bài trên các kênh và theo dõi kết quả")
class ContentController {

    private final Editorial editorial;
    private final Items items;
    private final EngagementFigures engagement;

    ContentController(Editorial editorial, Items items, EngagementFigures engagement) {
        this.editorial = editorial;
        this.items = items;
        this.engagement = engagement;
    }

    record ReasonRequest(String reason) {
    }

    record PublishRequest(String at) {
    }

    record OutsidePublication(String channel, String url, String publishedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo tin, bài nháp")
    ItemView create(@RequestBody ItemInput input, Caller caller) {
        return ItemViews.of(editorial.create(input, caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một tin, bài với kết quả đăng trên từng kênh và lịch sử")
    ItemView one(@PathVariable String id, Caller caller) {
        var item = editorial.readable(id, caller);
        return ItemViews.of(item, engagement.of(item.tenantId(), item.id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Sửa tin, bài; sửa tin đã duyệt thì phải duyệt lại")
    ItemView edit(@PathVariable String id, @RequestBody ItemInput input, Caller caller) {
        return ItemViews.of(editorial.edit(id, input, caller));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Gửi lãnh đạo duyệt")
    ItemView submit(@PathVariable String id, Caller caller) {
        return ItemViews.of(editorial.submit(id, caller));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Lãnh đạo duyệt (không phải người viết)")
    ItemView approve(@PathVariable String id, Caller caller) {
        return ItemViews.of(editorial.approve(id, caller));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Lãnh đạo trả lại, có nêu lý do")
    ItemView reject(@PathVariable String id, @RequestBody(required = false) ReasonRequest body, Caller caller) {
        return ItemViews.of(editorial.reject(id, body == null ? null : body.reason(), caller));
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Đăng ngay hoặc hẹn giờ (at, giờ Việt Nam); đăng lại tin đang/đã đăng không có tác dụng")
    ItemView publish(@PathVariable String id, @RequestBody(required = false) PublishRequest body,
            @RequestParam(name = "at", required = false) String atParam, Caller caller) {
        String at = atParam != null ? atParam : body == null ? null : body.at();
        return ItemViews.of(editorial.publish(id, at, caller));
    }

    @PostMapping("/{id}/retract")
    @Operation(summary = "Lãnh đạo gỡ tin, bài khỏi mọi kênh đã đăng")
    ItemView retract(@PathVariable String id, @RequestBody(required = false) ReasonRequest body, Caller caller) {
        return ItemViews.of(editorial.retract(id, body == null ? null : body.reason(), caller));
    }

    @PostMapping("/{id}/publications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ghi nhận tin, bài đã đăng ở nơi khác (trang CCHC của tỉnh, báo chí) với URL và thời điểm")
    ItemView outside(@PathVariable String id, @RequestBody OutsidePublication body, Caller caller) {
        if (body == null) {
            throw new InvalidInput("channel", "Vui lòng nhập kênh, đường dẫn và thời điểm đăng.");
        }
        return ItemViews.of(editorial.recordOutside(id, body.channel(), body.url(), body.publishedAt(), caller));
    }

    @PostMapping("/{id}/publications/{channel}/retry")
    @Operation(summary = "Thử đăng lại trên một kênh đã thất bại (lần thử mới)")
    ItemView retry(@PathVariable String id, @PathVariable String channel, Caller caller) {
        return ItemViews.of(editorial.retry(id, channel, caller));
    }

    @GetMapping
    @Operation(summary = "Danh sách tin, bài (lọc theo trạng thái, nhiệm vụ, ngày tạo từ/đến), phân trang")
    Page<ItemSummary> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String task, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        if (page < 0) {
            throw new InvalidInput("page", "Số trang phải từ 0 trở lên.");
        }
        if (size < 1 || size > 100) {
            throw new InvalidInput("size", "Số dòng mỗi trang phải từ 1 đến 100.");
        }
        List<Criteria> all = new ArrayList<>();
        all.add(TenantScope.readableBy(caller).criteria());
        if (status != null && !status.isBlank()) {
            ContentStatus s;
            try {
                s = ContentStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "Trạng thái '" + status + "' không hợp lệ.");
            }
            all.add(Criteria.where("status").is(s.name()));
        }
        if (task != null && !task.isBlank()) {
            all.add(Criteria.where("taskIds").is(task.strip()));
        }
        if (from != null && !from.isBlank()) {
            all.add(Criteria.where("createdAt").gte(day(from, "from")));
        }
        if (to != null && !to.isBlank()) {
            all.add(Criteria.where("createdAt").lt(VnTime.startOf(VnTime.date(to).orElseThrow(() -> badDate("to"))
                    .plusDays(1))));
        }
        Criteria filter = new Criteria().andOperator(all.toArray(Criteria[]::new));
        return new Page<>(items.page(filter, page, size).stream().map(ItemViews::summary).toList(), page, size,
                items.count(filter));
    }

    private static Instant day(String text, String field) {
        return VnTime.startOf(VnTime.date(text).orElseThrow(() -> badDate(field)));
    }

    private static InvalidInput badDate(String field) {
        return new InvalidInput(field, "Ngày không hợp lệ; hãy nhập theo dạng dd/MM/yyyy, ví dụ 02/09/2025.");
    }
}
