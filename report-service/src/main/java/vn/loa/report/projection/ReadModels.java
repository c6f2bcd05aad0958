package vn.loa.report.projection;

import com.mongodb.client.model.Filters;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.report.projection.TaskRecord.Closing;
import vn.loa.report.projection.TaskRecord.CreditRecord;
import vn.loa.report.projection.TaskRecord.QuotaDef;

/** Reads the read models of one tenant into records. Every query filters by tenant. */
@Component
public class ReadModels {

    /**
     * Documents per reply of a read. A province's reads may return hundreds of thousands of documents; MongoDB caps a
     * reply at 16 MiB by itself, mongo-java-server sends everything in one reply unless asked for batches, and the
     * driver refuses a reply over 48 MB.
     */
    public static final int BATCH = 1000;

    private final MongoTemplate mongo;

    public ReadModels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void indexes() {
        ReadModel.ensureIndexes(mongo);
    }

    /**
     * The tenant's tasks with their credits, which are kept per (task, period); a task whose credits arrived before its
     * plan has no definition yet (title null).
     */
    public List<TaskRecord> tasks(String tenant) {
        return tasksByTenant(Filters.eq("tenant", tenant)).getOrDefault(tenant, List.of());
    }

    /**
     * The tasks of many tenants at once ({@code tenants} null: every tenant), grouped by tenant — two queries whatever
     * their number (the reminders' morning run).
     */
    public Map<String, List<TaskRecord>> tasks(Collection<String> tenants) {
        return tasksByTenant(tenants == null ? new Document() : Filters.in("tenant", tenants));
    }

    private Map<String, List<TaskRecord>> tasksByTenant(Bson filter) {
        Map<String, List<Document>> creditsByTask = new LinkedHashMap<>();
        Map<String, String> tenantOfTask = new HashMap<>();
        for (Document d : mongo.getCollection(ReadModel.TASK_CREDITS).find(filter).batchSize(BATCH)) {
            creditsByTask.computeIfAbsent(d.getString("taskId"), t -> new ArrayList<>()).add(d);
            tenantOfTask.put(d.getString("taskId"), d.getString("tenant"));
        }
        Map<String, List<TaskRecord>> out = new LinkedHashMap<>();
        for (Document d : mongo.getCollection(ReadModel.TASKS).find(filter).batchSize(BATCH)) {
            out.computeIfAbsent(d.getString("tenant"), t -> new ArrayList<>())
                    .add(task(d, creditsByTask.getOrDefault(d.getString("_id"), List.of())));
            creditsByTask.remove(d.getString("_id"));
        }
        creditsByTask.forEach((taskId, periods) -> {
            String tenant = tenantOfTask.get(taskId);
            out.computeIfAbsent(tenant, t -> new ArrayList<>()).add(task(new Document("_id", taskId)
                    .append("tenant", tenant).append("planId", periods.getFirst().getString("planId")), periods));
        });
        return out;
    }

    /**
     * The tenant's engagement: one record per (channel, item, day) with the sum of that day's windows, and one per
     * operator's running total (dated by the day it is as of).
     */
    public List<EngagementRecord> engagement(String tenant) {
        return engagementByTenant(Filters.eq("tenant", tenant)).getOrDefault(tenant, List.of());
    }

    /** The engagement of many tenants, by tenant: one query per collection. */
    public Map<String, List<EngagementRecord>> engagement(Collection<String> tenants) {
        return engagementByTenant(Filters.in("tenant", tenants));
    }

    /**
     * The engagement of many tenants dated from {@code from} to {@code to} (inclusive), by tenant: one query per
     * collection, whatever the number of tenants, reading only the days asked for (index {@code tenant, day}).
     */
    public Map<String, List<EngagementRecord>> engagement(Collection<String> tenants, LocalDate from, LocalDate to) {
        return engagementByTenant(Filters.and(Filters.in("tenant", tenants),
                Filters.gte("day", from.toString()), Filters.lte("day", to.toString())));
    }

    private Map<String, List<EngagementRecord>> engagementByTenant(Bson filter) {
        Map<String, List<EngagementRecord>> out = new HashMap<>();
        for (Document d : mongo.getCollection(ReadModel.ENGAGEMENT_DAYS).find(filter).batchSize(BATCH)) {
            vn.loa.contracts.channel.PublicationEngaged.Figures sum =
                    vn.loa.contracts.channel.PublicationEngaged.Figures.NONE;
            Document windows = d.get("w", Document.class);
            if (windows != null) {
                for (Object w : windows.values()) {
                    sum = sum.plus(EngagementProjection.figures((Document) w));
                }
            }
            String tenant = d.getString("tenant");
            out.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new EngagementRecord(tenant,
                    d.getString("channel"), d.getString("itemId"), LocalDate.parse(d.getString("day")), sum, false));
        }
        for (Document d : mongo.getCollection(ReadModel.ENGAGEMENT_TOTALS).find(filter).batchSize(BATCH)) {
            String tenant = d.getString("tenant");
            out.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new EngagementRecord(tenant,
                    d.getString("channel"), d.getString("itemId"), LocalDate.parse(d.getString("day")),
                    EngagementProjection.figures(d.get("figures", Document.class)), true));
        }
        return out;
    }

    public Map<String, PlanRecord> plans(String tenant) {
        return plansByTenant(Filters.eq("tenant", tenant)).getOrDefault(tenant, Map.of());
    }

    /** Every plan of many tenants at once, by tenant, in one query. */
    public Map<String, Map<String, PlanRecord>> plans(Collection<String> tenants) {
        return plansByTenant(Filters.in("tenant", tenants));
    }

    /** The plans that are not closed, of many tenants at once ({@code tenants} null: every tenant), by tenant. */
    public Map<String, Map<String, PlanRecord>> openPlans(Collection<String> tenants) {
        Bson open = Filters.ne("closed", true);
        return plansByTenant(tenants == null ? open : Filters.and(Filters.in("tenant", tenants), open));
    }

    private Map<String, Map<String, PlanRecord>> plansByTenant(Bson filter) {
        Map<String, Map<String, PlanRecord>> out = new HashMap<>();
        for (Document d : mongo.getCollection(ReadModel.PLANS).find(filter).batchSize(BATCH)) {
            String tenant = d.getString("tenant");
            Document s = d.get("signer", Document.class);
            PlanRecord.Signer signer = s == null ? null : new PlanRecord.Signer(s.getString("authority"),
                    s.getString("delegation"), s.getString("title"), s.getString("name"));
            out.computeIfAbsent(tenant, t -> new HashMap<>()).put(d.getString("_id"), new PlanRecord(d.getString("_id"),
                    tenant, d.getString("number"), d.getString("title"), date(d.getString("periodFrom")),
                    date(d.getString("periodTo")), Boolean.TRUE.equals(d.getBoolean("closed")),
                    date(d.getString("issuedOn")), signer));
        }
        return out;
    }

    public List<PublicationRecord> publications(String tenant) {
        return publicationsByTenant(Filters.eq("tenant", tenant)).getOrDefault(tenant, List.of());
    }

    /** The publications of many tenants, by tenant, in one query. */
    public Map<String, List<PublicationRecord>> publications(Collection<String> tenants) {
        return publicationsByTenant(Filters.in("tenant", tenants));
    }

    /**
     * The publications of many tenants first published in {@code [from, to)}, by tenant, in one query reading only
     * those (index {@code tenant, firstPublishedAt}).
     */
    public Map<String, List<PublicationRecord>> publicationsFirstPublished(Collection<String> tenants, Instant from,
            Instant to) {
        return publicationsByTenant(Filters.and(Filters.in("tenant", tenants),
                Filters.gte("firstPublishedAt", Date.from(from)), Filters.lt("firstPublishedAt", Date.from(to))));
    }

    /** Publications that ever failed, of many tenants at once ({@code tenants} null: every tenant), by tenant. */
    public Map<String, List<PublicationRecord>> failedPublications(Collection<String> tenants) {
        Bson failed = Filters.exists("lastFailedAt");
        return publicationsByTenant(tenants == null ? failed : Filters.and(Filters.in("tenant", tenants), failed));
    }

    private Map<String, List<PublicationRecord>> publicationsByTenant(Bson filter) {
        Map<String, List<PublicationRecord>> out = new HashMap<>();
        for (Document d : mongo.getCollection(ReadModel.PUBLICATIONS).find(filter).batchSize(BATCH)) {
            String tenant = d.getString("tenant");
            Document details = at(d, "details", "lastPublishedAt");
            Document failure = at(d, "failures", "lastFailedAt");
            out.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new PublicationRecord(d.getString("itemId"),
                    tenant, d.getString("channel"),
                    details.getString("kind"), details.getString("title"), strings(details.get("themes")),
                    details.getString("unit"), details.getString("url"),
                    instant(d.get("firstPublishedAt")), instant(d.get("lastPublishedAt")),
                    instant(d.get("retractedAt")), instant(d.get("lastSucceededAt")), instant(d.get("lastFailedAt")),
                    failure.getString("reason"), failure.getBoolean("retryable")));
        }
        return out;
    }

    public List<ItemRecord> items(String tenant) {
        return itemsByTenant(Filters.eq("tenant", tenant)).getOrDefault(tenant, List.of());
    }

    /** Approved items, of many tenants at once ({@code tenants} null: every tenant), by tenant. */
    public Map<String, List<ItemRecord>> approvedItems(Collection<String> tenants) {
        Bson approved = Filters.exists("approvedAt");
        return itemsByTenant(tenants == null ? approved : Filters.and(Filters.in("tenant", tenants), approved));
    }

    /**
     * Items waiting for approval now ({@link ItemRecord#waitingSince()}), of many tenants at once ({@code tenants}
     * null: every tenant), by tenant.
     */
    public Map<String, List<ItemRecord>> waitingItems(Collection<String> tenants) {
        Bson submitted = Filters.exists("submittedAt");
        Map<String, List<ItemRecord>> out = itemsByTenant(tenants == null ? submitted
                : Filters.and(Filters.in("tenant", tenants), submitted));
        out.values().forEach(items -> items.removeIf(i -> i.waitingSince() == null));
        return out;
    }

    private Map<String, List<ItemRecord>> itemsByTenant(Bson filter) {
        Map<String, List<ItemRecord>> out = new HashMap<>();
        for (Document d : mongo.getCollection(ReadModel.ITEMS).find(filter).batchSize(BATCH)) {
            String tenant = d.getString("tenant");
            Document approval = at(d, "approvals", "approvedAt");
            Document submission = at(d, "submissions", "submittedAt");
            Instant approvedAt = instant(d.get("approvedAt"));
            Instant submittedAt = instant(d.get("submittedAt"));
            // the title as the item was last submitted or approved, whichever came last
            String title = submittedAt != null && (approvedAt == null || submittedAt.isAfter(approvedAt))
                    ? submission.getString("title") : approval.getString("title");
            out.computeIfAbsent(tenant, t -> new ArrayList<>()).add(new ItemRecord(d.getString("_id"), tenant,
                    approval.getString("kind"), title, approvedAt, approval.getString("approvedBy"),
                    new LinkedHashSet<>(strings(d.get("publishedOn"))), submittedAt, submission.getString("author"),
                    instant(d.get("rejectedAt"))));
        }
        return out;
    }

    /** Display names channels announced for themselves (platform-wide). */
    public Map<String, String> channelNames() {
        Map<String, String> out = new HashMap<>();
        for (Document d : mongo.getCollection(ReadModel.CHANNELS).find()) {
            out.put(d.getString("_id"), d.getString("displayName"));
        }
        return out;
    }

    /** The payload stored under the time (epoch ms) a field holds: the last word by time. */
    private static Document at(Document d, String map, String timeField) {
        Object time = d.get(timeField);
        Document payloads = d.get(map, Document.class);
        if (!(time instanceof Date date) || payloads == null) {
            return new Document();
        }
        Document payload = payloads.get("t" + date.getTime(), Document.class);
        return payload == null ? new Document() : payload;
    }

    private static TaskRecord task(Document d, List<Document> periods) {
        Document defs = d.get("defs", Document.class);
        Object version = d.get("defVersion");
        Document def = defs == null || !(version instanceof Number n) ? null
                : defs.get("v" + n.intValue(), Document.class);
        QuotaDef quota = null;
        LocalDate dueDate = null;
        String dueText = null;
        if (def != null) {
            Document q = def.get("quota", Document.class);
            if (q != null) {
                quota = new QuotaDef(q.getInteger("count"), q.getString("per"), month(q.getString("from")),
                        month(q.getString("to")));
            }
            Document due = def.get("due", Document.class);
            if (due != null) {
                dueDate = date(due.getString("date"));
                dueText = due.getString("text");
            }
        }
        // the task's own credits and withdrawals were kept in its document before ADR 0006: read both places
        List<Document> holders = new ArrayList<>(periods);
        holders.add(d);
        List<CreditRecord> credits = new ArrayList<>();
        Set<String> withdrawals = new HashSet<>();
        for (Document holder : holders) {
            for (Document c : docs(holder.get("credits"))) {
                credits.add(new CreditRecord(c.getString("creditId"), c.getString("itemId"), c.getString("kind"),
                        c.getString("channel"), instant(c.get("publishedAt")), c.getString("period"),
                        c.getString("basis")));
            }
            withdrawals.addAll(strings(holder.get("withdrawals")));
        }
        // a credit delivered twice with different bytes still counts once
        Map<String, CreditRecord> unique = new LinkedHashMap<>();
        credits.forEach(c -> unique.putIfAbsent(c.creditId(), c));
        List<Closing> closings = new ArrayList<>();
        for (Document c : docs(d.get("closings"))) {
            closings.add(new Closing(c.getString("period"), c.getInteger("target"), c.getInteger("credited"),
                    c.getString("outcome")));
        }
        return new TaskRecord(d.getString("_id"), d.getString("tenant"), d.getString("planId"),
                def == null ? null : def.getInteger("order"), def == null ? null : def.getString("title"),
                def == null ? null : def.getString("leadUnit"),
                def == null ? List.of() : strings(def.get("productKinds")),
                def == null ? List.of() : strings(def.get("channels")), quota, dueDate, dueText,
                withdrawn(d), List.copyOf(unique.values()), withdrawals, closings);
    }

    /** Withdrawn by a plan version later than the one that last defined it (a task can be added back). */
    private static boolean withdrawn(Document d) {
        Integer withdrawnIn = d.getInteger("withdrawnVersion");
        Integer definedIn = d.getInteger("defVersion");
        return withdrawnIn != null && (definedIn == null || withdrawnIn > definedIn);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> docs(Object value) {
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? List.copyOf((List<String>) list) : List.of();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static YearMonth month(String iso) {
        return iso == null ? null : YearMonth.parse(iso);
    }
}
