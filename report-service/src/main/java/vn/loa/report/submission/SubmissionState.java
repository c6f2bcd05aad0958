package vn.loa.report.submission;

/** Where a commune's report for a period stands. */
public enum SubmissionState {
    DRAFT("Đang soạn"),
    SUBMITTED("Đã gửi, chờ tiếp nhận"),
    ACCEPTED("Đã tiếp nhận"),
    RETURNED("Bị trả lại");

    private final String label;

    SubmissionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
