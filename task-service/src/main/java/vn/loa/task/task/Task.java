package vn.loa.task.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.platform.aggregate.Aggregate;
import vn.loa.task.quota.Period;
import vn.loa.task.task.Credit.Withdrawal;

/**
 * A task of an issued plan (Nhiệm vụ): its quota split into period buckets, and the items credited to it.
 *
 * <p>The aggregate is plain Java: every change is a method that updates the state and records the events it
 * causes ({@link #pendingEvents()}). {@link Tasks#save} then writes the whole change and its events in one
 * single-document update that only succeeds if nobody changed the task since it was read ({@code revision}).
 *
 * <p>The credits are not in the task's document: they are stored per (task, item) as {@link ItemCredits} (ADR 0006),
 * so a credit costs the same however long the task's history. A task is read with the credits of the items it is
 * about to judge ({@link #know}), or with all of them where a change needs them all ({@link #knowsEveryCredit()},
 * an amendment). Each bucket keeps its count, moved by one with each credit and withdrawal in the same write; an
 * amendment recounts from every credit. The credits a save changed ride in the task's own document ({@code unfiled})
 * until the next save has copied them to their collection, so the task and its credits change in one write.
 */
@Document(Tasks.COLLECTION)
public class Task implements Aggregate {

    @Id
    private String id;
    private String tenantId;
    private String taskId;
    private String planId;
    private int planVersion;
    private long revision;
    private int order;
    private String title;
    private String leadUnit;
    private List<String> coordinatingUnits;
    private List<Terms> terms;
    private TaskQuota quota;
    /** The plan period, ISO dates (kept as text so no time zone can shift them). */
    private String planFrom;
    private String planTo;
    /**
     * The plan's issue date (ngày ban hành, {@code PlanIssued.issuedOn}), ISO; buckets whose period ended before it
     * do not apply. Null for tasks stored before it was kept: every bucket applies, as it did then.
     */
    private String planIssuedOn;
    private String dueDate;
    private String dueText;
    private TaskState state;
    /** Publications (and retractions) from this instant on no longer change the task; null while it is live. */
    private Instant creditsUntil;
    private List<Bucket> buckets;
    private int credited;
    /** At most this many (task, item) credit states wait in the task's document before a save copies them out. */
    static final int MAX_UNFILED = 16;

    /** The credits the last saves changed, newest state, until a later save copies them to {@link Credits}. */
    private List<ItemCredits> unfiled;
    /** Items a leader withdrew by hand: they never credit this task again. */
    private List<String> refusedItems;

    @Transient
    private List<TaskEvent> pending = new ArrayList<>();
    /** The credits of the items this instance was read with, by item. */
    @Transient
    private Map<String, ItemCredits> known = new LinkedHashMap<>();
    /** Whether {@link #known} holds every credit the task has. */
    @Transient
    private boolean wholeHistory;
    /** Items whose credits changed since the last save. */
    @Transient
    private Set<String> changed = new LinkedHashSet<>();

    Task() {
        // for the mapping
    }

    /** The document id: task ids are unique within a commune only. */
    public static String id(String tenantId, String taskId) {
        return tenantId + ":" + taskId;
    }

    /** A task whose plan's issue date is not known: every bucket applies. */
    public static Task issue(String tenantId, String planId, int planVersion, LocalDate planFrom, LocalDate planTo,
            PlannedTask planned) {
        return issue(tenantId, planId, planVersion, planFrom, planTo, null, planned);
    }

    /**
     * A task as its plan issues it (or an amendment adds it), with its buckets and no credit yet. Buckets whose period
     * ended before {@code issuedOn} are marked not applicable (ADR 0004); the period the plan is issued in applies
     * whole, with its full target.
     */
    public static Task issue(String tenantId, String planId, int planVersion, LocalDate planFrom, LocalDate planTo,
            LocalDate issuedOn, PlannedTask planned) {
        Task t = new Task();
        t.id = id(tenantId, planned.taskId());
        t.tenantId = tenantId;
        t.taskId = planned.taskId();
        t.planId = planId;
        t.planVersion = planVersion;
        t.planFrom = planFrom.toString();
        t.planTo = planTo.toString();
        t.planIssuedOn = issuedOn == null ? null : issuedOn.toString();
        t.describe(planned);
        t.terms = List.of(new Terms(null, planned.productKinds(), planned.channels()));
        t.buckets = t.plannedBuckets();
        t.state = TaskState.ISSUED;
        t.unfiled = List.of();
        t.refusedItems = List.of();
        t.wholeHistory = true;
        return t;
    }

    // ---- plan changes ------------------------------------------------------------------------------------------

    /**
     * Applies an amended definition, once per plan version. Credits earned are never lost: buckets whose period had
     * started when the plan was amended stay as they were (a bucket of the same period takes the new target unless it
     * is closed), the new quota's buckets fill the rest, and new kinds and channels apply to publications from the
     * amendment on.
     */
    public boolean amend(int version, Instant amendedAt, PlannedTask planned) {
        if (version <= planVersion) {
            return false;
        }
        requireWholeHistory();
        boolean oldHadTarget = quota != null;
        planVersion = version;
        describe(planned);
        Terms next = new Terms(amendedAt, planned.productKinds(), planned.channels());
        if (!next.sameAs(currentTerms())) {
            List<Terms> all = new ArrayList<>(terms);
            all.add(next);
            terms = List.copyOf(all);
        }
        List<Period> wanted = plannedPeriods();
        int target = target();
        List<Bucket> result = new ArrayList<>();
        for (Bucket old : buckets) {
            boolean history = old.closed() || (oldHadTarget && old.start().isBefore(amendedAt));
            if (!history) {
                continue;
            }
            boolean samePeriod = wanted.stream().anyMatch(p -> p.equals(old.asPeriod()));
            result.add(samePeriod && !old.closed() ? old.withTarget(target) : old);
        }
        for (Period p : wanted) {
            if (result.stream().noneMatch(b -> b.asPeriod().overlaps(p))) {
                result.add(Bucket.open(p, target, planIssuedOn()));
            }
        }
        result.sort(Comparator.comparing(Bucket::start));
        buckets = List.copyOf(result);
        recount();
        return true;
    }

    /**
     * The plan withdrew the task: it takes no more credit from the amendment on, its credits stay, and buckets that
     * had not ended are cancelled (never closed, never judged).
     */
    public boolean withdrawFromPlan(int version, Instant amendedAt) {
        if (version <= planVersion || state != TaskState.ISSUED) {
            return false;
        }
        planVersion = version;
        state = TaskState.WITHDRAWN;
        creditsUntil = amendedAt;
        buckets = buckets.stream()
                .map(b -> !b.closed() && b.applicable() && b.end().isAfter(amendedAt) ? b.cancelling() : b)
                .toList();
        return true;
    }

    /**
     * The plan was closed: the task takes no more credit from {@code closedAt} on; every bucket that had begun is
     * closed now (emitting {@link TaskPeriodClosed}), the ones that had not are cancelled; a bucket that does not
     * apply stays as it is (never judged).
     */
    public boolean closePlan(int version, Instant closedAt) {
        if (state != TaskState.ISSUED) {
            return false;
        }
        planVersion = Math.max(planVersion, version);
        state = TaskState.CLOSED;
        creditsUntil = closedAt;
        List<Bucket> result = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.closed() || b.cancelled() || b.notApplicable()) {
                result.add(b);
            } else if (!b.start().isBefore(closedAt)) {
                result.add(b.cancelling());
            } else {
                Bucket closed = b.closing();
                result.add(closed);
                pending.add(closedEvent(closed, b.end().isBefore(closedAt) ? b.end() : closedAt));
            }
        }
        buckets = List.copyOf(result);
        return true;
    }

    // ---- crediting ---------------------------------------------------------------------------------------------

    /**
     * Whether a publication at this instant can credit the task at all: before the cut-off and inside a bucket that
     * applies (a period that ended before the plan was issued takes no credit).
     */
    public boolean takesCreditAt(Instant at) {
        return (creditsUntil == null || at.isBefore(creditsUntil)) && bucketAt(at).isPresent();
    }

    /** The kinds and channels in force at an instant. */
    public Terms termsAt(Instant at) {
        Terms found = terms.get(0);
        for (Terms t : terms) {
            if (t.since() == null || !t.since().isAfter(at)) {
                found = t;
            }
        }
        return found;
    }

    public boolean refuses(String itemId) {
        return refusedItems.contains(itemId);
    }

    /**
     * Credits the item by this publication. Nothing happens if it is already credited by it; if it is credited in
     * the same bucket by another publication, the record is corrected without an event (the counts do not move);
     * if it is credited in another bucket, that credit is withdrawn and the item credited in the right one.
     */
    public boolean credit(String itemId, Qualification q, Instant now) {
        Bucket bucket = bucketAt(q.publishedAt())
                .orElseThrow(() -> new IllegalArgumentException("No bucket of " + taskId + " at " + q.publishedAt()));
        Optional<Credit> current = activeCreditOf(itemId);
        if (current.isPresent()) {
            Credit c = current.get();
            if (c.period().equals(bucket.period())) {
                if (c.restsOn(q)) {
                    return false;
                }
                replace(c, c.restingOn(q));
                return true;
            }
            withdraw(c, "Tính lại vào kỳ " + bucket.period() + " theo lần đăng sớm nhất còn hiệu lực.", null, now);
        }
        Credit credit = new Credit(UUID.randomUUID().toString(), itemId, q.kind(), q.channel(), q.publishedAt(),
                bucket.period(), q.basis(), now, null);
        remember(creditsOf(itemId).adding(credit));
        count(credit.period(), +1);
        Bucket after = bucket(credit.period()).orElseThrow();
        pending.add(new TaskCredited(tenantId, taskId, planId, credit.creditId(), itemId, q.kind(), q.channel(),
                q.publishedAt(), credit.period(), q.basis(), after.credited(), after.target(), credited));
        return true;
    }

    /** Takes back the item's credit, if it has one, because the item no longer qualifies. */
    public boolean uncredit(String itemId, String reason, Instant now) {
        Optional<Credit> current = activeCreditOf(itemId);
        current.ifPresent(c -> withdraw(c, reason, null, now));
        return current.isPresent();
    }

    /**
     * A leader takes back a wrong credit by hand. The item is refused for good: republishing or replaying it never
     * credits this task again.
     */
    public void withdrawByLeader(Credit credit, String leader, String reason, Instant now) {
        if (!credit.active()) {
            throw new IllegalStateException("Credit " + credit.creditId() + " is already withdrawn");
        }
        List<String> refused = new ArrayList<>(refusedItems);
        refused.add(credit.itemId());
        refusedItems = List.copyOf(refused);
        withdraw(credit, reason, leader, now);
    }

    // ---- closing -----------------------------------------------------------------------------------------------

    /** Closes every bucket whose period has ended by {@code now}, each with its own {@link TaskPeriodClosed}. */
    public boolean closeEndedBuckets(Instant now) {
        if (buckets.stream().noneMatch(b -> b.endedAndOpen(now))) {
            return false;
        }
        List<Bucket> result = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.endedAndOpen(now)) {
                Bucket closed = b.closing();
                result.add(closed);
                pending.add(closedEvent(closed, b.end()));
            } else {
                result.add(b);
            }
        }
        buckets = List.copyOf(result);
        return true;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** The item's active credit; the task must have been read with the item's credits ({@link #know}). */
    public Optional<Credit> activeCreditOf(String itemId) {
        return creditsOf(itemId).active();
    }

    /** A credit among those this instance knows. */
    public Optional<Credit> credit(String creditId) {
        return known.values().stream().flatMap(k -> k.withId(creditId).stream()).findFirst();
    }

    /**
     * Takes in the stored credits of some items (from {@link Credits}); the task's own unfiled copy wins where it is
     * newer. An item without a stored credit is known to have none.
     */
    void know(Collection<String> itemIds, Collection<ItemCredits> stored) {
        for (String itemId : itemIds) {
            known.putIfAbsent(itemId, ItemCredits.none(this, itemId));
        }
        for (ItemCredits s : stored) {
            known.merge(s.itemId(), s, ItemCredits::newer);
        }
        for (ItemCredits u : unfiled()) {
            if (known.containsKey(u.itemId())) {
                known.merge(u.itemId(), u, ItemCredits::newer);
            }
        }
    }

    /** Takes in every stored credit of the task: it may now be amended and recounted. */
    void knowEveryCredit(Collection<ItemCredits> stored) {
        known.clear();
        stored.forEach(s -> known.put(s.itemId(), s));
        unfiled().forEach(u -> known.merge(u.itemId(), u, ItemCredits::newer));
        wholeHistory = true;
    }

    /** The items whose credits this instance was read with (to read the same again after losing a race). */
    Set<String> knownItems() {
        return Set.copyOf(known.keySet());
    }

    public boolean knowsEveryCredit() {
        return wholeHistory;
    }

    /** The credits of the items changed since the last save, stamped with the revision the save will write. */
    List<ItemCredits> changedCredits() {
        return changed.stream().map(item -> known.get(item).at(revision + 1)).toList();
    }

    public Optional<Bucket> bucket(String period) {
        return buckets.stream().filter(b -> b.period().equals(period)).findFirst();
    }

    Optional<Bucket> bucketAt(Instant at) {
        return buckets.stream().filter(b -> b.applicable() && b.contains(at)).findFirst();
    }

    public Terms currentTerms() {
        return terms.get(terms.size() - 1);
    }

    /** Every kind the task ever accepted (to find the items that may qualify). */
    public List<String> everyKind() {
        return terms.stream().flatMap(t -> t.productKinds().stream()).distinct().toList();
    }

    @Override
    public List<TaskEvent> pendingEvents() {
        return List.copyOf(pending);
    }

    /**
     * Puts the credits changed since the last save in {@code unfiled}, the list the save writes with the task, beside
     * those still waiting there (a change replaces its item's waiting state). When that would hold more than {@link
     * #MAX_UNFILED}, the list keeps the changes only and the waiting ones are returned: the save copies them to their
     * collection before it writes (one bulk write every {@value #MAX_UNFILED} or so credits, not one per credit).
     */
    List<ItemCredits> stageCredits() {
        List<ItemCredits> changes = changedCredits();
        List<ItemCredits> kept = unfiled().stream().filter(u -> !changed.contains(u.itemId())).toList();
        if (kept.size() + changes.size() > MAX_UNFILED) {
            unfiled = changes;
            return kept;
        }
        List<ItemCredits> all = new ArrayList<>(kept);
        all.addAll(changes);
        unfiled = List.copyOf(all);
        return List.of();
    }

    @Override
    public void saved() {
        unfiled().stream().filter(u -> changed.contains(u.itemId())).forEach(u -> known.put(u.itemId(), u));
        changed = new LinkedHashSet<>();
        revision++;
        pending = new ArrayList<>();
    }

    @Override
    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String taskId() {
        return taskId;
    }

    public String planId() {
        return planId;
    }

    public int planVersion() {
        return planVersion;
    }

    @Override
    public long revision() {
        return revision;
    }

    public int order() {
        return order;
    }

    public String title() {
        return title;
    }

    public String leadUnit() {
        return leadUnit;
    }

    public List<String> coordinatingUnits() {
        return coordinatingUnits;
    }

    public TaskQuota quota() {
        return quota;
    }

    public LocalDate planFrom() {
        return LocalDate.parse(planFrom);
    }

    public LocalDate planTo() {
        return LocalDate.parse(planTo);
    }

    /** The plan's issue date; null for a task stored before it was kept. */
    public LocalDate planIssuedOn() {
        return planIssuedOn == null ? null : LocalDate.parse(planIssuedOn);
    }

    public LocalDate dueDate() {
        return dueDate == null ? null : LocalDate.parse(dueDate);
    }

    public String dueText() {
        return dueText;
    }

    public TaskState state() {
        return state;
    }

    public Instant creditsUntil() {
        return creditsUntil;
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    public int credited() {
        return credited;
    }

    /** Every credit this instance knows (all of them when {@link #knowsEveryCredit()}), item by item. */
    public List<Credit> credits() {
        return known.values().stream().flatMap(k -> k.credits().stream()).toList();
    }

    /** The credits the last save changed, not yet copied to their collection. */
    public List<ItemCredits> unfiled() {
        return unfiled == null ? List.of() : unfiled;
    }

    public List<String> refusedItems() {
        return refusedItems;
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private void describe(PlannedTask planned) {
        order = planned.order();
        title = planned.title();
        leadUnit = planned.leadUnit();
        coordinatingUnits = planned.coordinatingUnits();
        quota = TaskQuota.of(planned.quota());
        dueDate = planned.due() == null || planned.due().date() == null ? null : planned.due().date().toString();
        dueText = planned.due() == null ? null : planned.due().text();
    }

    /** A task without a quota still records what was published for it, in one bucket with target 0. */
    private List<Period> plannedPeriods() {
        if (quota == null) {
            return new TaskQuota(1, QuotaPeriod.PLAN, null, null)
                    .periods(planFrom(), planTo());
        }
        return quota.periods(planFrom(), planTo());
    }

    private int target() {
        return quota == null ? 0 : quota.count();
    }

    private List<Bucket> plannedBuckets() {
        int target = target();
        LocalDate issuedOn = planIssuedOn();
        return plannedPeriods().stream().map(p -> Bucket.open(p, target, issuedOn)).toList();
    }

    private void withdraw(Credit credit, String reason, String by, Instant now) {
        replace(credit, credit.withdrawn(new Withdrawal(now, by, reason)));
        count(credit.period(), -1);
        Optional<Bucket> bucket = bucket(credit.period());
        pending.add(new TaskCreditWithdrawn(tenantId, taskId, planId, credit.creditId(), credit.itemId(),
                credit.period(), reason, by, now, bucket.map(Bucket::credited).orElse(0),
                bucket.map(Bucket::target).orElse(0), credited));
    }

    private ItemCredits creditsOf(String itemId) {
        ItemCredits found = known.get(itemId);
        if (found == null && !wholeHistory) {
            throw new IllegalStateException("Task " + id + " was read without the credits of item " + itemId);
        }
        return found == null ? ItemCredits.none(this, itemId) : found;
    }

    private void remember(ItemCredits next) {
        known.put(next.itemId(), next);
        changed.add(next.itemId());
    }

    private void replace(Credit old, Credit next) {
        remember(creditsOf(old.itemId()).replacing(old, next));
    }

    /** One more (or one less) active credit in a period: its bucket, if the task has one now, and the total. */
    private void count(String period, int delta) {
        buckets = buckets.stream().map(b -> b.period().equals(period) ? b.withCredited(b.credited() + delta) : b)
                .toList();
        credited += delta;
    }

    /** Counts every bucket again from every credit (after an amendment reshaped the buckets). */
    private void recount() {
        List<Credit> active = credits().stream().filter(Credit::active).toList();
        buckets = buckets.stream()
                .map(b -> b.withCredited((int) active.stream().filter(c -> c.period().equals(b.period())).count()))
                .toList();
        credited = active.size();
    }

    private void requireWholeHistory() {
        if (!wholeHistory) {
            throw new IllegalStateException("Task " + id + " must be read with every credit to be amended");
        }
    }

    private TaskPeriodClosed closedEvent(Bucket closed, Instant closedAt) {
        return new TaskPeriodClosed(tenantId, taskId, planId, closed.period(), closed.target(), closed.credited(),
                closed.outcome(), closedAt);
    }
}
