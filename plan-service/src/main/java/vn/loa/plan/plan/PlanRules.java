package vn.loa.plan.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.loa.contracts.Topics;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.plan.TaskRequest.DueRequest;
import vn.loa.plan.plan.TaskRequest.QuotaRequest;
import vn.loa.plan.wording.DueReader;
import vn.loa.plan.wording.Words;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.InvalidInput.FieldProblem;

/**
 * Every rule a plan's fields must keep, with a Vietnamese message per field: the API, the import and the demo data
 * go through the same rules. Limits are generous for real documents (the seeds' longest paragraph is ~1,000
 * characters) and keep one plan a bounded MongoDB document.
 */
public final class PlanRules {

    public static final int MAX_TASKS = 200;
    public static final int TITLE = 500;
    public static final int NUMBER = 50;
    public static final int SHORT = 300;
    public static final int ITEM = 5000;
    public static final int ITEMS = 100;
    public static final int TASK_TITLE = 1000;
    public static final int DESCRIPTION = 10000;
    public static final int LIST = 20;
    public static final int MAX_COUNT = 10000;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final int MAX_YEARS = 5;

    private final DueReader dueReader = new DueReader();

    /** Throws {@link InvalidInput} with every problem, if there is any. */
    public static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.size() == 1 ? problems.get(0).message()
                    : "Dữ liệu chưa hợp lệ ở " + problems.size() + " trường. Vui lòng kiểm tra lại.", problems);
        }
    }

    /** The rules of a draft's document fields. Number and date may still be missing (see {@link #readyToIssue}). */
    public List<FieldProblem> content(PlanContent c) {
        Problems p = new Problems("");
        p.required("title", c.title(), "Tên kế hoạch là bắt buộc.");
        p.max("title", c.title(), TITLE);
        p.max("number", c.number(), NUMBER);
        p.max("place", c.place(), SHORT);
        p.dateInRange("issuedOn", c.issuedOn());
        Period period = c.period();
        if (period != null) {
            p.dateInRange("period.from", period.from());
            p.dateInRange("period.to", period.to());
            if (period.from() == null) {
                p.add("period.from", "Ngày bắt đầu thực hiện là bắt buộc.");
            }
            if (period.to() == null) {
                p.add("period.to", "Ngày kết thúc thực hiện là bắt buộc.");
            }
            if (period.from() != null && period.to() != null) {
                if (period.from().isAfter(period.to())) {
                    p.add("period.to", "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu (" + Words.date(period.from())
                            + ").");
                } else if (period.to().isAfter(period.from().plusYears(MAX_YEARS))) {
                    p.add("period.to", "Kế hoạch kéo dài tối đa " + MAX_YEARS + " năm.");
                }
            }
        }
        p.items("basis", c.basis(), ITEMS, ITEM);
        p.items("purposes", c.purposes(), ITEMS, ITEM);
        p.items("requirements", c.requirements(), ITEMS, ITEM);
        p.items("targets", c.targets(), ITEMS, ITEM);
        p.items("themes", c.themes(), ITEMS, ITEM);
        p.items("forms", c.forms(), ITEMS, ITEM);
        p.max("budget", c.budget(), ITEM);
        p.listSize("duties", c.duties(), ITEMS);
        for (int i = 0; i < c.duties().size(); i++) {
            Duty d = c.duties().get(i);
            p.required("duties[" + i + "].unit", d.unit(), "Tên đơn vị là bắt buộc.");
            p.max("duties[" + i + "].unit", d.unit(), SHORT);
            p.items("duties[" + i + "].items", d.items(), ITEMS, ITEM);
        }
        p.items("recipients", c.recipients(), ITEMS, SHORT);
        if (c.signer() != null) {
            p.max("signer.authority", c.signer().authority(), SHORT);
            p.max("signer.delegation", c.signer().delegation(), SHORT);
            p.max("signer.title", c.signer().title(), SHORT);
            p.max("signer.name", c.signer().name(), SHORT);
        }
        p.listSize("otherSections", c.otherSections(), LIST);
        for (int i = 0; i < c.otherSections().size(); i++) {
            p.max("otherSections[" + i + "].heading", c.otherSections().get(i).heading(), SHORT);
            p.items("otherSections[" + i + "].items", c.otherSections().get(i).items(), ITEMS, ITEM);
        }
        p.max("closing", c.closing(), ITEM);
        p.max("annexTitle", c.annexTitle(), TASK_TITLE);
        return p.list;
    }

    /**
     * Turns a request into checked task details: quota and due read and checked against the plan period. Returns
     * null (and adds problems) when the request cannot make a task.
     */
    public TaskDetails task(TaskRequest r, Period period, String prefix, List<FieldProblem> problems) {
        Problems p = new Problems(prefix);
        if (r == null) {
            p.add("", "Thiếu nội dung nhiệm vụ.");
            problems.addAll(p.list);
            return null;
        }
        Quota quota = quota(r.quota(), p);
        Due due = due(r.due(), period, p);
        TaskDetails details = new TaskDetails(trim(r.title()), trim(r.description()), trim(r.leadUnit()),
                present("coordinatingUnits", r.coordinatingUnits(), p).stream().map(PlanRules::trim).toList(),
                present("productKinds", r.productKinds(), p), present("channels", r.channels(), p),
                trim(r.audience()), trim(r.scale()), quota, due);
        p.list.addAll(details(details, period, prefix));
        problems.addAll(p.list);
        return p.list.isEmpty() ? details : null;
    }

    /** The rules of one task's details, within the plan period. */
    public List<FieldProblem> details(TaskDetails d, Period period, String prefix) {
        Problems p = new Problems(prefix);
        p.required("title", d.title(), "Tên nhiệm vụ là bắt buộc.");
        p.max("title", d.title(), TASK_TITLE);
        p.max("description", d.description(), DESCRIPTION);
        p.max("leadUnit", d.leadUnit(), SHORT);
        p.items("coordinatingUnits", d.coordinatingUnits(), LIST, SHORT);
        p.listSize("channels", d.channels(), LIST);
        for (int i = 0; i < d.channels().size(); i++) {
            String channel = d.channels().get(i);
            if (!Topics.isChannelId(channel)) {
                p.add("channels[" + i + "]", "Mã kênh \"" + channel + "\" không hợp lệ: chỉ gồm chữ thường không dấu, "
                        + "chữ số và dấu gạch ngang, 2–40 ký tự, ví dụ \"portal\", \"zalo-oa\".");
            }
        }
        p.max("audience", d.audience(), ITEM);
        p.max("scale", d.scale(), ITEM);
        if (d.quota() != null && period != null && period.isComplete()) {
            YearMonth first = YearMonth.from(period.from());
            YearMonth last = YearMonth.from(period.to());
            String window = " phải nằm trong thời gian của kế hoạch (" + Words.month(first) + " – "
                    + Words.month(last) + ").";
            if (d.quota().from() != null && !period.contains(d.quota().from())) {
                p.add("quota.from", "Tháng bắt đầu của chỉ tiêu" + window);
            }
            if (d.quota().to() != null && !period.contains(d.quota().to())) {
                p.add("quota.to", "Tháng kết thúc của chỉ tiêu" + window);
            }
        }
        if (d.due() != null) {
            p.max("due.text", d.due().text(), SHORT);
            LocalDate date = d.due().date();
            if (date != null && period != null && period.isComplete() && !period.contains(date)) {
                p.add("due.date", "Hạn hoàn thành phải nằm trong thời gian của kế hoạch (" + Words.date(period.from())
                        + " – " + Words.date(period.to()) + ").");
            } else {
                p.dateInRange("due.date", date);
            }
        }
        return p.list;
    }

    /** Every task again, e.g. after the plan period changed: a quota may now fall outside it. */
    public List<FieldProblem> tasks(List<AnnexTask> tasks, Period period) {
        List<FieldProblem> out = new ArrayList<>();
        if (tasks.size() > MAX_TASKS) {
            out.add(new FieldProblem("tasks", "Kế hoạch có tối đa " + MAX_TASKS + " nhiệm vụ."));
        }
        for (int i = 0; i < tasks.size(); i++) {
            out.addAll(details(tasks.get(i).details(), period, "tasks[" + i + "]."));
        }
        return out;
    }

    /** What an issued document must have, beyond a draft: number, date, period, tasks with a lead unit each. */
    public List<FieldProblem> readyToIssue(PlanContent c, List<AnnexTask> tasks) {
        Problems p = new Problems("");
        p.required("number", c.number(), "Cần có số ký hiệu (ví dụ 21/KH-UBND) trước khi ban hành.");
        if (c.issuedOn() == null) {
            p.add("issuedOn", "Cần có ngày ban hành trước khi ban hành.");
        }
        if (c.period() == null || !c.period().isComplete()) {
            p.add("period", "Cần có thời gian thực hiện kế hoạch trước khi ban hành.");
        }
        if (tasks.stream().noneMatch(AnnexTask::isActive)) {
            p.add("tasks", "Kế hoạch cần có ít nhất một nhiệm vụ trước khi ban hành.");
        }
        for (int i = 0; i < tasks.size(); i++) {
            p.required("tasks[" + i + "].leadUnit", tasks.get(i).leadUnit(),
                    "Nhiệm vụ " + tasks.get(i).order() + " cần có cơ quan chủ trì trước khi ban hành.");
        }
        return p.list;
    }

    private Quota quota(QuotaRequest q, Problems p) {
        if (q == null) {
            return null;
        }
        boolean ok = true;
        if (q.count() == null) {
            p.add("quota.count", "Số lượng của chỉ tiêu là bắt buộc.");
            ok = false;
        } else if (q.count() < 1) {
            p.add("quota.count", "Số lượng của chỉ tiêu phải từ 1 trở lên.");
            ok = false;
        } else if (q.count() > MAX_COUNT) {
            p.add("quota.count", "Số lượng của chỉ tiêu tối đa " + MAX_COUNT + ".");
            ok = false;
        }
        if (q.per() == null) {
            p.add("quota.per", "Chu kỳ của chỉ tiêu là bắt buộc (MONTH, QUARTER, HALF_YEAR, YEAR hoặc PLAN).");
            ok = false;
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            p.add("quota.to", "Tháng kết thúc của chỉ tiêu phải bằng hoặc sau tháng bắt đầu (" + Words.month(q.from())
                    + ").");
            ok = false;
        }
        return ok ? new Quota(q.count(), q.per(), q.from(), q.to()) : null;
    }

    private Due due(DueRequest d, Period period, Problems p) {
        if (d == null) {
            return null;
        }
        String text = trim(d.text());
        if (d.date() != null || text == null) {
            return new Due(d.date(), text);
        }
        // no date given: read it from the words, as the import does; what cannot be read stays words only
        Due read = dueReader.read(text, new DueReader.Context(period, d.referenceDate())).value();
        return read == null ? new Due(null, text) : read;
    }

    /** The list without its empty entries, each of which is a problem. */
    private static <T> List<T> present(String field, List<T> list, Problems p) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                p.add(field + "[" + i + "]", "Mục không được để trống.");
            }
        }
        return list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    /** Collects field problems under a prefix ("tasks[3]."). */
    private static final class Problems {
        private final String prefix;
        private final List<FieldProblem> list = new ArrayList<>();

        Problems(String prefix) {
            this.prefix = prefix;
        }

        void add(String field, String message) {
            String name = field.isEmpty() && prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1)
                    : prefix + field;
            list.add(new FieldProblem(name, message));
        }

        void required(String field, String value, String message) {
            if (value == null || value.isBlank()) {
                add(field, message);
            }
        }

        void max(String field, String value, int max) {
            if (value != null && value.length() > max) {
                add(field, "Tối đa " + max + " ký tự (hiện có " + value.length() + ").");
            }
        }

        void listSize(String field, List<?> list, int max) {
            if (list.size() > max) {
                add(field, "Tối đa " + max + " mục (hiện có " + list.size() + ").");
            }
        }

        void items(String field, List<String> items, int maxItems, int maxLength) {
            listSize(field, items, maxItems);
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                if (item == null || item.isBlank()) {
                    add(field + "[" + i + "]", "Mục không được để trống.");
                } else {
                    max(field + "[" + i + "]", item, maxLength);
                }
            }
        }

        void dateInRange(String field, LocalDate date) {
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                add(field, "Ngày phải nằm trong khoảng " + Words.date(EARLIEST) + " – " + Words.date(LATEST) + ".");
            }
        }
    }
}
