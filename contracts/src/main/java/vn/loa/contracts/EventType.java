package vn.loa.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.notification.NotificationDelivered;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;

/**
 * The catalogue of event types: the CloudEvents {@code type} of each record, its topic and its JSON Schema. The
 * {@code type} is {@code vn.loa.<context>.<Event>.v<major>}, never a Java class name, so classes can move freely.
 * docs/events.md lists the same set.
 */
public enum EventType {
    PLAN_ISSUED(PlanIssued.class, "plan", Topics.PLAN_EVENTS),
    PLAN_AMENDED(PlanAmended.class, "plan", Topics.PLAN_EVENTS),
    PLAN_CLOSED(PlanClosed.class, "plan", Topics.PLAN_EVENTS),
    TASK_CREDITED(TaskCredited.class, "task", Topics.TASK_EVENTS),
    TASK_CREDIT_WITHDRAWN(TaskCreditWithdrawn.class, "task", Topics.TASK_EVENTS),
    TASK_PERIOD_CLOSED(TaskPeriodClosed.class, "task", Topics.TASK_EVENTS),
    CONTENT_APPROVED(ContentApproved.class, "content", Topics.CONTENT_EVENTS),
    CONTENT_PUBLISHED(ContentPublished.class, "content", Topics.CONTENT_EVENTS),
    CONTENT_RETRACTED(ContentRetracted.class, "content", Topics.CONTENT_EVENTS),
    CONTENT_SUBMITTED(ContentSubmitted.class, "content", Topics.CONTENT_EVENTS),
    CONTENT_REJECTED(ContentRejected.class, "content", Topics.CONTENT_EVENTS),
    /** Sent to {@code channel.<id>.requests}: the topic depends on the channel. */
    PUBLICATION_REQUESTED(PublicationRequested.class, "channel", null),
    PUBLICATION_SUCCEEDED(PublicationSucceeded.class, "channel", Topics.PUBLICATION_EVENTS),
    PUBLICATION_FAILED(PublicationFailed.class, "channel", Topics.PUBLICATION_EVENTS),
    CHANNEL_REGISTERED(ChannelRegistered.class, "channel", Topics.CHANNEL_REGISTRY),
    REMINDER_RAISED(ReminderRaised.class, "notification", Topics.REMINDER_EVENTS),
    NOTIFICATION_DELIVERED(NotificationDelivered.class, "notification", Topics.NOTIFICATION_EVENTS),
    PUBLICATION_ENGAGED(PublicationEngaged.class, "channel", Topics.ENGAGEMENT_EVENTS);

    private final Class<? extends LoaEvent> javaType;
    private final String type;
    private final String topic;

    EventType(Class<? extends LoaEvent> javaType, String context, String topic) {
        this.javaType = javaType;
        this.type = "vn.loa." + context + "." + javaType.getSimpleName() + ".v1";
        this.topic = topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code vn.loa.plan.PlanIssued.v1}. */
    public String type() {
        return type;
    }

    public Class<? extends LoaEvent> javaType() {
        return javaType;
    }

    /** Where events of this type go; for {@link PublicationRequested} the topic of its channel. */
    public String topicFor(LoaEvent event) {
        if (event instanceof PublicationRequested request) {
            return Topics.channelRequests(request.channel());
        }
        return topic;
    }

    /** The classpath resource of the JSON Schema of this type. */
    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }

    public static EventType of(LoaEvent event) {
        for (EventType t : values()) {
            if (t.javaType == event.getClass()) {
                return t;
            }
        }
        throw new IllegalStateException("Event class without a type: " + event.getClass().getName());
    }

    public static Optional<EventType> ofType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.type.equals(ceType)).findFirst();
    }

    public static List<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(t -> topic.equals(t.topic)).toList();
    }
}
