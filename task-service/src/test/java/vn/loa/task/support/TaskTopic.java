package vn.loa.task.support;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.loa.contracts.Topics;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.testsupport.TestBroker;

/** What task-service published about one task on {@code task.task.events}, read through the shared test broker. */
public final class TaskTopic {

    private TaskTopic() {
    }

    /** The records of one task, in order. */
    public static List<ConsumerRecord<String, byte[]>> records(TestBroker broker, String taskId) {
        return broker.records(Topics.TASK_EVENTS, taskId);
    }

    /** The task events of one task, in order. */
    public static List<TaskEvent> events(TestBroker broker, String taskId) {
        return records(broker, taskId).stream().map(r -> (TaskEvent) broker.decode(r)).toList();
    }
}
