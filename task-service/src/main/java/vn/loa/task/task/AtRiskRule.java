package vn.loa.task.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an open bucket is at risk: more than {@code elapsed} of its period is gone and less than {@code met} of its
 * target is credited. Defaults: half the period gone, less than half the target met ({@code loa.tasks.at-risk.*}).
 */
@ConfigurationProperties("loa.tasks.at-risk")
public record AtRiskRule(@DefaultValue("0.5") double elapsed, @DefaultValue("0.5") double met) {

    public static final AtRiskRule DEFAULT = new AtRiskRule(0.5, 0.5);

    public AtRiskRule {
        if (elapsed < 0 || elapsed > 1 || met < 0 || met > 1) {
            throw new IllegalArgumentException("loa.tasks.at-risk.elapsed and .met are fractions between 0 and 1");
        }
    }

    boolean atRisk(Bucket bucket, double elapsedFraction) {
        return elapsedFraction > elapsed && bucket.credited() < bucket.target() * met;
    }
}
