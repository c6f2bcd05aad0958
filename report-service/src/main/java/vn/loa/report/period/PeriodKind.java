package vn.loa.report.period;

/** The kinds of periodic report of the state reporting regime (Decree 09/2019/NĐ-CP), plus a custom range. */
public enum PeriodKind {
    /** Báo cáo tháng: {@code 2025-M08}. */
    MONTH,
    /** Báo cáo quý: {@code 2025-Q3}. */
    QUARTER,
    /** Báo cáo 6 tháng (đầu năm): {@code 2025-H1}. */
    HALF_YEAR,
    /** Báo cáo 9 tháng (added by provinces' rules): {@code 2025-9M}. */
    NINE_MONTHS,
    /** Báo cáo năm: {@code 2025}. */
    YEAR,
    /** Any range of days: {@code 2025-08-01..2025-09-30}. */
    CUSTOM
}
