package vn.loa.contracts.task;

/** How a period bucket ended. */
public enum PeriodOutcome {
    MET, MISSED
}
