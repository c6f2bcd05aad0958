package vn.loa.task.task;

/** Where a task stands in its plan's life. */
public enum TaskState {
    /** Live: takes credit. */
    ISSUED,
    /** Withdrawn by an amendment: its credits stay, it takes no more. */
    WITHDRAWN,
    /** Its plan was closed: takes no more credit. */
    CLOSED
}
