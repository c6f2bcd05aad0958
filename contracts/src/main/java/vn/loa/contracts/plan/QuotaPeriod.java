package vn.loa.contracts.plan;

/** The period a quota counts over. Calendar periods in Asia/Ho_Chi_Minh; {@code PLAN} is the whole plan period. */
public enum QuotaPeriod {
    MONTH, QUARTER, HALF_YEAR, YEAR, PLAN
}
