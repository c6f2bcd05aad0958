package vn.loa.platform.messaging;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The core topics' partitions and replicas ({@code loa.topics.*}), used when they are created at start-up. */
@ConfigurationProperties("loa.topics")
@Validated
public record TopicSettings(@DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas) {
}
