package vn.loa.plan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.PlanRules;
import vn.loa.plan.plan.TaskRequest;
import vn.loa.plan.wording.Words;
import vn.loa.platform.problem.InvalidInput.FieldProblem;

/**
 * One seed commune's plan, as {@code src/main/resources/demo/*.json} holds it: the {@code POST /api/plans} body and
 * the {@code POST /api/plans/{id}/tasks} bodies of its annex, with where it comes from and what the demo had to add
 * (a number and a date the draft did not have yet).
 */
public record DemoPlan(String tenantId, String source, List<String> notes, PlanContent plan,
        List<TaskRequest> tasks) {

    static final String LOCATION = "classpath*:demo/*.json";

    /** Every demo plan, in file-name order. */
    public static List<DemoPlan> all(JsonMapper json) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<DemoPlan> plans = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    plans.add(json.readValue(in, DemoPlan.class));
                }
            }
            return plans;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plan's fixed id, e.g. {@code demo-11242-21-kh-ubnd}: two instances starting together insert it once, and a
     * restart finds it again.
     */
    public String id() {
        return "demo-" + tenantId + "-" + Words.folded(plan.number()).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** The tasks through the same rules as the API; throws {@code InvalidInput} naming the fields at fault. */
    public List<TaskDetails> checkedTasks(PlanRules rules) {
        List<FieldProblem> problems = new ArrayList<>(rules.content(plan));
        List<TaskDetails> details = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            details.add(rules.task(tasks.get(i), plan.period(), "tasks[" + i + "].", problems));
        }
        PlanRules.check(problems);
        return details;
    }
}
