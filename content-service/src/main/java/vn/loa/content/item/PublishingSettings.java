package vn.loa.content.item;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How items go out to the channels ({@code loa.content.*}); a wrong value stops the service at start with its name.
 *
 * @param internalUrl where channel services read attachment bytes (not routed by the gateway)
 * @param retry       how a retryable failure is sent again
 */
@ConfigurationProperties("loa.content")
@Validated
public record PublishingSettings(
        @DefaultValue("http://127.0.0.1:8083") @NotBlank String internalUrl,
        @DefaultValue @Valid Retry retry) {

    /**
     * A retryable {@code PublicationFailed} re-sends the same request after {@code backoff}, 2 × backoff…; after
     * {@code maxTries} sends the failure stands.
     */
    public record Retry(@DefaultValue("3") @Min(1) int maxTries, @DefaultValue("30s") @NotNull Duration backoff) {
    }
}
