package vn.loa.plan.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.PlanRules;
import vn.loa.plan.plan.TaskRequest;
import vn.loa.plan.plan.TaskRequest.DueRequest;
import vn.loa.plan.plan.TaskRequest.QuotaRequest;
import vn.loa.plan.wording.Words;
import vn.loa.platform.problem.InvalidInput.FieldProblem;

/**
 * One seed commune's plan, as {@code src/main/resources/demo/*.json} holds it: the {@code POST /api/plans} body and
 * the {@code POST /api/plans/{id}/tasks} bodies of its annex, with where it comes from and what the demo had to add
 * (a number and a date the draft did not have yet).
 */
public record DemoPlan(String tenantId, String source, List<String> notes, PlanContent plan,
        List<TaskRequest> tasks) {

    static final String LOCATION = "classpath*:demo/*.json";

    /** Every demo plan, in file-name order. */
    public static List<DemoPlan> all(JsonMapper json) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<DemoPlan> plans = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    plans.add(json.readValue(in, DemoPlan.class));
                }
            }
            return plans;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plan's fixed id, e.g. {@code demo-11242-21-kh-ubnd}: two instances starting together insert it once, and a
     * restart finds it again.
     */
    public String id() {
        return "demo-" + tenantId + "-" + Words.folded(plan.number()).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    /** The tasks through the same rules as the API; throws {@code InvalidInput} naming the fields at fault. */
    public List<TaskDetails> checkedTasks(PlanRules rules) {
        List<FieldProblem> problems = new ArrayList<>(rules.content(plan));
        List<TaskDetails> details = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            details.add(rules.task(tasks.get(i), plan.period(), "tasks[" + i + "].", problems));
        }
        PlanRules.check(problems);
        return details;
    }

    /**
     * The plan as its commune would re-issue it for the year of {@code today}: every date moved by whole years (the
     * period, the issue date, each due date and the day it counts from, each quota's months), the year in the title,
     * targets, themes, task titles and due words ("Trong năm 2025") with them; the legal basis is left as written (it
     * cites decisions that were really made). The issue date never lies after {@code today}: a plan whose date of
     * issue has not come yet this year is issued today. Deterministic: the same day gives the same plan.
     */
    public DemoPlan reissuedFor(LocalDate today) {
        int from = plan.period().from().getYear();
        int years = today.getYear() - from;
        if (years == 0) {
            return this;
        }
        // the year alone ("năm 2025"), a month of it ("tháng 8/2025") and the plan's own blank date ("…/…/2025");
        // never a date of another document ("ngày 26/7/2025") nor a span ("2021-2025")
        Pattern year = Pattern.compile("(?<![0-9/.…-])" + from + "(?![0-9])|(?<=tháng \\d{1,2}/|…/)" + from
                + "(?![0-9])");
        String to = Integer.toString(today.getYear());
        java.util.function.UnaryOperator<String> text = t -> t == null ? null : year.matcher(t).replaceAll(to);
        LocalDate issued = plan.issuedOn() == null ? null : plan.issuedOn().plusYears(years);
        if (issued != null && issued.isAfter(today)) {
            issued = today;
        }
        PlanContent content = new PlanContent(plan.number(), text.apply(plan.title()), plan.place(), issued,
                new Period(plan.period().from().plusYears(years), plan.period().to().plusYears(years)),
                plan.basis(), plan.purposes().stream().map(text).toList(),
                plan.requirements().stream().map(text).toList(), plan.targets().stream().map(text).toList(),
                plan.themes().stream().map(text).toList(), plan.forms(), plan.budget(), plan.duties(),
                plan.recipients(), plan.signer(), plan.otherSections(), text.apply(plan.closing()),
                text.apply(plan.annexTitle()));
        List<TaskRequest> moved = tasks.stream().map(t -> new TaskRequest(text.apply(t.title()),
                text.apply(t.description()), t.leadUnit(), t.coordinatingUnits(), t.productKinds(), t.channels(),
                t.audience(), t.scale(), quota(t.quota(), years), due(t.due(), years, text))).toList();
        List<String> moreNotes = new ArrayList<>(notes == null ? List.of() : notes);
        moreNotes.add("Dữ liệu mẫu ban hành lại kế hoạch năm " + from + " cho năm " + to + ": mọi ngày, tháng dời "
                + years + " năm; căn cứ giữ nguyên như văn bản gốc.");
        return new DemoPlan(tenantId, source, moreNotes, content, moved);
    }

    private static QuotaRequest quota(QuotaRequest q, int years) {
        return q == null ? null : new QuotaRequest(q.count(), q.per(), q.from() == null ? null : q.from().plusYears(years),
                q.to() == null ? null : q.to().plusYears(years));
    }

    private static DueRequest due(DueRequest d, int years, java.util.function.UnaryOperator<String> text) {
        return d == null ? null : new DueRequest(d.date() == null ? null : d.date().plusYears(years),
                text.apply(d.text()), d.referenceDate() == null ? null : d.referenceDate().plusYears(years));
    }
}
