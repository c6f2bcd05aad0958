package vn.loa.report.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.platform.tenancy.UnitKind;
import vn.loa.report.projection.EngagementRecord;
import vn.loa.report.projection.TaskRecord;

/** Sums engagement records into an {@link Engagement} over a span of days (pure: no database). */
public final class Engagements {

    /** The figures shown, in this order, with their Vietnamese labels. */
    public static final Map<String, String> LABELS = labels();
    public static final int TOP_ITEMS = 10;

    private Engagements() {
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("views", "Lượt xem trang");
        m.put("plays", "Lượt nghe");
        m.put("downloads", "Lượt tải âm thanh");
        m.put("reach", "Lượt tiếp cận");
        m.put("reactions", "Lượt tương tác");
        m.put("shares", "Lượt chia sẻ");
        m.put("feedFetches", "Lượt đọc tin qua Atom");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** People reached: views, plays, downloads and an operator's reach. */
    public static long reached(Figures f) {
        return f.views() + f.plays() + f.downloads() + f.reach();
    }

    public static List<Engagement.Figure> figures(Figures f) {
        Map<String, Long> m = f.asMap();
        return LABELS.entrySet().stream().map(e -> new Engagement.Figure(e.getKey(), e.getValue(), m.get(e.getKey())))
                .toList();
    }

    /**
     * @param records  the commune's (or communes') engagement records
     * @param from     first day counted
     * @param to       last day counted (inclusive); {@code byDay} has one row per day of {@code [from, to]}
     * @param titles   item titles by id
     * @param tasks    the tasks whose standing credits link items to them (empty: no per-task rows)
     * @param channels a channel's Vietnamese name
     */
    public static Engagement of(List<EngagementRecord> records, LocalDate from, LocalDate to,
            Map<String, String> titles, List<TaskRecord> tasks, Function<String, String> channels) {
        List<EngagementRecord> in = records.stream()
                .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).toList();
        Figures total = Figures.NONE;
        Map<String, Figures> byChannel = new TreeMap<>();
        Map<LocalDate, Figures> byDay = new TreeMap<>();
        Map<String, Figures> byItem = new LinkedHashMap<>();
        for (EngagementRecord r : in) {
            total = total.plus(r.figures());
            byChannel.merge(r.channel(), r.figures(), Figures::plus);
            byDay.merge(r.day(), r.figures(), Figures::plus);
            if (r.itemId() != null) {
                byItem.merge(r.itemId(), r.figures(), Figures::plus);
            }
        }
        List<Engagement.ChannelRow> channelRows = byChannel.entrySet().stream()
                .map(e -> new Engagement.ChannelRow(e.getKey(), channels.apply(e.getKey()), figures(e.getValue()),
                        reached(e.getValue())))
                .sorted(Comparator.comparingLong(Engagement.ChannelRow::reached).reversed()
                        .thenComparing(Engagement.ChannelRow::channel))
                .toList();
        List<Engagement.DayRow> dayRows = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Figures f = byDay.getOrDefault(d, Figures.NONE);
            dayRows.add(new Engagement.DayRow(d, figures(f), reached(f)));
        }
        List<Engagement.ItemRow> items = byItem.entrySet().stream()
                .map(e -> new Engagement.ItemRow(e.getKey(), titles.getOrDefault(e.getKey(), e.getKey()),
                        figures(e.getValue()), reached(e.getValue())))
                .sorted(Comparator.comparingLong(Engagement.ItemRow::reached).reversed()
                        .thenComparing(Engagement.ItemRow::itemId))
                .limit(TOP_ITEMS).toList();
        List<Engagement.TaskRow> taskRows = new ArrayList<>();
        for (TaskRecord t : tasks) {
            Set<String> served = new HashSet<>();
            t.standingCredits().forEach(c -> served.add(c.itemId()));
            Figures f = Figures.NONE;
            for (String item : served) {
                f = f.plus(byItem.getOrDefault(item, Figures.NONE));
            }
            if (!f.nothing()) {
                taskRows.add(new Engagement.TaskRow(t.taskId(), t.title() == null ? t.taskId() : t.title(),
                        figures(f), reached(f)));
            }
        }
        taskRows.sort(Comparator.comparingLong(Engagement.TaskRow::reached).reversed()
                .thenComparing(Engagement.TaskRow::taskId));
        return new Engagement(from, to, figures(total), reached(total), channelRows, dayRows, items,
                List.copyOf(taskRows));
    }

    /** A channel's name for a unit, from the vocabulary or the registry. */
    public static Function<String, String> channelNames(Map<String, String> announced, UnitKind unit) {
        return id -> Vocabulary.channel(id, announced, unit);
    }
}
