package vn.loa.content.it;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.awaitility.core.ConditionFactory;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.loa.content.ContentServiceApplication;
import vn.loa.content.channel.ChannelRegistry;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.platform.tenancy.CallerHeaders;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * content-service as it runs, on the real broker and a MongoDB-compatible database. Subclasses share one context;
 * each test registers channels and creates items of its own (random ids), so tests do not see each other's data.
 * The scheduler is driven by the tests ({@code PublishingScheduler.pass()}).
 */
@SpringBootTest(classes = ContentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            "loa.content.scheduler.initial-delay=PT1H",
            "loa.content.retry.backoff=1s",
            "loa.content.internal-url=http://content.internal:8083",
            "loa.outbox.poll-interval=200ms"})
@AutoConfigureMockMvc
abstract class IntegrationTest {

    static final String GROUP = "content-service";
    /** Hải Phòng (31) and two of its communes; a commune of Hà Nội (01). */
    static final String PROVINCE = "31";
    static final String COMMUNE = "10507";
    static final String NEIGHBOUR = "10525";
    static final String OTHER_PROVINCE = "01";

    static final TestBroker broker = new TestBroker();
    private static final Random RANDOM = new Random();

    @Autowired
    MockMvc http;

    @Autowired
    ChannelRegistry registry;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "content-service-it");
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually();
    }

    static String channelId(String prefix) {
        StringBuilder s = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }

    static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B request, String tenant, String user,
            String roles) {
        return request.header(CallerHeaders.TENANT, tenant).header(CallerHeaders.USER, user)
                .header(CallerHeaders.ROLES, roles);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A channel announces itself as its service would; waits until content-service knows it. */
    void register(String id, List<String> kinds, boolean healthy) {
        Instant now = Instant.now();
        broker.send(new ChannelRegistered(id, "Kênh thử " + id, kinds, false, healthy, now));
        eventually().until(() -> registry.find(id).map(c -> !c.announcedAt().isBefore(now.minusMillis(1)))
                .orElse(false));
    }

    String create(String tenant, List<String> channels) throws Exception {
        String body = """
                {"title": "Xã đẩy mạnh dịch vụ công trực tuyến", "summary": "Tóm tắt",
                 "body": "<p>Nội dung <script>alert(1)</script></p>", "kind": "ARTICLE",
                 "themes": ["Dịch vụ công trực tuyến"], "taskIds": ["task-7"], "channels": %s}"""
                .formatted(channels.stream().map(c -> "\"" + c + "\"").toList());
        String answer = http.perform(as(json(post("/api/contents"), body), tenant, "writer-1", "EDITOR"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.id");
    }

    String approved(String tenant, List<String> channels) throws Exception {
        String id = create(tenant, channels);
        http.perform(as(post("/api/contents/" + id + "/submit"), tenant, "writer-1", "EDITOR"))
                .andExpect(status().isOk());
        http.perform(as(post("/api/contents/" + id + "/approve"), tenant, "leader-1", "LEADER"))
                .andExpect(status().isOk());
        return id;
    }

    String item(String id, String tenant) throws Exception {
        return http.perform(as(get("/api/contents/" + id), tenant, "writer-1", "EDITOR"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String itemStatus(String id, String tenant) throws Exception {
        return JsonPath.read(item(id, tenant), "$.status");
    }

    /** Whether everything the document queued has left (the relay removes entries after the broker's ack). */
    boolean drained(String collection, String id) {
        Document doc = mongo.findById(id, Document.class, collection);
        return doc != null && (doc.getList("outbox", Object.class) == null
                || doc.getList("outbox", Object.class).isEmpty());
    }
}
