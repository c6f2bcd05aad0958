package vn.loa.task.intake;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentEvent;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.task.crediting.Crediting;
import vn.loa.task.task.TaskLifecycle;

/**
 * The two bindings of task-service (group {@code task-service}, see application.yml), each reading its kind of
 * event as the platform's {@code LoaEventConverter} decoded it: plan events make and change tasks, content events
 * feed the item ledgers. Both are idempotent by construction, so no inbox of processed {@code ce_id}s is needed: a
 * redelivered, duplicated or replayed event settles to the same state.
 */
@Configuration(proxyBeanMethods = false)
public class EventIntake {

    @Bean
    Consumer<Message<PlanEvent>> onPlanEvent(TaskLifecycle lifecycle, Crediting crediting) {
        return message -> handle(message.getPayload(), lifecycle, crediting);
    }

    @Bean
    Consumer<Message<ContentEvent>> onContentEvent(Crediting crediting) {
        return message -> handle(message.getPayload(), crediting);
    }

    /** A plan event makes or changes tasks, then their credits are settled against the ledgers. */
    public static void handle(PlanEvent event, TaskLifecycle lifecycle, Crediting crediting) {
        List<String> concerned = switch (event) {
            case PlanIssued issued -> lifecycle.issued(issued);
            case PlanAmended amended -> lifecycle.amended(amended);
            case PlanClosed closed -> lifecycle.closed(closed);
        };
        crediting.settleTasks(concerned);
    }

    public static void handle(ContentEvent event, Crediting crediting) {
        switch (event) {
            case ContentPublished published -> crediting.published(published);
            case ContentRetracted retracted -> crediting.retracted(retracted);
            case ContentSubmitted submitted -> {
                // the editorial workflow credits nothing: only a publication does
            }
            case ContentApproved approved -> {
            }
            case ContentRejected rejected -> {
            }
        }
    }
}
