package vn.loa.content.attachment;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The largest file an item or activity takes ({@code loa.content.attachments.max-size}, 10 MB); the gateway's limit
 * for a whole request is a bit above.
 */
@ConfigurationProperties("loa.content.attachments")
@Validated
public record AttachmentLimits(@DefaultValue("10MB") @NotNull DataSize maxSize) {
}
