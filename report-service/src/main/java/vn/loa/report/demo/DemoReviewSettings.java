package vn.loa.report.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the demo's reviews wait for the credits of their period ({@code loa.demo.reviews.*}): a look every
 * {@code every} (15 s), for at most {@code giveUpAfter} (20 min).
 */
@ConfigurationProperties("loa.demo.reviews")
public record DemoReviewSettings(@DefaultValue("PT15S") Duration every, @DefaultValue("PT20M") Duration giveUpAfter) {

    public DemoReviewSettings {
        if (every == null || !every.isPositive() || giveUpAfter == null || giveUpAfter.compareTo(every) < 0) {
            throw new IllegalArgumentException("loa.demo.reviews.every must be positive and give-up-after at least as"
                    + " long: " + every + ", " + giveUpAfter);
        }
    }
}
