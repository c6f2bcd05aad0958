package vn.loa.report.dashboard;

import java.util.List;
import vn.loa.report.dashboard.CommuneDashboard.Count;

/**
 * One row per commune of a province: tasks met / at risk / missed now, publications this (calendar) month per
 * channel, and the state of its report for {@code reportPeriod}.
 */
/** {@code engagement}: the province's communes together over the last 30 days; {@code reached} of a row: the commune's. */
public record ProvinceDashboard(String provinceCode, String provinceName, String month, String reportPeriod,
        String reportPeriodWords, String sort, String dir, Totals totals, List<Row> communes, Engagement engagement) {

    public record Row(String code, String name, int tasks, int met, int atRisk, int missed,
            long publicationsThisMonth, List<Count> byChannel, String submission, String submissionLabel,
            long reached) {
    }

    public record Totals(int communes, int tasks, int met, int atRisk, int missed, long publicationsThisMonth,
            int submitted, int accepted, int returned) {
    }
}
