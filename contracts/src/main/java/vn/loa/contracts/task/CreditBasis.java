package vn.loa.contracts.task;

/** Why an item credited a task: the item named the task, or it matched by channel, kind and period. */
public enum CreditBasis {
    EXPLICIT, MATCHED
}
