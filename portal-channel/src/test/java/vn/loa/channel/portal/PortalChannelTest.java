package vn.loa.channel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/** The portal channel as it runs: requests in through the broker, pages, images and the feed out over HTTP. */
@SpringBootTest(classes = PortalChannelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"loa.outbox.poll-interval=200ms", "loa.public-url=https://loa.example.vn",
                "loa.channel.engagement.window=PT1S"})
@AutoConfigureMockMvc
class PortalChannelTest {

    static final String KIM_THANH = "10804";
    static final String BA_DINH = "00004";
    static HttpServer contentStore;
    static byte[] png;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "portal-channel-it");
    }

    /** Stands in for content-service's /internal/files: one PNG, one text file posing as an image. */
    @BeforeAll
    static void contentStore() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xb3261e);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        png = out.toByteArray();
        contentStore = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        contentStore.createContext("/internal/files/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith("/fake") ? "not an image".getBytes() : png;
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        contentStore.start();
    }

    @AfterAll
    static void stop() {
        contentStore.stop(0);
    }

    @Autowired
    MockMvc http;

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually();
    }

    private static String fileUrl(String tenant, String item, String file) {
        return "http://127.0.0.1:" + contentStore.getAddress().getPort() + "/internal/files/" + tenant + "/" + item
                + "/" + file;
    }

    private static PublicationRequested request(String tenant, String item, String title, String body,
            List<PublicationRequested.Attachment> attachments) {
        return new PublicationRequested(tenant, item + ":portal:1", item, "portal", "article", title,
                "Người dân nộp hồ sơ trực tuyến ngày càng nhiều.", body, attachments,
                Instant.parse("2025-09-02T01:15:00Z"));
    }

    private LoaEvent awaitResult(String requestId) {
        return eventually().until(() -> broker.events(Topics.PUBLICATION_EVENTS).stream().filter(e -> switch (e) {
            case PublicationSucceeded s -> s.requestId().equals(requestId);
            case PublicationFailed f -> f.requestId().equals(requestId);
            default -> false;
        }).toList(), l -> !l.isEmpty()).getFirst();
    }

    private MvcResult fetch(String path) throws Exception {
        return http.perform(get(path)).andReturn();
    }

    private static String text(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPublishedItemBecomesAPageWithItsImageAFeedEntryAndGoesAwayWhenRetracted() throws Exception {
        String item = "item-" + UUID.randomUUID();
        String title = "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến <mức độ 4> & thanh toán";
        String body = "<p>Năm 2025, <strong>98%</strong> hồ sơ được giải quyết đúng hạn.</p>"
                + "<script>alert('x')</script><p onclick=\"steal()\">Liên hệ bộ phận một cửa.</p>";
        PublicationRequested request = request(KIM_THANH, item, title, body, List.of(
                new PublicationRequested.Attachment("a1", "hoi-nghi.png", "image/png", png.length,
                        fileUrl(KIM_THANH, item, "a1")),
                new PublicationRequested.Attachment("d1", "ke-hoach.pdf", "application/pdf", 10,
                        fileUrl(KIM_THANH, item, "d1"))));
        broker.send(request);

        PublicationSucceeded succeeded = (PublicationSucceeded) awaitResult(request.requestId());
        assertThat(succeeded.url()).isEqualTo("https://loa.example.vn/p/10804/cchc/" + item);
        assertThat(succeeded.tenantId()).isEqualTo(KIM_THANH);

        MvcResult page = fetch("/p/10804/cchc/" + item);
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(page.getResponse().getContentType()).contains("text/html").containsIgnoringCase("UTF-8");
        String html = text(page);
        assertThat(html).contains("<html lang=\"vi\">");
        assertThat(page.getResponse().getHeader("Content-Language")).isEqualTo("vi");
        assertThat(html).contains("Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến &lt;mức độ 4&gt; &amp; thanh toán");
        assertThat(html).doesNotContain("<mức độ 4>");
        assertThat(html).contains("<strong>98%</strong>").contains("Liên hệ bộ phận một cửa.");
        assertThat(html).doesNotContain("<script").doesNotContain("onclick").doesNotContain("alert(");
        assertThat(html).contains("Người dân nộp hồ sơ trực tuyến ngày càng nhiều.");
        assertThat(html).containsPattern("Đăng lúc \\d\\d:\\d\\d, \\d\\d/\\d\\d/\\d{4}");

        Matcher img = Pattern.compile("<img src=\"(/p/10804/files/[0-9a-f]{24})\"").matcher(html);
        assertThat(img.find()).as("an image in the page").isTrue();
        String imagePath = img.group(1);
        assertThat(img.find()).as("only the image, not the PDF").isFalse();
        MvcResult image = fetch(imagePath);
        assertThat(image.getResponse().getStatus()).isEqualTo(200);
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(png);

        String list = text(fetch("/p/10804/cchc"));
        assertThat(list).contains("Xã Kim Thành").contains("/p/10804/cchc/" + item).contains("Chuyên mục Cải cách hành chính");
        assertThat(list).containsPattern("Ngày đăng: \\d\\d/\\d\\d/\\d{4}");
        MvcResult feed = fetch("/p/10804/cchc/feed.atom");
        assertThat(feed.getResponse().getContentType()).startsWith("application/atom+xml");
        String atom = text(feed);
        assertThat(atom).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .contains("<id>https://loa.example.vn/p/10804/cchc/" + item + "</id>")
                .contains("Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến &lt;mức độ 4&gt; &amp; thanh toán");

        // another commune's paths never show it
        assertThat(fetch("/p/00004/cchc/" + item).getResponse().getStatus()).isEqualTo(404);
        assertThat(text(fetch("/p/00004/cchc"))).doesNotContain(item).contains("Phường Ba Đình");
        assertThat(text(fetch("/p/00004/cchc/feed.atom"))).doesNotContain(item);
        assertThat(fetch(imagePath.replace("/p/10804/", "/p/00004/")).getResponse().getStatus()).isEqualTo(404);

        broker.send(new ContentRetracted(KIM_THANH, item, "portal", Instant.now(), "Số liệu chưa chính xác"));
        eventually().until(() -> fetch("/p/10804/cchc/" + item).getResponse().getStatus() == 410);
        assertThat(text(fetch("/p/10804/cchc/" + item))).contains("Bài viết này đã được gỡ xuống.");
        assertThat(text(fetch("/p/10804/cchc"))).doesNotContain(item);
        assertThat(text(fetch("/p/10804/cchc/feed.atom"))).doesNotContain(item);
        assertThat(fetch(imagePath).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theListIsNewestFirstAndAFileThatIsNoImageIsRefused() throws Exception {
        String older = "item-" + UUID.randomUUID();
        String newer = "item-" + UUID.randomUUID();
        PublicationRequested first = request(KIM_THANH, older, "Tập huấn kỹ năng số cho cán bộ", "<p>a</p>",
                List.of());
        broker.send(first);
        awaitResult(first.requestId());
        PublicationRequested second = request(KIM_THANH, newer, "Hướng dẫn nộp hồ sơ qua Cổng dịch vụ công",
                "<p>b</p>", List.of());
        broker.send(second);
        awaitResult(second.requestId());
        String list = text(fetch("/p/10804/cchc"));
        assertThat(list.indexOf(newer)).isPositive().isLessThan(list.indexOf(older));

        String fake = "item-" + UUID.randomUUID();
        PublicationRequested withFake = request(KIM_THANH, fake, "Ảnh giả", "<p>c</p>", List.of(
                new PublicationRequested.Attachment("fake", "anh.png", "image/png", 12, fileUrl(KIM_THANH, fake,
                        "fake"))));
        broker.send(withFake);
        PublicationFailed failed = (PublicationFailed) awaitResult(withFake.requestId());
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("không phải là ảnh");
        assertThat(fetch("/p/10804/cchc/" + fake).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void readingAPageAndTheFeedIsCountedOncePerVisitorAndLeavesAsPublicationEngaged() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "Hướng dẫn thanh toán phí trực tuyến", "<p>d</p>",
                List.of());
        broker.send(request);
        awaitResult(request.requestId());

        for (int i = 0; i < 3; i++) { // one reader, three times
            assertThat(http.perform(get("/p/10804/cchc/" + item).header("X-Forwarded-For", "203.113.131.7")
                    .header("User-Agent", "Mozilla/5.0 Android")).andReturn().getResponse().getStatus()).isEqualTo(200);
        }
        http.perform(get("/p/10804/cchc/" + item).header("X-Forwarded-For", "113.160.2.9")
                .header("User-Agent", "Mozilla/5.0 Android"));
        http.perform(get("/p/10804/cchc/feed.atom").header("X-Forwarded-For", "113.160.2.9"));
        http.perform(get("/p/00004/cchc/" + item).header("X-Forwarded-For", "113.160.2.9")); // 404: not counted

        List<PublicationEngaged> windows = eventually().until(() -> broker.events(Topics.ENGAGEMENT_EVENTS).stream()
                .filter(e -> e instanceof PublicationEngaged p && item.equals(p.itemId()))
                .map(e -> (PublicationEngaged) e).toList(), l -> l.stream().mapToLong(p -> p.figures().views())
                .sum() >= 2);
        assertThat(windows.stream().mapToLong(p -> p.figures().views()).sum()).isEqualTo(2);
        assertThat(windows).allSatisfy(p -> {
            assertThat(p.tenantId()).isEqualTo(KIM_THANH);
            assertThat(p.channel()).isEqualTo("portal");
            assertThat(p.publicationId()).isEqualTo(request.requestId());
        });
        assertThat(eventually().until(() -> broker.events(Topics.ENGAGEMENT_EVENTS).stream()
                .filter(e -> e instanceof PublicationEngaged p && p.itemId() == null
                        && p.tenantId().equals(KIM_THANH)).toList(), l -> !l.isEmpty())).isNotEmpty();
        assertThat(broker.events(Topics.ENGAGEMENT_EVENTS)).noneMatch(e -> e.tenantId().equals(BA_DINH)
                && e instanceof PublicationEngaged p && item.equals(p.itemId()));
    }

    @Test
    void anUnknownCommuneAnswersAVietnamese404() throws Exception {
        MvcResult r = fetch("/p/99999/cchc");
        assertThat(r.getResponse().getStatus()).isEqualTo(404);
        assertThat(text(r)).contains("Không có xã, phường nào mang mã này.").contains("lang=\"vi\"");
        assertThat(fetch("/p/10804/cchc/" + UUID.randomUUID()).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void healthIsUpAsLoaUpExpects() throws Exception {
        MvcResult health = fetch("/actuator/health");
        assertThat(health.getResponse().getStatus()).as(text(health)).isEqualTo(200);
        assertThat(text(health)).as("overall status").endsWith("\"status\":\"UP\"}").contains("\"mongo\":{");
    }
}
