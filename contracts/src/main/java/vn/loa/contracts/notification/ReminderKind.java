package vn.loa.contracts.notification;

/** What a reminder is about. */
public enum ReminderKind {
    /** A task's running quota period is more than half gone with less than half of its target. */
    TASK_AT_RISK,
    /** A task missed an ended quota period or is past its due date. */
    TASK_BEHIND,
    /** A publication failed on a channel and has not succeeded since. */
    PUBLICATION_FAILED,
    /** An approved item has been published on no channel for more than two working days. */
    PUBLICATION_STUCK,
    /** A submitted item has waited for a leader's approval for more than two working days. */
    APPROVAL_WAITING,
    /** The periodic report is due before the Decree 09 cut-off and has not been sent. */
    REPORT_DUE,
    /** The province returned the periodic report. */
    REPORT_RETURNED
}
