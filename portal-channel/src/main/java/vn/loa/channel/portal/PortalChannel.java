package vn.loa.channel.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;
import vn.loa.channel.Channel;
import vn.loa.channel.ChannelInfo;
import vn.loa.channel.Outcome;
import vn.loa.channel.PublicSite;
import vn.loa.channel.PublicationRefused;
import vn.loa.channel.portal.page.ImageStore;
import vn.loa.channel.portal.page.Page;
import vn.loa.channel.portal.page.Pages;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationRequested.Attachment;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * The {@code portal} channel: an item becomes a public page of its commune's CCHC column
 * ({@code /p/{tenant}/cchc/{itemId}}) and an entry of its Atom feed. Publishing the same item again replaces the
 * page, so a publication is {@linkplain #repeatable() repeatable}.
 */
@Component
public class PortalChannel implements Channel {

    static final ChannelInfo INFO = new ChannelInfo("portal", "Cổng thông tin điện tử xã (chuyên mục CCHC)",
            List.of("news", "article", "photo", "reportage", "infographic", "poster", "leaflet", "column",
                    "document", "announcement"),
            false);

    /** What may stay in a body on the public page (content-service sanitised it already; this is a second net). */
    private static final Safelist BODY = Safelist.relaxed().removeTags("img");

    private final Pages pages;
    private final ImageStore images;
    private final Clock clock;
    private final PublicSite site;

    public PortalChannel(Pages pages, ImageStore images, Clock clock,
            PublicSite site) {
        this.pages = pages;
        this.images = images;
        this.clock = clock;
        this.site = site;
    }

    @Override
    public ChannelInfo info() {
        return INFO;
    }

    @Override
    public Outcome publish(PublicationRequested r) {
        if (!CommuneDirectory.instance().isCommune(r.tenantId())) {
            throw new PublicationRefused("Mã xã, phường «" + r.tenantId() + "» không có trong danh mục đơn vị hành chính.");
        }
        if (r.title() == null || r.title().isBlank()) {
            throw new PublicationRefused("Bài không có tiêu đề nên không đăng lên cổng thông tin được.");
        }
        List<Page.Image> copied = new ArrayList<>();
        for (Attachment a : r.attachments()) {
            if (a.mediaType() != null && a.mediaType().toLowerCase(Locale.ROOT).startsWith("image/")) {
                copied.add(images.copy(r.tenantId(), r.itemId(), a));
            }
        }
        Instant now = clock.instant();
        String body = r.bodyHtml() == null ? "" : Jsoup.clean(r.bodyHtml(), BODY);
        Page page = new Page(Page.id(r.tenantId(), r.itemId()), r.tenantId(), r.itemId(), r.requestId(), r.kind(),
                r.title(), r.summary(), body, copied, now, null);
        pages.put(page).ifPresent(previous -> previous.images()
                .forEach(old -> images.delete(r.tenantId(), old.fileId())));
        return Outcome.at(site.link("/p/" + r.tenantId() + "/cchc/" + r.itemId())).publishedAt(now)
                .withExternalId(page.id());
    }

    @Override
    public void retract(String tenantId, String itemId) {
        pages.retract(tenantId, itemId, clock.instant());
    }

    @Override
    public boolean repeatable() {
        return true;
    }
}
