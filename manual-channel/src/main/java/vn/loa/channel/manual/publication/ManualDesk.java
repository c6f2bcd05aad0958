package vn.loa.channel.manual.publication;

import vn.loa.platform.time.VnTime;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.loa.channel.Outcome;
import vn.loa.channel.PendingPublications;
import vn.loa.channel.PendingPublications.Completion;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.platform.file.ContentSniffer;
import vn.loa.platform.file.FileType;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.InvalidInput.FieldProblem;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;

/**
 * What an operator does with a waiting request: confirm it with the URL of the post made by hand, or say it could
 * not be published. The answer to content-service goes through the library ({@link PendingPublications}), which
 * sends exactly one event per request; this desk then brings its own record in line with what the library recorded.
 * The same call repeated answers the same result; a call that contradicts the recorded answer (another URL, a
 * failure after a confirmation) is a 409.
 */
@Service
public class ManualDesk {

    private static final Logger log = LoggerFactory.getLogger(ManualDesk.class);
    /** Clocks of the operator's device and of the server disagree a little. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    static final int MAX_URL = 2000;
    static final int MAX_REASON = 1000;
    /** A screenshot of a post: a phone's picture is 1–4 MB. */
    static final int MAX_SCREENSHOT = 5 * 1024 * 1024;
    private static final int MAX_FILE_NAME = 200;

    private final ManualPublications publications;
    private final Screenshots screenshots;
    private final PendingPublications pending;
    private final Clock clock;

    ManualDesk(ManualPublications publications, Screenshots screenshots, PendingPublications pending, Clock clock) {
        this.publications = publications;
        this.screenshots = screenshots;
        this.pending = pending;
        this.clock = clock;
    }

    /** The operator's body for a confirmation: the post's URL and when it went up (null: now). */
    public record Confirmation(String url, String publishedAt) {
    }

    /** A screenshot of the post sent with the confirmation, as evidence (optional). */
    public record Screenshot(String fileName, byte[] data) {
    }

    /** A stored screenshot: its type and bytes. */
    public record StoredScreenshot(String fileName, String mediaType, byte[] data) {
    }

    public record Refusal(String reason) {
    }

    public List<ManualPublication> list(Caller caller, String status, String channel) {
        ManualStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ManualStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "Trạng thái «" + status.strip() + "» không hợp lệ; dùng PENDING,"
                        + " PUBLISHED, FAILED hoặc RETRACTED.");
            }
        }
        String ch = channel == null || channel.isBlank() ? null : channel.strip();
        return publications.list(caller.tenantId(), s, ch);
    }

    public ManualPublication one(Caller caller, String requestId) {
        return publications.find(caller.tenantId(), requestId).orElseThrow(() -> missing(requestId));
    }

    public ManualPublication confirm(Caller caller, String requestId, Confirmation body) {
        return confirm(caller, requestId, body, null);
    }

    /**
     * Confirms with an optional screenshot as evidence: it is checked with the other fields (an image, PNG, JPEG or
     * WebP by its content, at most {@link #MAX_SCREENSHOT}) and kept once the confirmation stands; sent again with the
     * same URL it replaces the earlier one.
     */
    public ManualPublication confirm(Caller caller, String requestId, Confirmation body, Screenshot screenshot) {
        ManualPublication p = one(caller, requestId);
        requireOperator(caller);
        if (VisualProduct.CHANNEL.equals(p.channel())) {
            throw new InvalidInput("url", "Sản phẩm trực quan không xác nhận bằng đường dẫn: hãy mở tin, bài và chọn "
                    + "«Ghi nhận sản phẩm trực quan» (loại sản phẩm, nơi đặt, số lượng, ngày và ảnh minh chứng).");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String url = url(body == null ? null : body.url(), problems);
        Instant at = publishedAt(body == null ? null : body.publishedAt(), problems);
        FileType picture = screenshot == null ? null : picture(screenshot, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.size() == 1 ? problems.getFirst().message()
                    : "Dữ liệu chưa hợp lệ ở " + problems.size() + " trường. Vui lòng kiểm tra lại.", problems);
        }
        if (p.status() == ManualStatus.PENDING) {
            Completion done = pending.succeed(caller.tenantId(), requestId, Outcome.at(url).publishedAt(at));
            p = settle(caller, p, done);
        }
        return switch (p.status()) {
            case PUBLISHED, RETRACTED -> {
                if (!url.equals(p.url())) {
                    throw new Conflict("Bài này đã được xác nhận với đường dẫn khác: " + p.url() + ".");
                }
                yield picture == null ? p : keep(caller, p, screenshot, picture);
            }
            case FAILED -> throw new Conflict("Yêu cầu này đã được ghi nhận là không đăng được (lý do: "
                    + p.reason() + "), không xác nhận đã đăng được nữa.");
            case PENDING -> throw new Conflict("Yêu cầu đang được tiếp nhận; vui lòng thử lại sau ít giây.");
        };
    }

    /** The request's screenshot, if its operator sent one. */
    public StoredScreenshot screenshot(Caller caller, String requestId) {
        ManualPublication p = one(caller, requestId);
        ManualPublication.Evidence e = p.evidence();
        byte[] data = e == null ? null : screenshots.find(p.tenantId(), requestId).orElse(null);
        if (data == null) {
            throw new NotFound("Yêu cầu đăng bài «" + requestId + "» chưa có ảnh chụp minh chứng.");
        }
        return new StoredScreenshot(e.fileName(), e.mediaType(), data);
    }

    private ManualPublication keep(Caller caller, ManualPublication p, Screenshot screenshot, FileType picture) {
        screenshots.save(p.tenantId(), p.requestId(), screenshot.data());
        publications.evidence(p.tenantId(), p.requestId(), new ManualPublication.Evidence(fileName(screenshot,
                picture), picture.mediaType(), screenshot.data().length, caller.userId(), clock.instant()));
        return one(caller, p.requestId());
    }

    private static FileType picture(Screenshot screenshot, List<FieldProblem> problems) {
        byte[] data = screenshot.data() == null ? new byte[0] : screenshot.data();
        if (data.length == 0) {
            problems.add(new FieldProblem("screenshot", "Tệp ảnh chụp trống; vui lòng chọn lại ảnh."));
            return null;
        }
        if (data.length > MAX_SCREENSHOT) {
            problems.add(new FieldProblem("screenshot", "Ảnh chụp lớn quá " + MAX_SCREENSHOT / (1024 * 1024)
                    + " MB; vui lòng chụp lại hoặc giảm kích thước ảnh."));
            return null;
        }
        FileType type = ContentSniffer.sniff(data).filter(t -> t == FileType.PNG || t == FileType.JPEG
                || t == FileType.WEBP).orElse(null);
        if (type == null) {
            problems.add(new FieldProblem("screenshot", "Ảnh chụp minh chứng phải là tệp ảnh PNG, JPEG hoặc WebP."));
        }
        return type;
    }

    /** The name the operator's file had, cut to a sane length, with the extension of what it really is. */
    private static String fileName(Screenshot screenshot, FileType type) {
        String name = screenshot.fileName() == null ? "" : screenshot.fileName().strip()
                .replaceAll("[\\p{Cntrl}/\\\\\"]", "_");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.isBlank()) {
            base = "anh-chup";
        }
        if (base.length() > MAX_FILE_NAME) {
            base = base.substring(0, MAX_FILE_NAME);
        }
        return base + "." + type.extensions().getFirst();
    }

    public ManualPublication fail(Caller caller, String requestId, Refusal body) {
        ManualPublication p = one(caller, requestId);
        requireOperator(caller);
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInput("reason", "Vui lòng nêu lý do không đăng được.");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInput("reason", "Lý do dài quá " + MAX_REASON + " ký tự.");
        }
        if (p.status() == ManualStatus.PENDING) {
            Completion done = pending.fail(caller.tenantId(), requestId, reason, false);
            p = settle(caller, p, done);
        }
        return switch (p.status()) {
            case FAILED -> {
                if (!reason.equals(p.reason())) {
                    throw new Conflict("Yêu cầu này đã được ghi nhận là không đăng được với lý do khác: "
                            + p.reason());
                }
                yield p;
            }
            case PUBLISHED, RETRACTED -> throw new Conflict("Bài này đã được xác nhận là đã đăng (" + p.url()
                    + "), không ghi nhận không đăng được nữa.");
            case PENDING -> throw new Conflict("Yêu cầu đang được tiếp nhận; vui lòng thử lại sau ít giây.");
        };
    }

    /** Brings the record in line with what the library recorded (also repairs a record left behind by a crash). */
    private ManualPublication settle(Caller caller, ManualPublication p, Completion done) {
        switch (done.status()) {
            case SUCCEEDED -> publications.markPublished(p.tenantId(), p.requestId(), done.url(), done.publishedAt(),
                    caller.userId());
            case FAILED -> publications.markFailed(p.tenantId(), p.requestId(), done.reason(), caller.userId());
            case IN_PROGRESS -> {
                return p; // not parked by the library yet: PENDING → "try again in a moment"
            }
            case UNKNOWN -> {
                log.error("Request {} of {} is waiting here but unknown to the channel library", p.requestId(),
                        p.tenantId());
                throw new IllegalStateException("request " + p.requestId() + " unknown to the library");
            }
        }
        if (done.now()) {
            log.info("Request {} ({}, tenant {}) answered by {}: {}", p.requestId(), p.channel(), p.tenantId(),
                    caller.userId(), done.status());
        }
        return one(caller, p.requestId());
    }

    private static void requireOperator(Caller caller) {
        if (!caller.has(Role.EDITOR) && !caller.has(Role.LEADER)) {
            throw new vn.loa.platform.tenancy.Forbidden(
                    "Chỉ biên tập viên hoặc lãnh đạo của xã mới xác nhận được kết quả đăng bài.");
        }
    }

    private static String url(String raw, List<FieldProblem> problems) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty()) {
            problems.add(new FieldProblem("url", "Vui lòng nhập đường dẫn (URL) của bài đã đăng."));
            return null;
        }
        if (url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "Đường dẫn dài quá " + MAX_URL + " ký tự."));
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank()) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(new FieldProblem("url", "Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ, ví dụ"
                + " https://baochinhphu.vn/bai-viet-123.htm."));
        return null;
    }

    private Instant publishedAt(String raw, List<FieldProblem> problems) {
        Instant now = clock.instant();
        if (raw == null || raw.isBlank()) {
            return now;
        }
        Instant at = VnTime.instant(raw).orElse(null);
        if (at == null) {
            problems.add(new FieldProblem("publishedAt", "Thời điểm đăng «" + raw.strip() + "» không đúng định dạng;"
                    + " ví dụ 02/09/2025 08:15."));
            return null;
        }
        if (at.isAfter(now.plus(CLOCK_SLACK))) {
            problems.add(new FieldProblem("publishedAt", "Thời điểm đăng không được ở tương lai."));
            return null;
        }
        return at;
    }

    private static NotFound missing(String requestId) {
        return new NotFound("Không tìm thấy yêu cầu đăng bài «" + requestId + "».");
    }
}
