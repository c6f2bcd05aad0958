package vn.loa.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's year so far (with {@code loa.demo.enabled=true}): what the five seed communes published and held, and
 * which report the province accepted or returned. One script, read by every service that seeds a part of it
 * (docs/adr/0009): content-service records the items and activities (the honest way: written, approved, then recorded
 * as published on the day they went out), task-service credits them from the events as for anyone, report-service
 * sends up and reviews a report once the credits of its period are in. Nothing here touches a database.
 *
 * <p>Days are month and day of the <em>current</em> year (the plans are re-issued for it); an entry whose day has not
 * come yet is left for a later start. Each entry names the tasks it serves by their order in the plan's annex; plan-
 * service gives the demo tasks the fixed ids {@link #taskId}. Ids are fixed, so a second start creates nothing. The
 * entries themselves are data, in {@code history.json} beside this class.
 */
public final class DemoHistory {

    public static final String KIM_THANH = "10804";
    public static final String TIEN_MINH = "11791";
    public static final String NGUYEN_LUONG_BANG = "11242";
    public static final String BACH_MAI = "00292";
    public static final String KY_LAC = "18838";

    /** Who the demo says wrote, approved and sent up (not a login: no person is credited with the demo's work). */
    public static final String WRITER = "loa-demo";
    public static final String LEADER = "loa-demo-lanh-dao";

    private DemoHistory() {
    }

    /** The demo plan's id, as plan-service gives it ({@code DemoPlan.id()}). */
    public static String planId(String tenant) {
        return switch (tenant) {
            case KIM_THANH -> "demo-10804-45-kh-ubnd";
            case TIEN_MINH -> "demo-11791-12-kh-ubnd";
            case NGUYEN_LUONG_BANG -> "demo-11242-21-kh-ubnd";
            case BACH_MAI -> "demo-00292-215-kh-ubnd";
            case KY_LAC -> "demo-18838-36-kh-ubnd";
            default -> throw new IllegalArgumentException("not a demo commune: " + tenant);
        };
    }

    /** The fixed id of the demo plan's task in position {@code order} (1, 2 …). */
    public static String taskId(String planId, int order) {
        return planId + "-nv" + order;
    }

    /** Something a commune did on a day: an item published on a channel, or an activity held (no channel). */
    public sealed interface Entry {
        String id();

        String tenant();

        MonthDay day();

        /** Item: a {@code ContentKind} name (NEWS …); activity: an {@code ActivityKind} name (DIALOGUE …). */
        String kind();

        List<Integer> tasks();

        String title();

        String summary();

        /** The day in {@code year}. */
        default LocalDate on(int year) {
            return day().atYear(year);
        }

        /** The ids of the tasks it serves. */
        default List<String> taskIds() {
            return tasks().stream().map(n -> taskId(planId(tenant()), n)).toList();
        }
    }

    /** An item written, approved, and published on {@code channel} that day (recorded with its URL and time). */
    public record Item(String id, String tenant, MonthDay day, String kind, String channel, List<Integer> tasks,
            String title, String summary) implements Entry {
    }

    /** An activity held that day (a dialogue, a contest, a seminar, a training). */
    public record Activity(String id, String tenant, MonthDay day, String kind, List<Integer> tasks, String title,
            String summary, String place, int participants) implements Entry {
    }

    /** What the province does with a commune's report of the last quarter reported before today. */
    public record Review(String tenant, boolean accepted, String reason) {
    }

    /** Everything, in order of day within each commune. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entries whose day has come by {@code today} (in today's year). */
    public static List<Entry> upTo(LocalDate today) {
        return ENTRIES.stream().filter(e -> !e.on(today.getYear()).isAfter(today)).toList();
    }

    /** One report accepted (Kim Thành), one returned with a reason (Nguyễn Lương Bằng), both Hải Phòng. */
    public static List<Review> reviews() {
        return REVIEWS;
    }

    private static final List<Review> REVIEWS = List.of(
            new Review(KIM_THANH, true, null),
            new Review(NGUYEN_LUONG_BANG, false, "Đề nghị bổ sung số liệu tuyên truyền trên hệ thống truyền thanh"
                    + " và nêu rõ khó khăn, vướng mắc trong kỳ; gửi lại trước ngày 20 của tháng."));

    private static final List<Entry> ENTRIES = read("history.json");

    /**
     * The script as written in {@code history.json} beside this class: per commune, its entries in order of day; an
     * entry with a channel is an item, one without an activity. Ids follow from that order: the n-th item of a commune
     * is {@code demo-<commune>-tin-0n}, its n-th activity {@code demo-<commune>-hd-0n}.
     */
    private static List<Entry> read(String resource) {
        JsonNode script;
        try (InputStream in = DemoHistory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the demo script " + resource + " is missing");
            }
            script = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode commune : script.path("communes")) {
            String tenant = commune.path("commune").asString();
            int items = 0;
            int activities = 0;
            for (JsonNode e : commune.path("entries")) {
                MonthDay day = MonthDay.parse("--" + e.path("day").asString());
                List<Integer> tasks = e.path("tasks").valueStream().map(JsonNode::asInt).toList();
                String kind = e.path("kind").asString();
                String title = e.path("title").asString();
                String summary = e.path("summary").asString();
                if (e.hasNonNull("channel")) {
                    entries.add(new Item(id(tenant, "tin", ++items), tenant, day, kind, e.path("channel").asString(),
                            tasks, title, summary));
                } else {
                    entries.add(new Activity(id(tenant, "hd", ++activities), tenant, day, kind, tasks, title, summary,
                            e.path("place").asString(), e.path("participants").asInt()));
                }
            }
        }
        return List.copyOf(entries);
    }

    private static String id(String tenant, String what, int n) {
        return "demo-" + tenant + "-" + what + "-" + (n < 10 ? "0" : "") + n;
    }
}
