package vn.loa.report.dashboard;

/** How a task is doing, in order of precedence (the same words as task-service). */
public enum TaskStatus {
    WITHDRAWN("Đã rút khỏi kế hoạch"),
    DONE("Đã hoàn thành"),
    OVERDUE("Quá hạn"),
    BEHIND("Không đạt chỉ tiêu kỳ trước"),
    AT_RISK("Có nguy cơ không đạt"),
    ON_TRACK("Đang thực hiện"),
    /** Only credits have arrived; the plan that defines the task has not (yet). */
    UNKNOWN("Chưa có thông tin kế hoạch");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
