package vn.loa.content.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.loa.content.item.Attachment;
import vn.loa.platform.time.VnTime;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.InvalidInput.FieldProblem;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Forbidden;

/**
 * Activities held by a commune ({@code activities} collection). Recording one emits {@code ContentPublished} with
 * channel null and {@code publishedAt} = the start of the day it was held in Asia/Ho_Chi_Minh, written with the
 * document in one insert; withdrawing emits {@code ContentRetracted} with channel null, in the status-guarded update.
 */
@Service
public class Activities {

    public static final String COLLECTION = "activities";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    public Activities(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record ActivityInput(String kind, String title, String summary, String heldOn, String place,
            Integer participants, List<String> themes, List<String> taskIds, String unit) {
    }

    public Activity record(ActivityInput in, Caller caller) {
        return record(UUID.randomUUID().toString(), in, caller);
    }

    /**
     * The same under a given id (the demo's fixed ids, so that a second start records nothing new); a second record
     * under the same id fails with the database's duplicate key error.
     */
    public Activity record(String id, ActivityInput in, Caller caller) {
        if (!caller.isCommune() || !caller.canWrite(caller.tenantId())) {
            throw new Forbidden("Chỉ cán bộ xã, phường mới được ghi nhận hoạt động.");
        }
        if (in == null) {
            throw new InvalidInput("title", "Thiếu nội dung yêu cầu.");
        }
        Instant now = clock.instant();
        List<FieldProblem> problems = new ArrayList<>();
        ActivityKind kind = ActivityKind.parse(in.kind()).orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem("kind", in.kind() == null || in.kind().isBlank()
                    ? "Vui lòng chọn loại hoạt động (" + ActivityKind.names() + ")."
                    : "Loại hoạt động '" + in.kind() + "' không hợp lệ; chọn một trong: " + ActivityKind.names() + "."));
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "Vui lòng nhập tên hoạt động."));
        } else if (title.length() > 300) {
            problems.add(new FieldProblem("title", "Tên hoạt động không được dài quá 300 ký tự."));
        }
        LocalDate heldOn = null;
        if (in.heldOn() == null || in.heldOn().isBlank()) {
            problems.add(new FieldProblem("heldOn", "Vui lòng nhập ngày tổ chức (dd/MM/yyyy)."));
        } else {
            heldOn = VnTime.date(in.heldOn()).orElse(null);
            if (heldOn == null) {
                problems.add(new FieldProblem("heldOn",
                        "Ngày tổ chức không hợp lệ; hãy nhập theo dạng dd/MM/yyyy, ví dụ 15/10/2025."));
            } else if (heldOn.isAfter(VnTime.today(now))) {
                problems.add(new FieldProblem("heldOn", "Ngày tổ chức (" + VnTime.display(heldOn)
                        + ") ở tương lai: chỉ ghi nhận hoạt động đã diễn ra."));
            }
        }
        if (in.participants() != null && in.participants() < 0) {
            problems.add(new FieldProblem("participants", "Số người tham dự không được âm."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.size() == 1 ? problems.getFirst().message()
                    : "Dữ liệu chưa hợp lệ ở " + problems.size() + " trường. Vui lòng kiểm tra lại.", problems);
        }
        Activity activity = new Activity(id, caller.tenantId(), 0, kind, title,
                blankToNull(in.summary()), heldOn, blankToNull(in.place()), in.participants(), distinct(in.themes()),
                distinct(in.taskIds()), blankToNull(in.unit()), caller.userId(), now, Activity.HELD, null, null, null,
                List.of());
        Document doc = new Document();
        mongo.getConverter().write(activity, doc);
        doc.remove("_class");
        ContentPublished held = new ContentPublished(activity.tenantId(), activity.id(), kind.code(), title,
                activity.themes(), activity.taskIds(), activity.unit(), null, VnTime.startOf(heldOn), null);
        doc.put(Outbox.FIELD, outbox.entries(List.of(held)).stream().map(e -> e.toDocument()).toList());
        mongo.insert(doc, COLLECTION);
        outbox.flush(COLLECTION, activity.id());
        return activity;
    }

    /** Withdraws the record: status WITHDRAWN and {@code ContentRetracted} (channel null), once. */
    public Activity withdraw(String id, String reason, Caller caller) {
        Activity activity = writable(id, caller);
        if (!Activity.HELD.equals(activity.status())) {
            throw new Conflict("Hoạt động này đã được rút trước đó.");
        }
        Instant now = clock.instant();
        String why = blankToNull(reason);
        Update update = new Update().set("status", Activity.WITHDRAWN).set("withdrawnBy", caller.userId())
                .set("withdrawnAt", now).set("withdrawalReason", why).inc("revision", 1);
        outbox.append(update, List.of(new ContentRetracted(activity.tenantId(), id, null, now, why)));
        boolean won = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Activity.HELD)),
                update, COLLECTION).getMatchedCount() == 1;
        if (!won) {
            throw new Conflict("Hoạt động này đã được rút trước đó.");
        }
        outbox.flush(COLLECTION, id);
        return find(id).orElseThrow();
    }

    /** Adds an evidence file (minutes, photos) to a held activity of the caller's commune. */
    public Activity attach(String id, Attachment attachment, Caller caller) {
        Activity activity = writable(id, caller);
        boolean won = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Activity.HELD)),
                new Update().push("attachments", attachment).inc("revision", 1), COLLECTION).getMatchedCount() == 1;
        if (!won) {
            throw new Conflict("Hoạt động đã được rút, không thể thêm tệp.");
        }
        return find(activity.id()).orElseThrow();
    }

    public Activity writable(String id, Caller caller) {
        Activity activity = readable(id, caller);
        if (!caller.canWrite(activity.tenantId())) {
            throw new Forbidden("Chỉ cán bộ của chính xã, phường mới được thay đổi hoạt động này.");
        }
        return activity;
    }

    public Optional<Activity> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Activity.class, COLLECTION));
    }

    public Activity readable(String id, Caller caller) {
        return find(id).filter(a -> caller.canRead(a.tenantId()))
                .orElseThrow(() -> new NotFound("Không tìm thấy hoạt động."));
    }

    public List<Activity> list(Criteria scope, int page, int size) {
        return mongo.find(Query.query(scope).with(Sort.by(Sort.Direction.DESC, "heldOn", "recordedAt"))
                .skip((long) page * size).limit(size), Activity.class, COLLECTION);
    }

    public long count(Criteria scope) {
        return mongo.count(Query.query(scope), COLLECTION);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).toList()));
    }
}
