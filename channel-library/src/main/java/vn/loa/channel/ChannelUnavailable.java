package vn.loa.channel;

/**
 * The channel cannot publish now (a tool or an outside service is missing or down, a rate limit was hit): reported
 * as {@code PublicationFailed} with {@code retryable=true}. The message is shown to commune staff: write it in
 * Vietnamese.
 */
public class ChannelUnavailable extends RuntimeException {

    public ChannelUnavailable(String reasonInVietnamese) {
        super(reasonInVietnamese);
    }

    public ChannelUnavailable(String reasonInVietnamese, Throwable cause) {
        super(reasonInVietnamese, cause);
    }
}
