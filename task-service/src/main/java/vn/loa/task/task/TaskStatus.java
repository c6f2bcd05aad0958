package vn.loa.task.task;

/** How a task is doing overall, in order of precedence (see {@link Progress}). */
public enum TaskStatus {
    /** Withdrawn from the plan by an amendment; its credits stay visible. */
    WITHDRAWN,
    /** Every bucket met (a task without a quota: at least one credit). */
    DONE,
    /** The due date has passed and the task is not done. */
    OVERDUE,
    /** A closed bucket missed its target. */
    BEHIND,
    /** A running bucket is at risk. */
    AT_RISK,
    ON_TRACK
}
