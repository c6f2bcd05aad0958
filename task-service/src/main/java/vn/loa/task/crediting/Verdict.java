package vn.loa.task.crediting;

import vn.loa.task.task.Qualification;

/** What the rule says about one item and one task. */
public sealed interface Verdict {

    /** The item counts for the task, by this publication. */
    record Qualifies(Qualification by) implements Verdict {
    }

    /** The item does not count (any more), and why, in words for the user. */
    record DoesNotQualify(String reason) implements Verdict {
    }
}
