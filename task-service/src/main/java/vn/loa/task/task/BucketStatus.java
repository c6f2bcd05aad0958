package vn.loa.task.task;

/** Where a period bucket stands, with the Vietnamese word the app shows for it. */
public enum BucketStatus {
    /** Its period has not begun. */
    UPCOMING("Chưa đến kỳ"),
    /** Running, target not reached yet (see {@link Progress.BucketProgress#atRisk()}). */
    OPEN("Đang thực hiện"),
    /** Target reached (while running or at closing). */
    MET("Đạt"),
    /** Closed without reaching the target. */
    MISSED("Không đạt"),
    /** The task was withdrawn from the plan before this period ended: not judged. */
    CANCELLED("Không xét"),
    /** The period had ended before the plan was issued (ADR 0004): not judged, never missed. */
    NOT_APPLICABLE("Không áp dụng");

    private final String label;

    BucketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
