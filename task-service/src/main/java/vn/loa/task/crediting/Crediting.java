package vn.loa.task.crediting;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;

/**
 * Keeps every task's credits equal to what the rule says about the item ledgers — whatever order, however often,
 * and on however many instances the events are processed.
 *
 * <p>An event is first added to its item's ledger (one atomic write). Then the item is <em>settled</em>: every task
 * it may concern is judged against the ledger and brought in line with one revision-guarded write per task. A task
 * that comes into being or changes is settled the same way against every ledger that may concern it, so a
 * publication read before the plan that creates its task still counts.
 *
 * <p>Why this cannot lose an update between instances: a settling reads the ledger, writes the tasks, then checks
 * the ledger's version again and goes round once more if it moved. Whoever changed the ledger in between settles
 * after its own write too, so the last settling of an item always sees its last ledger. A write on a task only
 * succeeds if the task did not change since it was read; plan changes write the task first and read the ledgers
 * after, publications the other way round, so one of the two always sees the other.
 */
@Component
public class Crediting {

    private static final int MAX_ROUNDS = 50;

    private final ItemLedgers ledgers;
    private final Tasks tasks;
    private final Clock clock;

    public Crediting(ItemLedgers ledgers, Tasks tasks, Clock clock) {
        this.ledgers = ledgers;
        this.tasks = tasks;
        this.clock = clock;
    }

    public void published(ContentPublished published) {
        settle(ledgers.record(published));
    }

    public void retracted(ContentRetracted retracted) {
        settle(ledgers.record(retracted));
    }

    /** Settles every item that may concern these tasks (after they were issued, amended, withdrawn or closed). */
    public void settleTasks(Collection<String> taskIds) {
        for (String id : taskIds) {
            Optional<Task> task = tasks.findWhole(id); // the items it credited may concern it
            if (task.isEmpty()) {
                continue;
            }
            Set<String> items = new LinkedHashSet<>(ledgers.concerning(task.get()));
            for (String itemId : items) {
                settle(task.get().tenantId(), itemId);
            }
        }
    }

    /** Brings every task the item may concern in line with the item's ledger. */
    public void settle(String tenantId, String itemId) {
        ledgers.find(tenantId, itemId).ifPresent(this::settle);
    }

    /** Settles from a ledger just read, then again from a fresh read for as long as the ledger kept changing. */
    private void settle(ItemLedger read) {
        ItemLedger ledger = read;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Task> concerned = tasks.concerning(ledger.tenantId(), ledger.namedTaskIds(), ledger.kinds());
            tasks.readCredits(concerned, List.of(ledger.itemId()));
            for (Task task : concerned) {
                ItemLedger judged = ledger;
                tasks.change(task, t -> apply(t, judged));
            }
            if (ledgers.version(ledger.tenantId(), ledger.itemId()) == ledger.version()) {
                return;
            }
            ledger = ledgers.find(ledger.tenantId(), ledger.itemId()).orElseThrow();
        }
        throw new IllegalStateException("Item " + ledger.itemId() + " kept changing under " + MAX_ROUNDS
                + " settlings");
    }

    private boolean apply(Task task, ItemLedger ledger) {
        return switch (CreditRule.judge(task, ledger)) {
            case Verdict.Qualifies q -> task.credit(ledger.itemId(), q.by(), clock.instant());
            case Verdict.DoesNotQualify no -> task.uncredit(ledger.itemId(), no.reason(), clock.instant());
        };
    }
}
