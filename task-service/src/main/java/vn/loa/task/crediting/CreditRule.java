package vn.loa.task.crediting;

import java.util.Comparator;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.task.task.Qualification;
import vn.loa.task.task.Task;

/**
 * The crediting rule (docs/crediting.md), as a pure function of a task and an item's ledger.
 *
 * <ul>
 *   <li>A publication that names tasks credits exactly those (EXPLICIT); one that names none credits a task whose
 *       terms at that instant accept its kind and its channel (MATCHED; an activity has no channel, its kind
 *       decides).</li>
 *   <li>It must fall inside one of the task's buckets and before the task stopped taking credit.</li>
 *   <li>It must still be live: not taken down by a retraction on its channel at or after it.</li>
 *   <li>Of the qualifying live publications, the earliest decides the bucket; ties are broken by channel, so the
 *       answer never depends on the order events came in.</li>
 *   <li>An item a leader withdrew from the task never qualifies for it again.</li>
 * </ul>
 */
public final class CreditRule {

    static final String RETRACTED = "Tin bài đã bị gỡ khỏi mọi kênh được tính cho nhiệm vụ này.";
    static final String NOT_ELIGIBLE = "Tin bài không còn đáp ứng điều kiện của nhiệm vụ (kênh, loại sản phẩm hoặc"
            + " thời gian thực hiện).";
    static final String REFUSED = "Lãnh đạo đã rút lượt tính của tin bài này khỏi nhiệm vụ.";

    /** Earliest first; then no channel (an activity) before channels, channels by name; explicit before matched. */
    private static final Comparator<Qualification> FIRST = Comparator.comparing(Qualification::publishedAt)
            .thenComparing(Qualification::channel, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Qualification::basis)
            .thenComparing(Qualification::kind);

    private CreditRule() {
    }

    public static Verdict judge(Task task, ItemLedger ledger) {
        if (task.refuses(ledger.itemId())) {
            return new Verdict.DoesNotQualify(REFUSED);
        }
        Qualification first = null;
        boolean qualifiedOnce = false;
        for (Publication p : ledger.publications()) {
            CreditBasis basis = basis(task, p);
            if (basis == null || !task.takesCreditAt(p.at())) {
                continue;
            }
            qualifiedOnce = true;
            if (ledger.retracted(p, task.creditsUntil())) {
                continue;
            }
            Qualification q = new Qualification(p.channel(), p.at(), p.kind(), basis);
            if (first == null || FIRST.compare(q, first) < 0) {
                first = q;
            }
        }
        if (first != null) {
            return new Verdict.Qualifies(first);
        }
        return new Verdict.DoesNotQualify(qualifiedOnce ? RETRACTED : NOT_ELIGIBLE);
    }

    /** Why this publication would count for the task, or null if it would not. */
    static CreditBasis basis(Task task, Publication p) {
        if (!p.taskIds().isEmpty()) {
            return p.taskIds().contains(task.taskId()) ? CreditBasis.EXPLICIT : null;
        }
        return task.termsAt(p.at()).match(p.kind(), p.channel()) ? CreditBasis.MATCHED : null;
    }
}
