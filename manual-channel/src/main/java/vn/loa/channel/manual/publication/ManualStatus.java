package vn.loa.channel.manual.publication;

/** Where a request of a manual channel stands, as the operator sees it. */
public enum ManualStatus {
    /** Waiting for an operator to publish it by hand and confirm with the URL. */
    PENDING("Chờ đăng và xác nhận"),
    /** Confirmed with its URL: content-service has been told (PublicationSucceeded). */
    PUBLISHED("Đã đăng"),
    /** The operator could not publish it (PublicationFailed, not retryable). */
    FAILED("Không đăng được"),
    /** The item was withdrawn after it was published: the operator must take the post down by hand. */
    RETRACTED("Đã thu hồi — cần gỡ bài trên kênh");

    private final String label;

    ManualStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
