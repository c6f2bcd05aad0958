package vn.loa.task.task;

/** Where a period bucket stands. */
public enum BucketStatus {
    /** Its period has not begun. */
    UPCOMING,
    /** Running, target not reached yet (see {@link Progress.BucketProgress#atRisk()}). */
    OPEN,
    /** Target reached (while running or at closing). */
    MET,
    /** Closed without reaching the target. */
    MISSED,
    /** The task was withdrawn from the plan before this period ended: not judged. */
    CANCELLED
}
