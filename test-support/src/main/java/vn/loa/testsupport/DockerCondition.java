package vn.loa.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips {@link RequiresDocker} tests, with the reason, where no Docker engine answers. */
public class DockerCondition implements ExecutionCondition {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (LoaInfrastructure.dockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker engine available");
        }
        String reason = "SKIPPED " + context.getDisplayName()
                + ": needs a Docker engine for the real mongo/apache-kafka images; none answers on this machine";
        log.warn(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
