package vn.loa.plan.demo;

import java.time.Clock;
import java.time.LocalDate;
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
import vn.loa.platform.demo.DemoHistory;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.time.VnTime;

/**
 * With {@code loa.demo.enabled=true} ({@code ./loa up}), the five seed communes start with their plans issued, so
 * that a first look shows something alive: each seed plan re-issued for the current year ({@link
 * DemoPlan#reissuedFor}, from the clock), so that its periods run now. Once only: a plan is created under a fixed id (the second of two
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
    private final Clock clock;

    DemoPlans(Plans plans, JsonMapper json, Clock clock) {
        this.plans = plans;
        this.json = json;
        this.clock = clock;
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
        return seed(VnTime.dayOf(clock.instant()));
    }

    /** The same, as on {@code today} (Vietnam's date): the plans re-issued for its year. */
    int seed(LocalDate today) {
        int issued = 0;
        for (DemoPlan seed : DemoPlan.all(json)) {
            DemoPlan demo = seed.reissuedFor(today);
            Caller leader = new Caller(demo.tenantId(), USER, Set.of(Role.LEADER));
            if (!plans.hasNumber(demo.tenantId(), demo.plan().number())) {
                // fixed task ids: the other services' demo parts name them (DemoHistory)
                plans.createDraft(leader, demo.id(), demo.plan(), demo.checkedTasks(new PlanRules()), List.of(),
                        order -> DemoHistory.taskId(demo.id(), order));
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
