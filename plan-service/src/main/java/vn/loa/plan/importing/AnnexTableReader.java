package vn.loa.plan.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;
import vn.loa.plan.annex.Channels;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.importing.DocxBlocks.Cell;
import vn.loa.plan.importing.DocxBlocks.Table;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.wording.DueReader;
import vn.loa.plan.wording.QuotaReader;
import vn.loa.plan.wording.Reading;
import vn.loa.plan.wording.Words;

/**
 * Reads an annex table (Danh mục nhiệm vụ cụ thể / Phụ lục) into tasks. Columns are found by their header text,
 * never by position, since every commune lays its annex out differently: STT, Nhiệm vụ / Nội dung, Cơ quan chủ trì,
 * Cơ quan phối hợp, Thời gian thực hiện / hoàn thành, Sản phẩm, Quy mô, Đối tượng. A row without a number continues
 * the task above it (Word tables often split a long task over two rows).
 */
final class AnnexTableReader {

    enum Column { NUMBER, TASK, LEAD, COORDINATING, TIME, PRODUCT, QUOTA, CHANNEL, SCALE, AUDIENCE, NOTE }

    /** What one annex table gave. */
    record Result(List<TaskDetails> tasks, List<ImportNote> notes) {
    }

    /** A line of a list of units: "- Phòng Văn hóa - Xã hội". */
    private static final Pattern LISTED = Pattern.compile("^[-+•]\\s+");
    private static final Pattern TASK_NUMBER = Pattern.compile("^\\d{1,3}\\s*\\.?$");
    private static final Pattern SCALE_LINE = Pattern.compile("^[*\\-+•]?\\s*quy mo\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUDIENCE_LINE = Pattern.compile(
            "^[*\\-+•]?\\s*doi tuong(?:\\s+tham\\s+(?:du|gia))?\\s*:\\s*");
    private static final Pattern TIME_LINE = Pattern.compile(
            "^[*\\-+•]?\\s*thoi gian(?:\\s+thuc hien|\\s+hoan thanh)?\\s*:\\s*");

    private final QuotaReader quotas = new QuotaReader();
    private final DueReader dues = new DueReader();

    /** Whether the annex gives its quotas a column of their own ("Chỉ tiêu"), as Loa's export does. */
    static boolean hasQuotaColumn(Table table) {
        int header = headerRow(table);
        return header >= 0 && columns(table.rows().get(header)).containsKey(Column.QUOTA);
    }

    /** Whether a table looks like an annex: a header row naming a task column and a lead-unit column. */
    static boolean isAnnex(Table table) {
        return headerRow(table) >= 0;
    }

    /**
     * @param firstIndex the index the first task of this table will have in the plan (for field names)
     */
    Result read(Table table, int firstIndex, Period period) {
        int header = headerRow(table);
        Map<Column, Integer> columns = columns(table.rows().get(header));
        List<Raw> raws = new ArrayList<>();
        List<ImportNote> notes = new ArrayList<>();
        for (int r = header + 1; r < table.rows().size(); r++) {
            List<Cell> row = table.rows().get(r);
            String number = text(row, columns.get(Column.NUMBER));
            List<String> taskCell = paragraphs(row, columns.get(Column.TASK));
            boolean blank = row.stream().allMatch(c -> c.paragraphs().isEmpty());
            if (blank || isColumnNumbering(row)) {
                continue;
            }
            boolean starts = columns.containsKey(Column.NUMBER) ? TASK_NUMBER.matcher(number).matches()
                    : !taskCell.isEmpty();
            if (!starts && !number.isEmpty()) {
                notes.add(new ImportNote("Phụ lục, dòng " + (r + 1), null, Words.squeeze(number + " "
                        + String.join(" ", taskCell)), "Dòng nhóm hoặc dòng không đánh số thứ tự: chưa đọc thành "
                        + "nhiệm vụ, hãy kiểm tra."));
                continue;
            }
            if (starts || raws.isEmpty()) {
                raws.add(new Raw());
            }
            raws.get(raws.size() - 1).add(row, columns);
        }
        List<TaskDetails> tasks = new ArrayList<>();
        for (Raw raw : raws) {
            int index = firstIndex + tasks.size();
            tasks.add(task(raw, index, period, notes));
        }
        return new Result(tasks, notes);
    }

    private TaskDetails task(Raw raw, int index, Period period, List<ImportNote> notes) {
        String where = "Phụ lục, nhiệm vụ " + (index + 1);
        String field = "tasks[" + index + "].";
        String title = raw.task.isEmpty() ? null : raw.task.get(0);
        List<String> descriptionLines = raw.task.size() > 1 ? raw.task.subList(1, raw.task.size()) : List.of();
        String description = descriptionLines.isEmpty() ? null : String.join("\n", descriptionLines);
        if (title == null) {
            notes.add(new ImportNote(where, field + "title", null, "Nhiệm vụ không có tên: hãy nhập."));
        }
        String lead = joined(raw.lead);
        if (lead == null) {
            notes.add(new ImportNote(where, field + "leadUnit", null,
                    "Không có cơ quan chủ trì: hãy nhập trước khi ban hành."));
        }
        String scale = joined(raw.scale);
        String audience = joined(raw.audience);
        String timeFromDescription = null;
        for (String line : descriptionLines) {
            String f = Words.folded(line);
            scale = scale != null ? scale : after(SCALE_LINE, f, line);
            audience = audience != null ? audience : after(AUDIENCE_LINE, f, line);
            timeFromDescription = timeFromDescription != null ? timeFromDescription : after(TIME_LINE, f, line);
        }
        // a time cell may end with the exact deadline ("Hạn: 30/11/2026"), as Loa's own export writes it
        List<String> timeLines = new ArrayList<>(raw.time);
        LocalDate deadline = timeLines.isEmpty() ? null : AnnexWording.deadlineOf(timeLines.getLast());
        if (deadline != null) {
            timeLines.removeLast();
        }
        String time = joined(timeLines);
        String all = String.join("\n", raw.task) + "\n" + (scale == null ? "" : scale) + "\n"
                + (time == null ? "" : time);

        Due due = deadline != null ? new Due(deadline, time)
                : due(time, timeFromDescription, period, where, field, notes);
        // a "Chỉ tiêu" column holds the quota on its own: the task's other words are not searched for one
        Reading<Quota> quota = raw.hasQuotaColumn ? quotas.read(String.join("\n", raw.quota)) : quotas.read(all);
        quota.problems().forEach(p -> notes.add(new ImportNote(where, field + "quota", null, p)));

        List<ProductKind> kinds = kinds(joined(raw.product), String.join("\n", raw.task), where, field, notes);
        List<String> channels = raw.hasChannelColumn ? channelCell(raw.channel)
                : List.copyOf(Channels.forTask(String.join("\n", raw.task), kinds));
        return new TaskDetails(title, description, lead, units(raw.coordinating), kinds, channels, audience, scale,
                quota.value(), due);
    }

    /** The due a task's time cell and description give, as {@link #read} finds it (notes dropped). */
    Due dueOf(String time, String description, Period period) {
        String fromDescription = null;
        for (String line : description == null ? List.<String>of() : List.of(description.split("\n"))) {
            String clean = Words.clean(line).strip();
            fromDescription = fromDescription != null ? fromDescription
                    : after(TIME_LINE, Words.folded(clean), clean);
        }
        return due(time == null || time.isBlank() ? null : Words.squeeze(time), fromDescription, period, "", "",
                new ArrayList<>());
    }

    /** A "Kênh" cell: one channel a paragraph, by its Vietnamese name ("Trang thông tin điện tử xã") or its id. */
    private static List<String> channelCell(List<String> paragraphs) {
        Set<String> ids = new LinkedHashSet<>();
        for (String paragraph : paragraphs) {
            for (String part : paragraph.split(";")) {
                String p = part.strip().replaceAll("[.,]+$", "");
                Set<String> named = exactly(Channels.mentionedIn(p), p);
                if (!named.isEmpty()) {
                    ids.addAll(named);
                } else if (vn.loa.contracts.Topics.isChannelId(p)) {
                    ids.add(p);
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * A cell line that is exactly one channel's name (as the export writes it) is that channel, even when its words
     * also name another: "Bảng tin" is the notice board, though a notice board is also where visual products go.
     */
    private static Set<String> exactly(Set<String> named, String line) {
        if (named.size() < 2) {
            return named;
        }
        String folded = Words.folded(line);
        for (String id : named) {
            for (String kind : List.of("xã", "phường", "đặc khu", "tỉnh", "thành phố")) {
                if (Words.folded(AnnexWording.channel(id, kind, kind)).equals(folded)) {
                    return Set.of(id);
                }
            }
        }
        return named;
    }

    /** The due from the time column, or from a "Thời gian thực hiện:" line of the description when that is sharper. */
    private Due due(String column, String fromDescription, Period period, String where, String field,
            List<ImportNote> notes) {
        DueReader.Context context = new DueReader.Context(period, null);
        if (fromDescription != null) {
            Reading<Due> sharper = dues.read(fromDescription, context);
            if (sharper.isClean() && sharper.value() != null && sharper.value().date() != null) {
                if (column != null && !Words.folded(column).equals(Words.folded(fromDescription))) {
                    notes.add(new ImportNote(where, field + "due", column, "Hạn lấy theo mô tả \"" + fromDescription
                            + "\" thay cho cột thời gian \"" + column + "\": hãy kiểm tra."));
                }
                return sharper.value();
            }
        }
        if (column == null) {
            return null;
        }
        Reading<Due> reading = dues.read(column, context);
        reading.problems().forEach(p -> notes.add(new ImportNote(where, field + "due", column, p)));
        return reading.value();
    }

    private static List<ProductKind> kinds(String productCell, String taskText, String where, String field,
            List<ImportNote> notes) {
        if (productCell != null) {
            ProductKind.Products products = ProductKind.read(productCell);
            if (!products.unknown().isEmpty()) {
                notes.add(new ImportNote(where, field + "productKinds", productCell, "Không nhận ra loại sản phẩm: "
                        + String.join(", ", products.unknown().stream().map(u -> "\"" + u + "\"").toList())
                        + ". Hãy chọn loại phù hợp nếu cần."));
            }
            if (!products.kinds().isEmpty()) {
                return List.copyOf(products.kinds());
            }
        }
        Set<ProductKind> mentioned = ProductKind.mentionedIn(taskText);
        if (mentioned.isEmpty()) {
            notes.add(new ImportNote(where, field + "productKinds", productCell,
                    "Không xác định được loại sản phẩm của nhiệm vụ: hãy chọn."));
        }
        return List.copyOf(mentioned);
    }

    /**
     * Coordinating units: one per paragraph, and "A và các phòng, ban chuyên môn" is two. A comma does not
     * separate units ("Các phòng, ban chuyên môn" is one), nor does a lone "và" ("Văn phòng HĐND và UBND").
     */
    static List<String> units(List<String> paragraphs) {
        Set<String> units = new LinkedHashSet<>();
        for (String paragraph : paragraphs) {
            String line = Words.squeeze(paragraph);
            if (LISTED.matcher(line).find()) {
                // "- Các cơ quan, đơn vị và các thôn": a line of a list is one unit, as written
                String unit = LISTED.matcher(line).replaceFirst("").replaceAll("[.;,]+$", "").strip();
                if (!unit.isEmpty()) {
                    units.add(Character.toUpperCase(unit.charAt(0)) + unit.substring(1));
                }
                continue;
            }
            for (String part : line.split(";|\\s+(?:và|cùng)\\s+(?=các\\s)")) {
                String unit = part.strip().replaceAll("[.;,]+$", "");
                if (!unit.isEmpty()) {
                    units.add(Character.toUpperCase(unit.charAt(0)) + unit.substring(1));
                }
            }
        }
        return List.copyOf(units);
    }

    private static String after(Pattern label, String folded, String original) {
        Matcher m = label.matcher(folded);
        return m.find() ? original.substring(m.end()).strip() : null;
    }

    private static String joined(List<String> paragraphs) {
        String s = Words.squeeze(String.join(" ", paragraphs));
        return s.isEmpty() ? null : s;
    }

    private static int headerRow(Table table) {
        for (int r = 0; r < Math.min(3, table.rows().size()); r++) {
            Map<Column, Integer> columns = columns(table.rows().get(r));
            if (columns.containsKey(Column.TASK) && columns.containsKey(Column.LEAD)) {
                return r;
            }
        }
        return -1;
    }

    private static Map<Column, Integer> columns(List<Cell> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (Cell cell : header) {
            String h = Words.folded(cell.text()).replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").strip();
            Column column = h.matches("(so )?s?tt") ? Column.NUMBER
                    : h.startsWith("chi tieu") ? Column.QUOTA
                    : h.startsWith("kenh") ? Column.CHANNEL
                    : h.contains("chu tri") ? Column.LEAD
                    : h.contains("phoi hop") ? Column.COORDINATING
                    : h.contains("thoi gian") || h.contains("thoi han") || h.contains("tien do") ? Column.TIME
                    : h.contains("san pham") || h.contains("ket qua") ? Column.PRODUCT
                    : h.contains("quy mo") ? Column.SCALE
                    : h.contains("doi tuong") ? Column.AUDIENCE
                    : h.contains("ghi chu") ? Column.NOTE
                    : h.contains("nhiem vu") || h.contains("noi dung") ? Column.TASK
                    : null;
            if (column != null) {
                columns.putIfAbsent(column, cell.column());
            }
        }
        return columns;
    }

    /** A row "(1) (2) (3) …" under the header, as some annexes have. */
    private static boolean isColumnNumbering(List<Cell> row) {
        return row.stream().allMatch(c -> c.text().matches("\\(?\\d{1,2}\\)?|"));
    }

    private static List<String> paragraphs(List<Cell> row, Integer column) {
        if (column == null) {
            return List.of();
        }
        return row.stream().filter(c -> c.column() == column).findFirst().map(Cell::paragraphs).orElse(List.of());
    }

    private static String text(List<Cell> row, Integer column) {
        return Words.squeeze(String.join(" ", paragraphs(row, column)));
    }

    /** The cells of one task, gathered over its rows. */
    private static final class Raw {
        final List<String> task = new ArrayList<>();
        final List<String> lead = new ArrayList<>();
        final List<String> coordinating = new ArrayList<>();
        final List<String> time = new ArrayList<>();
        final List<String> product = new ArrayList<>();
        final List<String> scale = new ArrayList<>();
        final List<String> audience = new ArrayList<>();
        final List<String> quota = new ArrayList<>();
        final List<String> channel = new ArrayList<>();
        boolean hasQuotaColumn;
        boolean hasChannelColumn;

        void add(List<Cell> row, Map<Column, Integer> columns) {
            hasQuotaColumn = columns.containsKey(Column.QUOTA);
            hasChannelColumn = columns.containsKey(Column.CHANNEL);
            quota.addAll(paragraphs(row, columns.get(Column.QUOTA)));
            channel.addAll(paragraphs(row, columns.get(Column.CHANNEL)));
            task.addAll(paragraphs(row, columns.get(Column.TASK)));
            task.addAll(paragraphs(row, columns.get(Column.NOTE)));
            lead.addAll(paragraphs(row, columns.get(Column.LEAD)));
            coordinating.addAll(paragraphs(row, columns.get(Column.COORDINATING)));
            time.addAll(paragraphs(row, columns.get(Column.TIME)));
            product.addAll(paragraphs(row, columns.get(Column.PRODUCT)));
            scale.addAll(paragraphs(row, columns.get(Column.SCALE)));
            audience.addAll(paragraphs(row, columns.get(Column.AUDIENCE)));
        }
    }
}
