package vn.loa.content.item.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.content.engagement.ChannelFigures;
import vn.loa.content.engagement.EngagementFigures;
import vn.loa.content.engagement.ManualEngagement;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Publication;
import vn.loa.content.item.PublicationStatus;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.time.VnTime;

/** What reached people through an item: its figures per channel, and the operator's readings of a manual channel. */
@RestController
@RequestMapping("/api/contents")
@Tag(name = "Tin, bài")
class EngagementController {

    /** No more than a billion people reached by one post of a commune. */
    static final long MAX = 1_000_000_000L;
    /** A clock a little ahead on the operator's machine is not "in the future". */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final Editorial editorial;
    private final ManualEngagement manual;
    private final EngagementFigures figures;
    private final Clock clock;

    EngagementController(Editorial editorial, ManualEngagement manual, EngagementFigures figures, Clock clock) {
        this.editorial = editorial;
        this.manual = manual;
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * An operator's reading: {@code asOf} ISO date-time, or a date (dd/MM/yyyy or yyyy-MM-dd: the end of that day,
     * or now if it is today); absent: now.
     */
    record Reading(String channel, Long reach, Long reactions, Long shares, String asOf) {
    }

    record Recorded(String itemId, String channel, long reach, long reactions, long shares, String asOf,
            String eventId) {
    }

    @GetMapping("/{id}/engagement")
    @Operation(summary = "Hiệu quả tuyên truyền của một tin, bài: số liệu theo từng kênh")
    List<ChannelFigures> engagement(@PathVariable String id, Caller caller) {
        ContentItem item = editorial.readable(id, caller);
        return figures.of(item.tenantId(), item.id());
    }

    @PostMapping("/{id}/engagement")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Nhập số liệu tiếp cận, tương tác, chia sẻ của tin, bài trên một kênh đăng thủ công"
            + " (số cộng dồn đến thời điểm asOf; lần nhập sau thay lần nhập trước)")
    Recorded record(@PathVariable String id, @RequestBody(required = false) Reading reading, Caller caller) {
        ContentItem item = editorial.writable(id, caller);
        caller.require(Role.EDITOR, Role.LEADER, Role.ADMIN);
        if (reading == null) {
            throw new InvalidInput("body", "Cần gửi số liệu: kênh, lượt tiếp cận, tương tác, chia sẻ.");
        }
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Publication publication = null;
        if (reading.channel() == null || reading.channel().isBlank()) {
            problems.add(new InvalidInput.FieldProblem("channel", "Chọn kênh đã đăng tin, bài."));
        } else if (ManualEngagement.COUNTED_BY_THE_CHANNEL.contains(reading.channel())) {
            problems.add(new InvalidInput.FieldProblem("channel", "Kênh «" + reading.channel() + "» tự đếm lượt xem,"
                    + " lượt nghe; không nhập tay số liệu cho kênh này."));
        } else {
            publication = published(item, reading.channel()).orElse(null);
            if (publication == null) {
                problems.add(new InvalidInput.FieldProblem("channel", "Tin, bài chưa được đăng trên kênh «"
                        + reading.channel() + "»."));
            }
        }
        long reach = figure(reading.reach(), "reach", "Lượt tiếp cận", true, problems);
        long reactions = figure(reading.reactions(), "reactions", "Lượt tương tác", false, problems);
        long shares = figure(reading.shares(), "shares", "Lượt chia sẻ", false, problems);
        Instant now = clock.instant();
        Instant asOf = now;
        if (reading.asOf() != null && !reading.asOf().isBlank()) {
            Optional<Instant> parsed = asOf(reading.asOf(), now);
            if (parsed.isEmpty()) {
                problems.add(new InvalidInput.FieldProblem("asOf", "Thời điểm số liệu không hợp lệ; nhập ngày dạng"
                        + " dd/MM/yyyy."));
            } else if (parsed.get().isAfter(now.plus(SKEW))) {
                problems.add(new InvalidInput.FieldProblem("asOf", "Thời điểm số liệu không được ở tương lai."));
            } else {
                asOf = parsed.get();
            }
        }
        if (publication != null && publication.publishedAt() != null && asOf.isBefore(publication.publishedAt())) {
            problems.add(new InvalidInput.FieldProblem("asOf", "Thời điểm số liệu phải sau khi tin, bài được đăng ("
                    + VnTime.display(publication.publishedAt()) + ")."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("Số liệu hiệu quả tuyên truyền chưa hợp lệ.", problems);
        }
        PublicationEngaged sent = manual.record(item.tenantId(), item.id(), reading.channel(),
                publication.requestId(), reach, reactions, shares, asOf, caller.userId());
        return new Recorded(item.id(), reading.channel(), reach, reactions, shares, VnTime.offset(asOf),
                sent.eventId());
    }

    private static Optional<Publication> published(ContentItem item, String channel) {
        return item.publications().stream().filter(p -> p.channel().equals(channel))
                .filter(p -> p.status() == PublicationStatus.SUCCEEDED || p.status() == PublicationStatus.RETRACTED)
                .findFirst();
    }

    private static long figure(Long value, String field, String label, boolean required,
            List<InvalidInput.FieldProblem> problems) {
        if (value == null) {
            if (required) {
                problems.add(new InvalidInput.FieldProblem(field, label + " là bắt buộc."));
            }
            return 0;
        }
        if (value < 0 || value > MAX) {
            problems.add(new InvalidInput.FieldProblem(field, label + " phải là số nguyên từ 0 đến 1.000.000.000."));
            return 0;
        }
        return value;
    }

    /** A date alone means the end of that day, or now when it is today. */
    private static Optional<Instant> asOf(String text, Instant now) {
        String t = text.strip();
        java.time.LocalDate day = null;
        try {
            day = t.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(t)
                    : t.matches("\\d{1,2}/\\d{1,2}/\\d{4}") ? java.time.LocalDate.parse(t,
                            java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu")
                                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        if (day != null) {
            Instant end = VnTime.startOf(day.plusDays(1)).minusSeconds(1);
            return Optional.of(end.isAfter(now) && !day.isAfter(VnTime.dayOf(now)) ? now : end);
        }
        return VnTime.instant(t);
    }
}
