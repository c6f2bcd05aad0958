package vn.loa.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips {@link RequiresDocker} tests, with the reason, where a part they need does not run in a container. */
public class DockerCondition implements ExecutionCondition {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        RequiresDocker needs = context.getElement()
                .flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresDocker.class)).orElse(null);
        if (needs == null) {
            return ConditionEvaluationResult.enabled("needs no container");
        }
        List<String> missing = new ArrayList<>();
        for (LoaInfrastructure.Part part : needs.value()) {
            LoaInfrastructure.Choice choice = LoaInfrastructure.choose(part);
            if (!choice.container()) {
                missing.add(part + " (" + part.image() + "): " + choice.why());
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("every part it needs runs in a container");
        }
        String reason = "SKIPPED " + context.getDisplayName() + ": needs real images in containers; "
                + String.join("; ", missing);
        log.warn(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
