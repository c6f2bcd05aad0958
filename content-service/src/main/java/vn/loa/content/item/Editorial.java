package vn.loa.content.item;

import vn.loa.platform.time.VnTime;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.loa.content.channel.ChannelRegistry;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.InvalidInput.FieldProblem;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;

/**
 * The use cases of content items: checks the caller and the input, then lets {@link ContentItem} decide and
 * {@link Items} store the change with its events. Reading: the commune's own staff, a VIEWER of its province or a
 * SYSADMIN; writing: the commune's own staff only; another commune's item is "not found".
 */
@Service
public class Editorial {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Editorial.class);

    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_BODY = 200_000;
    static final int MAX_REASON = 1000;
    static final int MAX_PLACE = 300;
    static final int MAX_QUANTITY = 100_000;
    static final int VISUAL_YEARS_BACK = 5;

    private final Items items;
    private final ChannelRegistry channels;
    private final Clock clock;
    private final String internalUrl;
    private final int maxTries;
    private final Duration backoff;

    public Editorial(Items items, ChannelRegistry channels, Clock clock, PublishingSettings settings) {
        this.items = items;
        this.channels = channels;
        this.clock = clock;
        this.internalUrl = settings.internalUrl().replaceAll("/+$", "");
        this.maxTries = settings.retry().maxTries();
        this.backoff = settings.retry().backoff();
    }

    /** What a writer sends to create or change an item (the API's field names). */
    public record ItemInput(String title, String summary, String body, String kind, List<String> themes,
            List<String> taskIds, List<String> channels, String unit) {
    }

    public ContentItem create(ItemInput input, Caller caller) {
        requireWriter(caller);
        ContentItem item = ContentItem.create(UUID.randomUUID().toString(), caller.tenantId(), caller.userId(),
                draft(input), clock.instant());
        items.insert(item);
        return item;
    }

    public ContentItem edit(String id, ItemInput input, Caller caller) {
        ContentItem item = writable(id, caller);
        ContentDraft draft = draft(input);
        return items.change(item, i -> {
            i.edit(draft, caller.userId(), clock.instant());
            return true;
        });
    }

    public ContentItem submit(String id, Caller caller) {
        return items.change(writable(id, caller), i -> {
            i.submit(caller.userId(), clock.instant());
            return true;
        });
    }

    public ContentItem approve(String id, Caller caller) {
        return items.change(writable(id, caller), i -> {
            i.approve(caller.userId(), caller.has(Role.LEADER), clock.instant());
            return true;
        });
    }

    public ContentItem reject(String id, String reason, Caller caller) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Lý do không được dài quá " + MAX_REASON + " ký tự.");
        }
        return items.change(writable(id, caller), i -> {
            i.reject(caller.userId(), caller.has(Role.LEADER), reason, clock.instant());
            return true;
        });
    }

    /**
     * Publishes now, or keeps the item for {@code at} (a later instant). An item already publishing or published is
     * returned unchanged: never a second publication.
     */
    public ContentItem publish(String id, String at, Caller caller) {
        ContentItem item = writable(id, caller);
        caller.require(Role.EDITOR, Role.LEADER);
        if (item.alreadyPublishing()) {
            return item;
        }
        Instant now = clock.instant();
        Instant when = null;
        if (at != null && !at.isBlank()) {
            when = VnTime.instant(at).orElseThrow(() -> new InvalidInput("at",
                    "Thời điểm đăng không hợp lệ. Hãy nhập theo dạng dd/MM/yyyy HH:mm, ví dụ 02/09/2025 08:15."));
        }
        channels.requireUsable(item.channels(), item.kind().code(), item.kind().label(), "channels");
        if (when != null && when.isAfter(now)) {
            Instant scheduled = when;
            return items.change(item, i -> {
                if (i.alreadyPublishing()) {
                    return false;
                }
                i.schedule(scheduled, caller.userId(), clock.instant(), VnTime.display(scheduled));
                return true;
            });
        }
        return items.change(item, i -> i.publish(caller.userId(), clock.instant(), internalUrl(i)));
    }

    /** Called by the scheduler: publishes an item whose time has come (one instance wins the guarded write). */
    public void publishScheduled(String id) {
        Instant now = clock.instant();
        items.change(id, i -> i.status() == ContentStatus.APPROVED && i.scheduledAt() != null
                && !i.scheduledAt().isAfter(now) && i.publish("he-thong", now, internalUrl(i)));
    }

    /** Called by the scheduler: re-sends requests whose back-off after a retryable failure is over. */
    public void resendDue(String id) {
        items.change(id, i -> i.resendDue(clock.instant(), internalUrl(i)));
    }

    public ContentItem retry(String id, String channel, Caller caller) {
        ContentItem item = writable(id, caller);
        caller.require(Role.EDITOR, Role.LEADER);
        channels.requireUsable(List.of(channel), item.kind().code(), item.kind().label(), "channel");
        return items.change(item, i -> {
            i.retry(channel, caller.userId(), clock.instant(), internalUrl(i));
            return true;
        });
    }

    public ContentItem retract(String id, String reason, Caller caller) {
        ContentItem item = writable(id, caller);
        caller.require(Role.LEADER);
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Lý do không được dài quá " + MAX_REASON + " ký tự.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return items.change(item, i -> {
            i.retract(caller.userId(), why, clock.instant());
            return true;
        });
    }

    /** Records a publication made outside Loa (the city's CCHC page, the press): URL and time required. */
    public ContentItem recordOutside(String id, String channel, String url, String publishedAt, Caller caller) {
        ContentItem item = writable(id, caller);
        caller.require(Role.EDITOR, Role.LEADER);
        if (VisualProduct.CHANNEL.equals(channel)) {
            throw new InvalidInput("channel", "Sản phẩm trực quan không ghi nhận bằng đường dẫn: hãy gửi loại sản phẩm,"
                    + " nơi đặt, số lượng, ngày thực hiện và ảnh minh chứng (biểu mẫu «Ghi nhận sản phẩm trực quan»,"
                    + " multipart/form-data).");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!Topics.isChannelId(channel)) {
            problems.add(new FieldProblem("channel",
                    "Mã kênh không hợp lệ (chữ thường không dấu, số và dấu gạch ngang, ví dụ: press, cchc-tinh)."));
        }
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("url", "Vui lòng nhập đường dẫn (URL) của bài đã đăng."));
        } else if (!httpUrl(url.strip())) {
            problems.add(new FieldProblem("url", "Đường dẫn phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://."));
        }
        Instant now = clock.instant();
        Instant when = null;
        if (publishedAt == null || publishedAt.isBlank()) {
            problems.add(new FieldProblem("publishedAt", "Vui lòng nhập thời điểm đăng (dd/MM/yyyy HH:mm)."));
        } else {
            when = VnTime.instant(publishedAt).orElse(null);
            if (when == null) {
                problems.add(new FieldProblem("publishedAt",
                        "Thời điểm đăng không hợp lệ. Hãy nhập theo dạng dd/MM/yyyy HH:mm, ví dụ 02/09/2025 08:15."));
            } else if (when.isAfter(now.plusSeconds(60))) {
                problems.add(new FieldProblem("publishedAt", "Thời điểm đăng (" + VnTime.display(when)
                        + ") không được ở tương lai."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.size() == 1 ? problems.getFirst().message()
                    : "Dữ liệu chưa hợp lệ ở " + problems.size() + " trường. Vui lòng kiểm tra lại.", problems);
        }
        Instant published = when;
        return items.change(item, i -> {
            i.recordOutside(channel, url.strip(), published, caller.userId(), clock.instant());
            return true;
        });
    }

    /** What a commune officer sends about a visual product (the form's fields, as typed). */
    public record VisualInput(String channel, String product, String place, String quantity, String publishedOn) {
    }

    /** A visual product whose fields passed the rules; the photo is checked and stored by the web layer. */
    public record CheckedVisual(ContentKind product, String place, int quantity, LocalDate publishedOn) {
    }

    /**
     * The rules of a visual product, every problem at once (with the photo's, when it is missing): product one of
     * the visual kinds; place required, at most {@value #MAX_PLACE} characters; quantity a whole number from 1 to
     * {@value #MAX_QUANTITY}; the day dd/MM/yyyy (or ISO), not in the future (Asia/Ho_Chi_Minh) and not more than
     * {@value #VISUAL_YEARS_BACK} years back (a plan lasts at most five years: an older product belongs to no plan
     * Loa can still report on). Checked before anything is stored.
     */
    public CheckedVisual checkVisual(String id, VisualInput in, boolean photoGiven, Caller caller) {
        ContentItem item = writable(id, caller);
        caller.require(Role.EDITOR, Role.LEADER);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.channel() != null && !in.channel().isBlank() && !VisualProduct.CHANNEL.equals(in.channel().strip())) {
            problems.add(new FieldProblem("channel", "Biểu mẫu có ảnh chỉ dùng cho sản phẩm trực quan (kênh "
                    + VisualProduct.CHANNEL + "); lượt đăng trên kênh '" + in.channel().strip()
                    + "' cần đường dẫn (URL)."));
        }
        ContentKind product = null;
        if (in.product() == null || in.product().isBlank()) {
            problems.add(new FieldProblem("product", "Vui lòng chọn loại sản phẩm (" + ContentKind.visualNames()
                    + ")."));
        } else {
            product = ContentKind.parse(in.product()).filter(ContentKind::visual).orElse(null);
            if (product == null) {
                problems.add(new FieldProblem("product", "Loại sản phẩm '" + in.product().strip()
                        + "' không phải sản phẩm trực quan; chọn một trong: " + ContentKind.visualNames() + "."));
            }
        }
        String place = in.place() == null ? "" : in.place().strip();
        if (place.isEmpty()) {
            problems.add(new FieldProblem("place", "Vui lòng nhập nơi đặt, treo hoặc phát sản phẩm."));
        } else if (place.length() > MAX_PLACE) {
            problems.add(new FieldProblem("place", "Nơi đặt không được dài quá " + MAX_PLACE + " ký tự."));
        }
        Integer quantity = null;
        if (in.quantity() == null || in.quantity().isBlank()) {
            problems.add(new FieldProblem("quantity", "Vui lòng nhập số lượng."));
        } else {
            try {
                quantity = Integer.parseInt(in.quantity().strip().replace(".", ""));
            } catch (NumberFormatException e) {
                quantity = null;
            }
            if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
                problems.add(new FieldProblem("quantity", "Số lượng phải là số nguyên từ 1 đến "
                        + String.format(java.util.Locale.ROOT, "%,d", MAX_QUANTITY).replace(',', '.') + "."));
                quantity = null;
            }
        }
        LocalDate day = null;
        LocalDate today = VnTime.today(clock.instant());
        if (in.publishedOn() == null || in.publishedOn().isBlank()) {
            problems.add(new FieldProblem("publishedOn", "Vui lòng nhập ngày thực hiện (dd/MM/yyyy)."));
        } else {
            day = VnTime.date(in.publishedOn()).orElse(null);
            if (day == null) {
                problems.add(new FieldProblem("publishedOn",
                        "Ngày thực hiện không hợp lệ. Hãy nhập theo dạng dd/MM/yyyy, ví dụ 15/10/2025."));
            } else if (day.isAfter(today)) {
                problems.add(new FieldProblem("publishedOn", "Ngày thực hiện (" + VnTime.display(day)
                        + ") không được ở tương lai."));
                day = null;
            } else if (day.isBefore(today.minusYears(VISUAL_YEARS_BACK))) {
                problems.add(new FieldProblem("publishedOn", "Ngày thực hiện (" + VnTime.display(day)
                        + ") quá xa: chỉ ghi nhận sản phẩm từ ngày " + VnTime.display(today.minusYears(
                        VISUAL_YEARS_BACK)) + " trở đi."));
                day = null;
            }
        }
        if (!photoGiven) {
            problems.add(new FieldProblem("photo", "Vui lòng chọn ảnh chụp sản phẩm làm minh chứng (JPEG, PNG, WebP"
                    + " hoặc GIF)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.size() == 1 ? problems.getFirst().message()
                    : "Dữ liệu chưa hợp lệ ở " + problems.size() + " trường. Vui lòng kiểm tra lại.", problems);
        }
        boolean approvedOrOut = item.status() == ContentStatus.APPROVED || item.status().isOut();
        if (!approvedOrOut) {
            throw new vn.loa.platform.problem.Conflict(
                    "Chỉ ghi nhận được sản phẩm trực quan cho tin, bài đã được lãnh đạo duyệt.");
        }
        return new CheckedVisual(product, place, quantity, day);
    }

    /** Records a checked visual product with its stored photo: {@code ContentPublished} on the visual channel. */
    public ContentItem recordVisual(String id, CheckedVisual visual, Attachment photo, Caller caller) {
        ContentItem item = writable(id, caller);
        caller.require(Role.EDITOR, Role.LEADER);
        Publication.Visual v = new Publication.Visual(visual.product(), visual.place(), visual.quantity(),
                VnTime.startOf(visual.publishedOn()), photo);
        return items.change(item, i -> {
            i.recordVisual(VisualProduct.CHANNEL, v, caller.userId(), clock.instant());
            return true;
        });
    }

    /** A channel's answer; false when it changed nothing (duplicate, stale, unknown item). */    /** A channel's answer; false when it changed nothing (duplicate, stale, unknown item). */
    public boolean answered(PublicationSucceeded answer, String answerId) {
        if (answer.url() == null && channels.find(answer.channel()).map(c -> c.needsUrl()).orElse(false)) {
            log.warn("Channel {} declares needsUrl (an operator gives the URL of each publication) but answered {}"
                    + " without one",
                    answer.channel(), answer.requestId());
        }
        return items.find(answer.itemId()).filter(i -> i.tenantId().equals(answer.tenantId()))
                .map(item -> {
                    boolean[] changed = {false};
                    items.change(item, i -> changed[0] = i.succeeded(answer, answerId, clock.instant()));
                    return changed[0];
                }).orElse(false);
    }

    public boolean answered(PublicationFailed answer, String answerId) {
        return items.find(answer.itemId()).filter(i -> i.tenantId().equals(answer.tenantId()))
                .map(item -> {
                    boolean[] changed = {false};
                    items.change(item, i -> changed[0] = i.failed(answer, answerId, clock.instant(), maxTries, backoff));
                    return changed[0];
                }).orElse(false);
    }

    /** The item if the caller may read it; otherwise 404. */
    public ContentItem readable(String id, Caller caller) {
        return items.find(id).filter(i -> caller.canRead(i.tenantId()))
                .orElseThrow(() -> new NotFound("Không tìm thấy tin, bài."));
    }

    /** The item if the caller may change it: 404 for another commune's item, 403 for a reader without a role. */
    public ContentItem writable(String id, Caller caller) {
        ContentItem item = readable(id, caller);
        if (!caller.canWrite(item.tenantId())) {
            throw new Forbidden("Chỉ cán bộ của chính xã, phường mới được thay đổi tin, bài này.");
        }
        return item;
    }

    private static void requireWriter(Caller caller) {
        if (!caller.isCommune() || !caller.canWrite(caller.tenantId())) {
            throw new Forbidden("Chỉ cán bộ xã, phường (biên tập viên, lãnh đạo) mới được viết tin, bài.");
        }
    }

    public Function<Attachment, String> internalUrl(ContentItem item) {
        return a -> internalUrl + "/internal/files/" + item.tenantId() + "/" + item.id() + "/" + a.id();
    }

    private ContentDraft draft(ItemInput in) {
        if (in == null) {
            throw new InvalidInput("body", "Thiếu nội dung yêu cầu.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "Vui lòng nhập tiêu đề."));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", "Tiêu đề không được dài quá " + MAX_TITLE + " ký tự."));
        }
        if (in.summary() != null && in.summary().length() > MAX_SUMMARY) {
            problems.add(new FieldProblem("summary", "Tóm tắt không được dài quá " + MAX_SUMMARY + " ký tự."));
        }
        if (in.body() != null && in.body().length() > MAX_BODY) {
            problems.add(new FieldProblem("body", "Nội dung quá dài (tối đa " + MAX_BODY + " ký tự)."));
        }
        ContentKind kind = null;
        if (in.kind() == null || in.kind().isBlank()) {
            problems.add(new FieldProblem("kind", "Vui lòng chọn loại tin, bài (" + ContentKind.names() + ")."));
        } else {
            kind = ContentKind.parse(in.kind()).orElse(null);
            if (kind == null) {
                problems.add(new FieldProblem("kind", "Loại tin, bài '" + in.kind() + "' không hợp lệ; chọn một trong: "
                        + ContentKind.names() + "."));
            }
        }
        List<String> chosen = distinct(in.channels());
        for (String c : chosen) {
            if (!Topics.isChannelId(c)) {
                problems.add(new FieldProblem("channels", "Mã kênh '" + c + "' không hợp lệ."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.size() == 1 ? problems.getFirst().message()
                    : "Dữ liệu chưa hợp lệ ở " + problems.size() + " trường. Vui lòng kiểm tra lại.", problems);
        }
        channels.requireUsable(chosen, kind.code(), kind.label(), "channels");
        String unit = in.unit() == null || in.unit().isBlank() ? null : in.unit().strip();
        String summary = in.summary() == null || in.summary().isBlank() ? null : in.summary().strip();
        return new ContentDraft(title, summary, Sanitizer.clean(in.body()), kind, distinct(in.themes()),
                distinct(in.taskIds()), chosen, unit);
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values.stream().filter(v -> v != null && !v.isBlank())
                .map(String::strip).toList()));
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
