package vn.loa.plan.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.contracts.plan.Quota;
import vn.loa.plan.annex.Channels;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.plan.Duty;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.wording.QuotaReader;
import vn.loa.plan.wording.Reading;
import vn.loa.plan.wording.Words;

/**
 * Quotas a plan writes in its duties ("Tổ chức thực hiện") rather than in its annex become plan-level tasks, each
 * with an import note. Bạch Mai's IV.1 gives Phòng Văn hóa - Xã hội "tối thiểu 01 tin/bài trong 01 tháng trên Trang
 * thông tin CCHC của Thành phố (từ tháng 8/2025 đến tháng 12/2025) và có 06 tin/bài trên Trang thông tin điện tử
 * phường; định kỳ có ít nhất 02 tin/bài trên hệ thống truyền thanh cơ sở": three clauses, read one by one —
 * <ul>
 *   <li>the first is annex task 3 already (same quota, same channel): no second task, a note says so;</li>
 *   <li>"06 tin/bài trên Trang thông tin điện tử phường" is in no annex row: a task {6, PLAN} on the portal, led by
 *       the duty's unit, with a note asking a person to check it;</li>
 *   <li>"định kỳ … 02 tin/bài" does not say per what: no task, a note (the reader never guesses).</li>
 * </ul>
 * An item is cut into clauses at sentence ends, at ";" and at "và" followed by a count ("… và có 06 tin/bài …"), so
 * that each count stays with its own period and channel.
 */
final class DutyQuotaReader {

    /** Where a clause may end (on folded text): a sentence, a semicolon, or "và" before another count. */
    private static final Pattern CLAUSES = Pattern.compile(
            "[.;](?=\\s|$)|\\s+va\\s+(?=(?:co\\s+|dat\\s+)?(?:toi\\s+thieu|it\\s+nhat|\\d))");

    /** Words before the count that say nothing of the task: "có 06 tin/bài", "và có …". */
    private static final Pattern FILLER = Pattern.compile("^(?:va\\s+)?(?:co|dat)\\s+(?=\\d)");

    private final QuotaReader quotas = new QuotaReader();

    /** The tasks the duties add to those of the annex ({@code annex}, already read), numbered after them. */
    List<TaskDetails> read(List<Duty> duties, List<TaskDetails> annex, List<ImportNote> notes) {
        List<TaskDetails> added = new ArrayList<>();
        for (int d = 0; d < duties.size(); d++) {
            Duty duty = duties.get(d);
            String where = "Tổ chức thực hiện, " + (d + 1) + ". " + Objects.requireNonNullElse(duty.unit(), "");
            for (String item : duty.items()) {
                for (String clause : clauses(item)) {
                    TaskDetails task = task(duty, item, clause, annex.size() + added.size(), where, annex, notes);
                    if (task != null) {
                        added.add(task);
                    }
                }
            }
        }
        return added;
    }

    /** The clauses of a duty item, in the document's own words (cut where the folded text says). */
    static List<String> clauses(String item) {
        String original = Words.clean(item);
        Matcher cut = CLAUSES.matcher(Words.fold(original));
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from <= original.length()) {
            boolean found = cut.find();
            int to = found ? cut.start() : original.length();
            String c = Words.squeeze(original.substring(from, to)).replaceAll("^[-+•]\\s*", "");
            if (!c.isEmpty()) {
                out.add(c);
            }
            if (!found) {
                break;
            }
            from = cut.end();
        }
        return out;
    }

    private TaskDetails task(Duty duty, String item, String clause, int index, String where, List<TaskDetails> annex,
            List<ImportNote> notes) {
        if (!quotas.mentionsCount(clause)) {
            return null; // "định kỳ 6 tháng … báo cáo": a reporting rhythm, not a quota
        }
        Reading<Quota> reading = quotas.read(clause);
        if (reading.value() == null) {
            reading.problems().forEach(p -> notes.add(new ImportNote(where, "duties", clause,
                    "Chỉ tiêu trong phần Tổ chức thực hiện chưa thành nhiệm vụ: " + p)));
            return null;
        }
        Quota quota = reading.value();
        List<ProductKind> kinds = List.copyOf(ProductKind.mentionedIn(clause));
        List<String> channels = List.copyOf(Channels.forTask(clause, kinds));
        for (int i = 0; i < annex.size(); i++) {
            if (same(annex.get(i), quota, channels)) {
                notes.add(new ImportNote(where, "tasks[" + i + "].quota", clause, "Chỉ tiêu này đã có ở nhiệm vụ "
                        + (i + 1) + " của Phụ lục: không tạo thêm nhiệm vụ."));
                return null;
            }
        }

        String title = capitalised(clause);
        notes.add(new ImportNote(where, "tasks[" + index + "]", clause, "Chỉ tiêu ghi trong phần Tổ chức thực hiện, "
                + "không có trong Phụ lục: đã tạo nhiệm vụ " + (index + 1) + " \"" + title + "\" (chỉ tiêu "
                + inWords(quota) + ") do " + Objects.requireNonNullElse(duty.unit(), "đơn vị này")
                + " chủ trì. Hãy kiểm tra chỉ tiêu, kênh và loại sản phẩm trước khi ban hành."));
        if (kinds.isEmpty()) {
            notes.add(new ImportNote(where, "tasks[" + index + "].productKinds", clause,
                    "Không xác định được loại sản phẩm của nhiệm vụ: hãy chọn."));
        }
        String description = Words.squeeze(item).replaceFirst("^[-+•]\\s*", ""); // the whole item, as context
        return new TaskDetails(title, description, duty.unit(), List.of(), kinds, channels, null, null, quota, null);
    }

    /** The annex has this quota already: the same count, period and months, and the same channels. */
    private static boolean same(TaskDetails task, Quota quota, List<String> channels) {
        return quota.equals(task.quota()) && channels.stream().sorted().toList()
                .equals(task.channels().stream().sorted().toList());
    }

    /** The clause as a task's name: without a leading "có" / "và" and trailing punctuation, capitalised. */
    private static String capitalised(String clause) {
        String c = clause.replaceAll("[\\s,:]+$", "");
        Matcher filler = FILLER.matcher(Words.fold(c));
        if (filler.find()) {
            c = c.substring(filler.end());
        }
        return c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    /** "6 mỗi tháng (từ 08/2025 đến 12/2025)", "6 cho cả kỳ kế hoạch". */
    static String inWords(Quota quota) {
        String per = switch (quota.per()) {
            case MONTH -> "mỗi tháng";
            case QUARTER -> "mỗi quý";
            case HALF_YEAR -> "mỗi 6 tháng";
            case YEAR -> "mỗi năm";
            case PLAN -> "cho cả kỳ kế hoạch";
        };
        String months = quota.from() == null && quota.to() == null ? ""
                : " (" + (quota.from() == null ? "từ đầu kỳ" : "từ " + Words.month(quota.from())) + " đến "
                        + (quota.to() == null ? "cuối kỳ" : Words.month(quota.to())) + ")";
        return quota.count() + " " + per + months;
    }
}
