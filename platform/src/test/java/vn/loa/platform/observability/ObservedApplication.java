package vn.loa.platform.observability;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.platform.outbox.Outbox;

/**
 * A service in miniature, with a web port: an HTTP request closes a plan (its event goes through the outbox), and a
 * consumer of the plan topic writes down, per plan, the trace id it saw in its logging context (MDC).
 */
@SpringBootApplication
@RestController
public class ObservedApplication {

    static final String PLANS = "observedPlans";
    static final String SEEN = "observedSeen";
    private static final Logger log = LoggerFactory.getLogger(ObservedApplication.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;

    ObservedApplication(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @PostMapping("/observed/plans/{id}/close")
    String close(@PathVariable String id) {
        PlanClosed event = new PlanClosed("10804", id, 1, Instant.parse("2025-12-31T10:00:00Z"), "leader");
        mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                outbox.append(new Update().set("tenantId", "10804").set("status", "CLOSED"), List.of(event)), PLANS);
        outbox.flush();
        log.info("plan {} closed", id);
        return MDC.get("traceId");
    }

    @Bean
    Consumer<Message<PlanEvent>> onObservedPlanEvent(MongoTemplate mongo) {
        return message -> {
            if (message.getPayload() instanceof PlanClosed closed) {
                log.info("plan {} closed event consumed", closed.planId());
                mongo.upsert(Query.query(Criteria.where("_id").is(closed.planId())),
                        new Update().set("traceId", MDC.get("traceId")), SEEN);
            }
        };
    }
}
