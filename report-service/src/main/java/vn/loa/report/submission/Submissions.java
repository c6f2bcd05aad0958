package vn.loa.report.submission;

import vn.loa.platform.time.VnTime;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.live.ChangeLog;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.live.Change;
import vn.loa.report.submission.Submission.Step;

/**
 * Report submission: DRAFT → SUBMITTED (the commune's leader) → ACCEPTED or RETURNED (a reviewer of the commune's
 * province, a return with a reason); a returned report can be submitted again. Local to report-service (no event
 * contract exists for it). Each step is one conditional single-document update, so two reviewers cannot both win.
 * Acceptance is final and freezes the report: the same update stores its documents under {@code frozen}
 * ({@code ReportArchive}), which the other reads leave out.
 */
@Component
public class Submissions {

    static final String COLLECTION = "submissions";
    /** Everything but the frozen documents themselves. */
    private static final Bson STATE = Projections.include("commune", "period", "state", "reason", "history",
            "frozen.at");

    private final MongoTemplate mongo;
    private final ChangeLog changes;
    private final Clock clock;

    public Submissions(MongoTemplate mongo, ChangeLog changes, Clock clock) {
        this.mongo = mongo;
        this.changes = changes;
        this.clock = clock;
    }

    public Submission of(String commune, String period) {
        Document d = col().find(Filters.eq("_id", id(commune, period))).projection(STATE).first();
        return d == null ? Submission.draft(commune, period) : read(d);
    }

    /** The submissions of every commune listed for one period, in one query (a draft where there is none). */
    public Map<String, Submission> of(List<String> communes, String period) {
        Map<String, Submission> out = new HashMap<>();
        for (Document d : col().find(Filters.and(Filters.in("commune", communes), Filters.eq("period", period)))
                .projection(STATE)) {
            Submission s = read(d);
            out.put(s.commune(), s);
        }
        communes.forEach(c -> out.putIfAbsent(c, Submission.draft(c, period)));
        return out;
    }

    /** The state of every commune listed for one period. */
    public Map<String, SubmissionState> states(List<String> communes, String period) {
        Map<String, SubmissionState> out = new HashMap<>();
        for (Document d : col().find(Filters.and(Filters.in("commune", communes), Filters.eq("period", period)))
                .projection(Projections.include("commune", "state"))) {
            out.put(d.getString("commune"), SubmissionState.valueOf(d.getString("state")));
        }
        return out;
    }

    /** A report the province returned and the commune has not sent again. */
    public record Returned(String commune, String period, String reason, Instant at) {
    }

    /** Every returned report of many communes at once ({@code communes} null: all; one query; the reminders' run). */
    public List<Returned> returned(java.util.Collection<String> communes) {
        List<Returned> out = new ArrayList<>();
        Bson returned = Filters.eq("state", SubmissionState.RETURNED.name());
        for (Document d : col().find(communes == null ? returned
                : Filters.and(Filters.in("commune", communes), returned))
                .projection(Projections.include("commune", "period", "reason", "updatedAt"))) {
            Date at = d.getDate("updatedAt");
            out.add(new Returned(d.getString("commune"), d.getString("period"), d.getString("reason"),
                    at == null ? null : at.toInstant()));
        }
        return out;
    }

    public Submission submit(Caller caller, ReportPeriod period) {
        if (!caller.isCommune()) {
            throw new NotFound("Không tìm thấy báo cáo của xã cho kỳ này.");
        }
        caller.require(Role.LEADER);
        return move(caller.tenantId(), period.label(), List.of(SubmissionState.DRAFT, SubmissionState.RETURNED),
                SubmissionState.SUBMITTED, caller.userId(), null,
                "Báo cáo kỳ này đã được gửi hoặc đã được tiếp nhận, không thể gửi lại.", clock.instant(), null);
    }

    /**
     * A reviewer accepts a submitted report. {@code reports} writes its documents (given the day the commune sent it
     * up and the moment of acceptance); they are stored by the very update that makes the report ACCEPTED.
     */
    public Submission accept(Caller caller, String commune, ReportPeriod period, AcceptedReports reports) {
        reviewer(caller, commune);
        String conflict = "Chỉ tiếp nhận được báo cáo đã gửi và đang chờ tiếp nhận.";
        Submission current = of(commune, period.label());
        if (current.state() != SubmissionState.SUBMITTED) {
            throw new Conflict(conflict);
        }
        Instant now = clock.instant();
        Instant sent = current.submittedAt() == null ? now : current.submittedAt();
        Document frozen = reports.freeze(commune, period, VnTime.dayOf(sent), now);
        return move(commune, period.label(), List.of(SubmissionState.SUBMITTED), SubmissionState.ACCEPTED,
                caller.userId(), null, conflict, now, new Document("frozen", frozen));
    }

    /** One part of the frozen documents of an accepted report ({@code data}, {@code docx}, {@code xlsx}). */
    public Optional<Object> frozen(String commune, String period, String part) {
        Document d = col().find(Filters.eq("_id", id(commune, period)))
                .projection(Projections.include("state", "frozen." + part)).first();
        boolean accepted = d != null && SubmissionState.ACCEPTED.name().equals(d.getString("state"));
        Document frozen = accepted ? d.get("frozen", Document.class) : null;
        return Optional.ofNullable(frozen == null ? null : frozen.get(part));
    }

    public Submission giveBack(Caller caller, String commune, ReportPeriod period, String reason) {
        reviewer(caller, commune);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "Cần nêu lý do trả lại báo cáo.");
        }
        return move(commune, period.label(), List.of(SubmissionState.SUBMITTED), SubmissionState.RETURNED,
                caller.userId(), reason.strip(), "Chỉ trả lại được báo cáo đã gửi và đang chờ tiếp nhận.",
                clock.instant(), null);
    }

    /**
     * A reviewer is a VIEWER of the commune's province (not a system administrator, who reads every report but
     * reviews none); anyone else does not see the commune at all.
     */
    private static void reviewer(Caller caller, String commune) {
        String province = TenantScope.readableBy(caller).province().orElse(null);
        if (commune == null || province == null || !CommuneDirectory.instance().inProvince(commune, province)) {
            throw new NotFound("Không tìm thấy báo cáo của xã này.");
        }
    }

    private Submission move(String commune, String period, List<SubmissionState> from, SubmissionState to,
            String by, String reason, String conflict, Instant now, Document alsoSet) {
        String id = id(commune, period);
        col().updateOne(Filters.eq("_id", id), new Document("$setOnInsert", new Document("commune", commune)
                .append("period", period).append("state", SubmissionState.DRAFT.name())), new UpdateOptions().upsert(true));
        Document current = col().find(Filters.eq("_id", id)).projection(STATE).first();
        SubmissionState before = SubmissionState.valueOf(current.getString("state"));
        Document step = new Document("from", before.name()).append("to", to.name()).append("by", by)
                .append("at", Date.from(now)).append("reason", reason);
        Document set = new Document("state", to.name()).append("reason", reason).append("updatedAt", Date.from(now));
        if (alsoSet != null) {
            set.putAll(alsoSet);
        }
        var result = col().updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("state", before.name()),
                        Filters.in("state", from.stream().map(Enum::name).toList())),
                new Document("$set", set).append("$push", new Document("history", step)));
        if (result.getModifiedCount() == 0) {
            throw new Conflict(conflict);
        }
        changes.append(new Change(commune, "submission", period, to.name()));
        return of(commune, period);
    }

    private static Submission read(Document d) {
        List<Step> history = new ArrayList<>();
        Object h = d.get("history");
        if (h instanceof List<?> list) {
            for (Object o : list) {
                Document s = (Document) o;
                history.add(new Step(SubmissionState.valueOf(s.getString("from")),
                        SubmissionState.valueOf(s.getString("to")), s.getString("by"), s.getDate("at").toInstant(),
                        s.getString("reason")));
            }
        }
        SubmissionState state = SubmissionState.valueOf(d.getString("state"));
        Document frozen = d.get("frozen", Document.class);
        Date frozenAt = frozen == null ? null : frozen.getDate("at");
        return new Submission(d.getString("commune"), d.getString("period"), state, state.label(),
                d.getString("reason"), List.copyOf(history), frozenAt == null ? null : frozenAt.toInstant());
    }

    private MongoCollection<Document> col() {
        return mongo.getCollection(COLLECTION);
    }

    private static String id(String commune, String period) {
        return commune + "|" + period;
    }
}
