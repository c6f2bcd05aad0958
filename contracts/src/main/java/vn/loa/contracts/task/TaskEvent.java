package vn.loa.contracts.task;

import vn.loa.contracts.LoaEvent;

/** Events of a task's crediting. Topic {@code task.task.events}, key = task id (a task's credits stay in order). */
public sealed interface TaskEvent extends LoaEvent permits TaskCredited, TaskCreditWithdrawn, TaskPeriodClosed {

    String taskId();

    String planId();

    @Override
    default String subject() {
        return taskId();
    }
}
