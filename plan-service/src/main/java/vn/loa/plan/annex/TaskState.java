package vn.loa.plan.annex;

/** A task of an issued plan is never deleted: an amendment withdraws it, and its history stays. */
public enum TaskState {
    ACTIVE, WITHDRAWN
}
