package vn.loa.channel.portal.page.web;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import jakarta.servlet.http.HttpServletRequest;
import vn.loa.channel.Engagement;
import vn.loa.channel.PublicSite;
import vn.loa.channel.Visitor;
import vn.loa.channel.portal.page.ImageStore;
import vn.loa.channel.portal.page.Page;
import vn.loa.channel.portal.page.Pages;
import vn.loa.platform.time.VnTime;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * The public pages of a commune's CCHC column, server-rendered (Thymeleaf, UTF-8, {@code lang="vi"}). Public: no
 * caller headers; the tenant is the commune code in the path, and every lookup is by that tenant, so another
 * commune's item answers 404 exactly like a missing one. A retracted item answers 410.
 */
@Controller
public class PortalController {

    static final DateTimeFormatter DATE = VnTime.DAY.withZone(VnTime.ZONE);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").withZone(VnTime.ZONE);
    static final int LIST_SIZE = 100;
    /** The portal's channel id (PortalChannel's). */
    static final String CHANNEL = "portal";

    private final Pages pages;
    private final ImageStore images;
    private final PublicSite site;
    private final Engagement engagement;

    public PortalController(Pages pages, ImageStore images,
            PublicSite site, Engagement engagement) {
        this.pages = pages;
        this.images = images;
        this.engagement = engagement;
        this.site = site;
    }

    /** A page as the templates see it. */
    public record PageView(String itemId, String title, String summary, String bodyHtml, String date,
            String dateTime, List<ImageView> images) {
    }

    public record ImageView(String url, String name) {
    }

    @GetMapping(value = "/p/{tenant}/cchc", produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView list(@PathVariable String tenant) {
        Optional<CommuneDirectory.Commune> commune = CommuneDirectory.instance().commune(tenant);
        if (commune.isEmpty()) {
            return missing(tenant, "Không có xã, phường nào mang mã này.", HttpStatus.NOT_FOUND);
        }
        ModelAndView mv = new ModelAndView("cchc-list");
        mv.addObject("commune", commune.get().name());
        mv.addObject("tenant", tenant);
        mv.addObject("items", pages.live(tenant, LIST_SIZE).stream().map(p -> view(tenant, p)).toList());
        return mv;
    }

    @GetMapping(value = "/p/{tenant}/cchc/{itemId}", produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView item(@PathVariable String tenant, @PathVariable String itemId, HttpServletRequest request) {
        Optional<CommuneDirectory.Commune> commune = CommuneDirectory.instance().commune(tenant);
        Optional<Page> page = commune.isEmpty() ? Optional.empty() : pages.find(tenant, itemId);
        if (page.isEmpty()) {
            return missing(tenant, "Không tìm thấy bài viết này.", HttpStatus.NOT_FOUND);
        }
        if (!page.get().live()) {
            return missing(tenant, "Bài viết này đã được gỡ xuống.", HttpStatus.GONE);
        }
        // one view per visitor per day (in memory; nothing about the visitor is kept: docs/operations.md)
        engagement.count(tenant, CHANNEL, itemId, page.get().requestId(), Engagement.Figure.VIEWS,
                Visitor.of(request));
        ModelAndView mv = new ModelAndView("cchc-item");
        mv.addObject("commune", commune.get().name());
        mv.addObject("tenant", tenant);
        mv.addObject("item", view(tenant, page.get()));
        return mv;
    }

    @GetMapping(value = "/p/{tenant}/cchc/feed.atom")
    public ResponseEntity<byte[]> feed(@PathVariable String tenant, HttpServletRequest request) {
        Optional<CommuneDirectory.Commune> commune = CommuneDirectory.instance().commune(tenant);
        if (commune.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        engagement.count(tenant, CHANNEL, null, null, Engagement.Figure.FEED_FETCHES, Visitor.of(request));
        byte[] xml = AtomFeed.write(site, tenant, commune.get().name(), pages.live(tenant, LIST_SIZE));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(xml);
    }

    @GetMapping("/p/{tenant}/files/{fileId}")
    public ResponseEntity<?> file(@PathVariable String tenant, @PathVariable String fileId) throws IOException {
        var resource = images.find(tenant, fileId);
        // an image is public only while its page is
        if (resource.isEmpty() || images.itemOf(resource.get()).flatMap(item -> pages.find(tenant, item))
                .filter(Page::live).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var file = resource.get();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getContentType()))
                .contentLength(file.contentLength()).cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(file.getInputStream()));
    }

    private ModelAndView missing(String tenant, String message, HttpStatus status) {
        ModelAndView mv = new ModelAndView("cchc-missing");
        mv.setStatus(status);
        mv.addObject("tenant", tenant);
        mv.addObject("commune", CommuneDirectory.instance().commune(tenant).map(CommuneDirectory.Commune::name)
                .orElse(null));
        mv.addObject("message", message);
        return mv;
    }

    private static PageView view(String tenant, Page p) {
        return new PageView(p.itemId(), p.title(), p.summary(), p.bodyHtml(), DATE.format(p.publishedAt()),
                DATE_TIME.format(p.publishedAt()), p.images().stream()
                        .map(i -> new ImageView("/p/" + tenant + "/files/" + i.fileId(), i.fileName())).toList());
    }
}
