package vn.loa.plan.demo;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanRules;
import vn.loa.plan.plan.PlanStatus;
import vn.loa.plan.plan.Plans;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;

/**
 * With {@code loa.demo.enabled=true} ({@code ./loa up}), the five seed communes start with their plans issued, so
 * that a first look shows something alive. Once only: a plan is created under a fixed id (the second of two
 * instances finds it taken) and only if the commune has no plan with that number yet (a person's own plan is left
 * alone); a draft left by a crash between the two steps is issued at the next start.
 */
@Component
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoPlans {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    static final String USER = "loa-demo";

    private final Plans plans;
    private final JsonMapper json;

    DemoPlans(Plans plans, JsonMapper json) {
        this.plans = plans;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            seed();
        } catch (RuntimeException e) {
            // demo data must never keep the service from running
            log.warn("Demo plans not (all) created: {}", e.toString());
        }
    }

    /** Creates and issues every demo plan that is not there yet; returns how many it issued now. */
    int seed() {
        int issued = 0;
        for (DemoPlan demo : DemoPlan.all(json)) {
            Caller leader = new Caller(demo.tenantId(), USER, Set.of(Role.LEADER));
            if (!plans.hasNumber(demo.tenantId(), demo.plan().number())) {
                plans.createDraft(leader, demo.id(), demo.plan(), demo.checkedTasks(new PlanRules()), List.of());
            }
            try {
                Plan plan = plans.get(leader, demo.id());
                if (plan.status() == PlanStatus.DRAFT) {
                    plans.issue(leader, demo.id());
                    issued++;
                    log.info("Demo plan {} {} issued for commune {}", demo.plan().number(), demo.id(), demo.tenantId());
                }
            } catch (NotFound e) {
                log.info("Commune {} already has its own plan {}: demo plan skipped", demo.tenantId(),
                        demo.plan().number());
            } catch (Conflict e) {
                log.debug("Demo plan {} was issued meanwhile by another instance", demo.id());
            }
        }
        return issued;
    }
}
