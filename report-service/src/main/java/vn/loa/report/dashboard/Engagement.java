package vn.loa.report.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * What reached people («Hiệu quả tuyên truyền»), over a span of days: totals per figure, per channel, per day (for the
 * chart), the most-read items and the tasks those items serve. {@code reached} of a row: views + plays + downloads +
 * reach — people reached, the order of the top items; reactions, shares and feed fetches are shown beside it.
 */
public record Engagement(LocalDate from, LocalDate to, List<Figure> totals, long reached,
        List<ChannelRow> byChannel, List<DayRow> byDay, List<ItemRow> topItems, List<TaskRow> byTask) {

    /** One figure ({@code views}, {@code plays}…), its Vietnamese label and its count. */
    public record Figure(String key, String label, long count) {
    }

    public record ChannelRow(String channel, String label, List<Figure> figures, long reached) {
    }

    /** One commune day: every figure (zero included), in the order of {@link Engagement#totals}. */
    public record DayRow(LocalDate day, List<Figure> figures, long reached) {
    }

    public record ItemRow(String itemId, String title, List<Figure> figures, long reached) {
    }

    public record TaskRow(String taskId, String title, List<Figure> figures, long reached) {
    }
}
