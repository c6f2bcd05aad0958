package vn.loa.contracts;

import java.util.regex.Pattern;

/**
 * Kafka topic names. One topic per aggregate ({@code <context>.<aggregate>.events}); commands to a channel go to
 * {@code channel.<id>.requests}. A tenant never appears in a topic name: it travels in the key and the
 * {@code ce_tenantid} header. See docs/events.md.
 */
public final class Topics {

    public static final String PLAN_EVENTS = "plan.plan.events";
    public static final String TASK_EVENTS = "task.task.events";
    public static final String CONTENT_EVENTS = "content.item.events";
    /** What channels answer: {@code PublicationSucceeded}, {@code PublicationFailed}. */
    public static final String PUBLICATION_EVENTS = "channel.publication.events";
    /** What reached people: {@code PublicationEngaged} (views, plays, reach… per window), keyed by item id. */
    public static final String ENGAGEMENT_EVENTS = "channel.engagement.events";
    /** Compacted: the last {@code ChannelRegistered} of each channel, keyed by channel id. */
    public static final String CHANNEL_REGISTRY = "channel.registry";
    /** Reminders raised by report-service: {@code ReminderRaised}; each way of delivering consumes it. */
    public static final String REMINDER_EVENTS = "notification.reminder.events";
    /** What notification-service delivered in the app: {@code NotificationDelivered}. */
    public static final String NOTIFICATION_EVENTS = "notification.inbox.events";

    private static final Pattern CHANNEL_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private Topics() {
    }

    /** The request topic of one channel, e.g. {@code channel.portal.requests}. */
    public static String channelRequests(String channelId) {
        if (channelId == null || !CHANNEL_ID.matcher(channelId).matches()) {
            throw new IllegalArgumentException("Not a channel id: " + channelId);
        }
        return "channel." + channelId + ".requests";
    }

    /** Whether a string is a well-formed channel id ({@code portal}, {@code zalo-oa}…). */
    public static boolean isChannelId(String channelId) {
        return channelId != null && CHANNEL_ID.matcher(channelId).matches();
    }

    /** The binder's dead-letter topic for a destination consumed by a group. */
    public static String deadLetter(String destination, String group) {
        return "error." + destination + "." + group;
    }
}
