package vn.loa.channel.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.Topics;
import vn.loa.channel.radio.speech.Synthesizer;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * The radio channel with the real espeak-ng and lame: an item in, an MP3 bulletin and a day's playlist out. Answers
 * are read by their source, as {@link RadioWithoutSpeechTest}'s context (another group) may be alive as well.
 */
@SpringBootTest(classes = RadioChannelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"loa.outbox.poll-interval=200ms", "loa.public-url=https://loa.example.vn",
                "loa.channel.engagement.window=PT1S"})
@AutoConfigureMockMvc
class RadioChannelTest {

    static final String KIM_THANH = "10804";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "radio-channel-it");
    }

    @Autowired
    MockMvc http;

    @Autowired
    Synthesizer synthesizer;

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually(Duration.ofSeconds(60));
    }

    static String words(int n) {
        String[] w = ("người dân xã Kim Thành nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia thủ tục hành chính"
                + " được giải quyết đúng hạn cán bộ bộ phận một cửa hướng dẫn tận tình chu đáo").split(" ");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(w[(i * 7) % w.length]).append(i % 15 == 14 ? ". " : " ");
        }
        return s.toString().strip();
    }

    private MvcResult fetch(String path) throws Exception {
        return http.perform(get(path)).andReturn();
    }

    static boolean isMp3(byte[] b) {
        boolean id3 = b.length > 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3';
        boolean frame = b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xe0) == 0xe0;
        return id3 || frame;
    }

    @Test
    void anItemBecomesAnMp3BulletinOnTheDaysPlaylistAndLeavesItWhenRetracted() throws Exception {
        String item = "item-" + UUID.randomUUID();
        String title = "Thông báo lịch tiếp công dân và hướng dẫn nộp hồ sơ trực tuyến";
        PublicationRequested request = new PublicationRequested(KIM_THANH, item + ":radio:1", item, "radio", "news",
                title, "Từ ngày 01/10/2025, bộ phận một cửa tiếp nhận hồ sơ cả sáng thứ Bảy.",
                "<p>" + words(300) + "</p><ul><li>Mang căn cước công dân.</li></ul>", List.of(),
                Instant.now());
        broker.send(request);

        var record = eventually().until(() -> broker.readAll(Topics.PUBLICATION_EVENTS).stream()
                .filter(r -> item.equals(r.key()) && "/loa/radio-channel".equals(TestBroker.header(r,
                        CloudEventHeaders.SOURCE))).toList(), l -> !l.isEmpty()).getFirst();
        assertThat(EventSchemas.violations(TestBroker.type(record), record.value())).isEmpty();
        assertThat(TestBroker.header(record, CloudEventHeaders.TENANT_ID)).isEqualTo(KIM_THANH);
        PublicationSucceeded succeeded = (PublicationSucceeded) broker.decode(record);
        assertThat(succeeded.files()).hasSize(1);
        var file = succeeded.files().getFirst();
        assertThat(file.mediaType()).isEqualTo("audio/mpeg");
        assertThat(file.url()).isEqualTo(succeeded.url())
                .matches("https://loa\\.example\\.vn/radio/10804/audio/[0-9a-f]{24}\\.mp3");
        String audioPath = file.url().substring("https://loa.example.vn".length());

        MvcResult audio = fetch(audioPath);
        assertThat(audio.getResponse().getStatus()).isEqualTo(200);
        assertThat(audio.getResponse().getContentType()).isEqualTo("audio/mpeg");
        byte[] mp3 = audio.getResponse().getContentAsByteArray();
        assertThat(mp3.length).isEqualTo(file.size()).isGreaterThan(100_000); // ~300 words ≈ a minute at 64 kbit/s
        assertThat(isMp3(mp3)).as("MP3 header").isTrue();

        String day = DateTimeFormatter.ISO_LOCAL_DATE.format(succeeded.publishedAt().atZone(
                ZoneId.of("Asia/Ho_Chi_Minh")));
        MvcResult playlist = fetch("/radio/10804/playlists/" + day + ".m3u");
        assertThat(playlist.getResponse().getStatus()).isEqualTo(200);
        assertThat(playlist.getResponse().getContentType()).startsWith("audio/x-mpegurl");
        String m3u = playlist.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(m3u).startsWith("#EXTM3U\n").contains("#PLAYLIST:Đài truyền thanh xã Kim Thành — ");
        assertThat(m3u).containsPattern("#EXTINF:(\\d+)," + java.util.regex.Pattern.quote(title) + "\n"
                + java.util.regex.Pattern.quote(file.url()) + "\n");
        int seconds = Integer.parseInt(m3u.replaceAll("(?s).*#EXTINF:(\\d+)," + java.util.regex.Pattern.quote(title)
                + ".*", "$1"));
        assertThat(seconds).isBetween(60, 600);

        // another commune sees neither the bulletin nor its audio
        assertThat(fetch("/radio/00004/playlists/" + day + ".m3u").getResponse().getContentAsString(
                StandardCharsets.UTF_8)).doesNotContain(item).doesNotContain(file.id());
        assertThat(fetch(audioPath.replace("/radio/10804/", "/radio/00004/")).getResponse().getStatus())
                .isEqualTo(404);

        // plays and downloads: once per listener per day; ?download is an attachment and counts as a download
        MvcResult downloaded = http.perform(get(audioPath + "?download").header("X-Forwarded-For", "113.160.2.9"))
                .andReturn();
        assertThat(downloaded.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        http.perform(get(audioPath).header("X-Forwarded-For", "113.160.2.9"));
        http.perform(get(audioPath).header("X-Forwarded-For", "113.160.2.9"));
        var engaged = eventually().until(() -> broker.events(Topics.ENGAGEMENT_EVENTS).stream()
                .filter(e -> e instanceof PublicationEngaged p && item.equals(p.itemId()))
                .map(e -> ((PublicationEngaged) e).figures()).reduce(PublicationEngaged.Figures.NONE,
                        PublicationEngaged.Figures::plus), f -> f.plays() >= 2 && f.downloads() >= 1);
        // the test's first GET (no X-Forwarded-For: the test client's own address) was a play too
        assertThat(engaged.plays()).isEqualTo(2);
        assertThat(engaged.downloads()).isEqualTo(1);
        assertThat(engaged.views()).isZero();

        broker.send(new ContentRetracted(KIM_THANH, item, "radio", Instant.now(), "Lịch tiếp dân thay đổi"));
        eventually().until(() -> fetch(audioPath).getResponse().getStatus() == 404);
        assertThat(fetch("/radio/10804/playlists/" + day + ".m3u").getResponse().getContentAsString(
                StandardCharsets.UTF_8)).doesNotContain(file.id());
    }

    @Test
    void anAudioItemIsBroadcastAsRecordedAndAFakeRecordingIsRefused() throws Exception {
        byte[] recording = synthesizer.speak("Xin chào bà con, đây là bản tin ghi âm của xã.").mp3();
        HttpServer store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/internal/files/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().endsWith("/fake") ? "<html>not audio</html>".getBytes()
                    : recording;
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        store.start();
        try {
            String base = "http://127.0.0.1:" + store.getAddress().getPort() + "/internal/files/10804/";
            String item = "item-" + UUID.randomUUID();
            PublicationRequested request = new PublicationRequested(KIM_THANH, item + ":radio:1", item, "radio",
                    "audio", "Bản tin ghi âm", "", "<p>Không đọc phần này.</p>", List.of(
                            new PublicationRequested.Attachment("r1", "ban-tin.mp3", "audio/mpeg", recording.length,
                                    base + item + "/r1")), Instant.now());
            broker.send(request);
            PublicationSucceeded succeeded = (PublicationSucceeded) broker.decode(awaitAnswer(item));
            byte[] served = fetch(succeeded.url().substring("https://loa.example.vn".length())).getResponse()
                    .getContentAsByteArray();
            assertThat(served).isEqualTo(recording);

            String fake = "item-" + UUID.randomUUID();
            broker.send(new PublicationRequested(KIM_THANH, fake + ":radio:1", fake, "radio", "audio", "Giả", "",
                    "", List.of(new PublicationRequested.Attachment("f", "gia.mp3", "audio/mpeg", 20,
                            base + fake + "/fake")), Instant.now()));
            PublicationFailed failed = (PublicationFailed) broker.decode(awaitAnswer(fake));
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("không phải là tệp MP3");
        } finally {
            store.stop(0);
        }
    }

    private ConsumerRecord<String, byte[]> awaitAnswer(String item) {
        return eventually().until(() -> broker.readAll(Topics.PUBLICATION_EVENTS).stream()
                .filter(r -> item.equals(r.key()) && "/loa/radio-channel".equals(TestBroker.header(r,
                        CloudEventHeaders.SOURCE))).toList(), l -> !l.isEmpty()).getFirst();
    }

    @Test
    void aMalformedDayOrUnknownCommuneAnswers404() throws Exception {
        assertThat(fetch("/radio/10804/playlists/2025-13-45.m3u").getResponse().getStatus()).isEqualTo(404);
        assertThat(fetch("/radio/99999/playlists/2025-09-02.m3u").getResponse().getStatus()).isEqualTo(404);
        assertThat(fetch("/radio/10804/audio/notanid.mp3").getResponse().getStatus()).isEqualTo(404);
    }
}
