package vn.loa.channel.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * The radio channel on a machine without espeak-ng (the tool path points nowhere): it registers unhealthy and
 * answers requests with a retryable failure in Vietnamese. Runs as its own consumer group and source
 * ({@code radio-channel-no-speech}) so that its answers are told apart from those of the healthy test context.
 */
@SpringBootTest(classes = RadioChannelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=radio-channel-no-speech", "loa.radio.espeak=/nonexistent/espeak-ng",
            "loa.outbox.poll-interval=200ms"})
class RadioWithoutSpeechTest {

    static final String SOURCE = "/loa/radio-channel-no-speech";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "radio-channel-no-speech-it");
    }

    @Test
    void withoutEspeakTheChannelRegistersUnhealthyAndFailsRequestsRetryably() {
        try (TestBroker broker = new TestBroker()) {
            var registration = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> broker
                    .readAll(Topics.CHANNEL_REGISTRY).stream()
                    .filter(r -> SOURCE.equals(TestBroker.header(r, CloudEventHeaders.SOURCE))).toList(),
                    l -> !l.isEmpty()).getLast();
            ChannelRegistered registered = (ChannelRegistered) broker.decode(registration);
            assertThat(registered.channelId()).isEqualTo("radio");
            assertThat(registered.healthy()).isFalse();

            String item = "item-" + UUID.randomUUID();
            broker.send(new PublicationRequested("10804", item + ":radio:1", item, "radio", "news",
                    "Thông báo tiêm chủng", "", "<p>Sáng thứ Hai.</p>", List.of(), Instant.now()));
            var record = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> broker
                    .readAll(Topics.PUBLICATION_EVENTS).stream().filter(r -> item.equals(r.key())
                            && SOURCE.equals(TestBroker.header(r, CloudEventHeaders.SOURCE))).toList(),
                    l -> !l.isEmpty()).getFirst();
            PublicationFailed failed = (PublicationFailed) broker.decode(record);
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("espeak-ng").contains("Quản trị viên cần cài đặt");
        }
    }
}
