package vn.loa.channel;

/**
 * The request can never be published as it is (wrong kind, missing text, a file the channel cannot use): reported
 * as {@code PublicationFailed} with {@code retryable=false}. The message is shown to commune staff: write it in
 * Vietnamese.
 */
public class PublicationRefused extends RuntimeException {

    public PublicationRefused(String reasonInVietnamese) {
        super(reasonInVietnamese);
    }

    public PublicationRefused(String reasonInVietnamese, Throwable cause) {
        super(reasonInVietnamese, cause);
    }
}
