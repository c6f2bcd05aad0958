package vn.loa.report.projection;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.channel.ChannelEvent;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentEvent;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.platform.readmodel.KeyedWrites;
import vn.loa.report.live.Change;

/**
 * Applies events to the read models. Every event is ONE atomic single-document update by {@code _id} made only of
 * operators whose result does not depend on how often or in which order they are applied — the projection remembers
 * what it applied per aggregate in the document itself:
 * <ul>
 * <li>a task's definitions are kept per plan version ({@code defs.v<version>}) with {@code $max defVersion}; a
 *     withdrawal is {@code $max withdrawnVersion}: the reader takes the definition of the highest version, so a late
 *     {@code PlanIssued} never undoes an amendment;</li>
 * <li>credits, withdrawals and closings are sets ({@code $addToSet}) keyed by {@code creditId} / period; the count
 *     credited is derived on reading (credits minus withdrawals), never a running counter; a credit and its
 *     withdrawal are kept in one document per (task, credit) in {@link ReadModel#TASK_CREDITS}, so no document grows
 *     with the task's history, not even in a busy period;</li>
 * <li>times are kept with {@code $min}/{@code $max} (first and last publication, last retraction, success, failure,
 *     submission, approval, return) and the payload that goes with a time is stored under that time
 *     ({@code failures.t<epoch ms>}), so the last word by time wins whatever the arrival order; whether an item waits
 *     for approval is derived on reading from its last submission, approval and return
 *     ({@link ItemRecord#waitingSince()}), so a late or repeated event never revives an ended wait.</li>
 * </ul>
 * The update returns the document as it was before ({@code findOneAndUpdate}), which tells whether the event changed
 * anything: a duplicate yields no {@link Change}, so it is silent on the live stream. (Filters stay plain {@code _id}
 * equalities: mongo-java-server only uses the {@code _id} index for exactly that.)
 */
@Component
public class Projection {


    private final MongoTemplate mongo;
    private final EngagementProjection engagement;

    public Projection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.engagement = new EngagementProjection(mongo);
    }

    public List<Change> apply(LoaEvent event) {
        return switch (event) {
            case PlanEvent e -> plan(e);
            case TaskEvent e -> task(e);
            case ContentEvent e -> content(e);
            case ChannelEvent e -> channel(e);
            default -> List.of();
        };
    }

    // ---------------------------------------------------------------- plans

    private List<Change> plan(PlanEvent event) {
        List<Change> changes = new ArrayList<>();
        String tenant = event.tenantId();
        switch (event) {
            case PlanIssued issued -> {
                Document set = new Document("tenant", tenant)
                        .append("number", issued.number())
                        .append("title", issued.title())
                        .append("periodFrom", issued.periodFrom().toString())
                        .append("periodTo", issued.periodTo().toString())
                        .append("issuedOn", issued.issuedOn().toString());
                if (issued.signer() != null) {
                    // the plan's signature block: the default signer of the commune's reports
                    set.append("signer", new Document("authority", issued.signer().authority())
                            .append("delegation", issued.signer().delegation())
                            .append("title", issued.signer().title())
                            .append("name", issued.signer().name()));
                }
                Document before = update(ReadModel.PLANS, issued.planId(), new Document("$set", set)
                        .append("$max", new Document("version", issued.version())));
                if (before == null || before.getString("number") == null) {
                    changes.add(new Change(tenant, "plan", issued.planId(), "PlanIssued"));
                }
                for (PlannedTask task : issued.tasks()) {
                    if (define(tenant, issued.planId(), task, issued.version())) {
                        changes.add(new Change(tenant, "task", task.taskId(), "PlanIssued"));
                    }
                }
            }
            case PlanAmended amended -> {
                update(ReadModel.PLANS, amended.planId(), new Document("$set", new Document("tenant", tenant))
                        .append("$max", new Document("version", amended.version())));
                List<PlannedTask> defined = new ArrayList<>(amended.added());
                defined.addAll(amended.changed());
                for (PlannedTask task : defined) {
                    if (define(tenant, amended.planId(), task, amended.version())) {
                        changes.add(new Change(tenant, "task", task.taskId(), "PlanAmended"));
                    }
                }
                for (String taskId : amended.withdrawnTaskIds()) {
                    Document before = update(ReadModel.TASKS, taskId, onInsert(tenant, amended.planId())
                            .append("$max", new Document("withdrawnVersion", amended.version())));
                    if (before == null || intOr(before, "withdrawnVersion") < amended.version()) {
                        changes.add(new Change(tenant, "task", taskId, "PlanAmended"));
                    }
                }
            }
            case PlanClosed closed -> {
                Document before = update(ReadModel.PLANS, closed.planId(), new Document("$set",
                        new Document("tenant", tenant).append("closed", true)
                                .append("closedAt", Date.from(closed.closedAt()))));
                if (before == null || !Boolean.TRUE.equals(before.getBoolean("closed"))) {
                    changes.add(new Change(tenant, "plan", closed.planId(), "PlanClosed"));
                }
            }
        }
        return changes;
    }

    /** Keeps a task's definition under its plan version; the reader uses the highest one. */
    private boolean define(String tenant, String planId, PlannedTask task, int version) {
        Document def = new Document("order", task.order())
                .append("title", task.title())
                .append("leadUnit", task.leadUnit())
                .append("coordinatingUnits", task.coordinatingUnits())
                .append("productKinds", task.productKinds())
                .append("channels", task.channels());
        if (task.quota() != null) {
            def.append("quota", new Document("count", task.quota().count())
                    .append("per", task.quota().per().name())
                    .append("from", task.quota().from() == null ? null : task.quota().from().toString())
                    .append("to", task.quota().to() == null ? null : task.quota().to().toString()));
        }
        if (task.due() != null) {
            def.append("due", new Document("date", task.due().date() == null ? null : task.due().date().toString())
                    .append("text", task.due().text()));
        }
        Document before = update(ReadModel.TASKS, task.taskId(), onInsert(tenant, planId)
                .append("$set", new Document("defs.v" + version, def))
                .append("$max", new Document("defVersion", version)));
        return before == null || intOr(before, "defVersion") < version;
    }

    // ---------------------------------------------------------------- tasks

    private List<Change> task(TaskEvent event) {
        String tenant = event.tenantId();
        Document add;
        Predicate<Document> seen;
        String collection = ReadModel.TASK_CREDITS;
        String id = switch (event) {
            case TaskCredited c -> ReadModel.taskCreditId(c.taskId(), c.creditId());
            case TaskCreditWithdrawn w -> ReadModel.taskCreditId(w.taskId(), w.creditId());
            case TaskPeriodClosed p -> null;
        };
        switch (event) {
            case TaskCredited c -> {
                add = new Document("credits", new Document("creditId", c.creditId())
                        .append("itemId", c.itemId())
                        .append("kind", c.kind())
                        .append("channel", c.channel())
                        .append("publishedAt", Date.from(c.publishedAt()))
                        .append("period", c.period())
                        .append("basis", c.basis().name()));
                seen = before -> docs(before, "credits").stream()
                        .anyMatch(d -> c.creditId().equals(d.getString("creditId")));
            }
            case TaskCreditWithdrawn w -> {
                add = new Document("withdrawals", w.creditId());
                seen = before -> before.getList("withdrawals", String.class, List.of()).contains(w.creditId());
            }
            case TaskPeriodClosed p -> {
                collection = ReadModel.TASKS;
                id = p.taskId();
                add = new Document("closings", new Document("period", p.period())
                        .append("target", p.target())
                        .append("credited", p.credited())
                        .append("outcome", p.outcome().name()));
                seen = before -> docs(before, "closings").stream()
                        .anyMatch(d -> p.period().equals(d.getString("period")));
            }
        }
        Document insert = onInsert(tenant, event.planId());
        if (collection.equals(ReadModel.TASK_CREDITS)) {
            insert.get("$setOnInsert", Document.class).append("taskId", event.taskId());
        }
        Document before = update(collection, id, insert.append("$addToSet", add));
        return announce(before == null || !seen.test(before),
                new Change(tenant, "task", event.taskId(), event.getClass().getSimpleName()));
    }

    /**
     * The change an event makes, to be announced: when the event was applied just now, as it is; when it had been
     * applied before (a redelivery, or nothing new in it), as a repeat — written only if the log lacks it, so that a
     * change whose first delivery updated the read model but died before writing it is still announced, once.
     */
    private static List<Change> announce(boolean applied, Change change) {
        return List.of(applied ? change : change.again());
    }

    // ---------------------------------------------------------------- content

    private List<Change> content(ContentEvent event) {
        String tenant = event.tenantId();
        return switch (event) {
            case ContentApproved a -> {
                Date at = Date.from(a.approvedAt());
                Document before = update(ReadModel.ITEMS, a.itemId(), new Document("$setOnInsert",
                        new Document("tenant", tenant))
                        .append("$set", new Document("approvals.t" + at.getTime(), new Document("kind", a.kind())
                                .append("title", a.title()).append("approvedBy", a.approvedBy())))
                        .append("$max", new Document("approvedAt", at)));
                yield announce(later(before, "approvedAt", at),
                        new Change(tenant, "pipeline", a.itemId(), "ContentApproved"));
            }
            case ContentPublished p -> {
                String channel = p.channel() == null ? ReadModel.NO_CHANNEL : p.channel();
                Document item = update(ReadModel.ITEMS, p.itemId(), new Document("$setOnInsert",
                        new Document("tenant", tenant))
                        .append("$addToSet", new Document("publishedOn", channel)));
                boolean itemChanged = item == null
                        || !item.getList("publishedOn", String.class, List.of()).contains(channel);
                Date at = Date.from(p.publishedAt());
                Document before = update(ReadModel.PUBLICATIONS, ReadModel.publicationId(p.itemId(), p.channel()),
                        new Document("$setOnInsert", new Document("tenant", tenant).append("itemId", p.itemId())
                                .append("channel", p.channel()))
                                .append("$set", new Document("details.t" + at.getTime(), new Document("kind", p.kind())
                                        .append("title", p.title()).append("themes", p.themes())
                                        .append("unit", p.unit()).append("url", p.url())
                                        .append("taskIds", p.taskIds())))
                                .append("$min", new Document("firstPublishedAt", at))
                                .append("$max", new Document("lastPublishedAt", at)));
                boolean publicationChanged = before == null || before.getDate("firstPublishedAt") == null
                        || before.getDate("firstPublishedAt").after(at) || before.getDate("lastPublishedAt").before(at);
                yield announce(itemChanged || publicationChanged,
                        new Change(tenant, "publication", p.itemId(), "ContentPublished"));
            }
            case ContentSubmitted s -> {
                Date at = Date.from(s.submittedAt());
                Document before = update(ReadModel.ITEMS, s.itemId(), new Document("$setOnInsert",
                        new Document("tenant", tenant))
                        .append("$set", new Document("submissions.t" + at.getTime(), new Document("title", s.title())
                                .append("author", s.author())))
                        .append("$max", new Document("submittedAt", at)));
                yield announce(later(before, "submittedAt", at),
                        new Change(tenant, "pipeline", s.itemId(), "ContentSubmitted"));
            }
            case ContentRejected r -> {
                Date at = Date.from(r.rejectedAt());
                Document before = update(ReadModel.ITEMS, r.itemId(), new Document("$setOnInsert",
                        new Document("tenant", tenant))
                        .append("$set", new Document("rejections.t" + at.getTime(),
                                new Document("reason", r.reason())))
                        .append("$max", new Document("rejectedAt", at)));
                yield announce(later(before, "rejectedAt", at),
                        new Change(tenant, "pipeline", r.itemId(), "ContentRejected"));
            }
            case ContentRetracted r -> {
                Date at = Date.from(r.retractedAt());
                Document before = update(ReadModel.PUBLICATIONS, ReadModel.publicationId(r.itemId(), r.channel()),
                        new Document("$setOnInsert", new Document("tenant", tenant).append("itemId", r.itemId())
                                .append("channel", r.channel()))
                                .append("$max", new Document("retractedAt", at)));
                yield announce(later(before, "retractedAt", at),
                        new Change(tenant, "publication", r.itemId(), "ContentRetracted"));
            }
        };
    }

    // ---------------------------------------------------------------- channels

    private List<Change> channel(ChannelEvent event) {
        return switch (event) {
            case PublicationSucceeded s -> {
                Date at = Date.from(s.publishedAt());
                Document before = update(ReadModel.PUBLICATIONS, ReadModel.publicationId(s.itemId(), s.channel()),
                        new Document("$setOnInsert", new Document("tenant", s.tenantId()).append("itemId", s.itemId())
                                .append("channel", s.channel()))
                                .append("$max", new Document("lastSucceededAt", at)));
                yield announce(later(before, "lastSucceededAt", at),
                        new Change(s.tenantId(), "pipeline", s.itemId(), "PublicationSucceeded"));
            }
            case PublicationFailed f -> {
                Date at = Date.from(f.failedAt());
                Document before = update(ReadModel.PUBLICATIONS, ReadModel.publicationId(f.itemId(), f.channel()),
                        new Document("$setOnInsert", new Document("tenant", f.tenantId()).append("itemId", f.itemId())
                                .append("channel", f.channel()))
                                .append("$set", new Document("failures.t" + at.getTime(),
                                        new Document("reason", f.reason()).append("retryable", f.retryable())))
                                .append("$max", new Document("lastFailedAt", at)));
                yield announce(later(before, "lastFailedAt", at),
                        new Change(f.tenantId(), "pipeline", f.itemId(), "PublicationFailed"));
            }
            case ChannelRegistered r -> {
                update(ReadModel.CHANNELS, r.channelId(),
                        new Document("$set", new Document("displayName", r.displayName())));
                yield List.of();
            }
            case PublicationEngaged e -> engagement.apply(e);
            case PublicationRequested r -> List.of(); // not consumed: the pipeline shows outcomes, not requests
        };
    }

    // ---------------------------------------------------------------- helpers

    /** One atomic upsert by id; the document as it was before (null: it did not exist). */
    private Document update(String collection, String id, Document update) {
        return KeyedWrites.upsert(mongo.getCollection(collection), id, update);
    }

    private static Document onInsert(String tenant, String planId) {
        return new Document("$setOnInsert", new Document("tenant", tenant).append("planId", planId));
    }

    /** Whether {@code at} is later than what the document held (or it held nothing). */
    private static boolean later(Document before, String field, Date at) {
        return before == null || before.getDate(field) == null || before.getDate(field).before(at);
    }

    private static int intOr(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.intValue() : 0;
    }

    @SuppressWarnings("unchecked")
    private static List<Document> docs(Document d, String field) {
        Object v = d.get(field);
        return v instanceof List<?> list ? (List<Document>) list : List.of();
    }
}
