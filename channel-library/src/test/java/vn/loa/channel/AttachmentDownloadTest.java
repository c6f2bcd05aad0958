package vn.loa.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.channel.PublicationRequested.Attachment;

/** A channel's download of an attachment: the bytes, or a refusal or an outage said in Vietnamese. */
class AttachmentDownloadTest {

    private static final int MB = 1024 * 1024;

    private HttpServer server;
    private final AttachmentDownload images = new AttachmentDownload("ảnh", MB, Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/files/".length());
            byte[] body = switch (name) {
                case "anh.png" -> new byte[] {1, 2, 3};
                case "lon.png" -> new byte[MB + 1];
                default -> new byte[0];
            };
            int status = switch (name) {
                case "anh.png", "lon.png" -> 200;
                case "da-xoa.png" -> 410;
                case "chuyen.png" -> 302;
                default -> 503;
            };
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Attachment file(String name) {
        return new Attachment("att-1", name, "image/png", 3,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + name);
    }

    @Test
    void theBytesOfAFileThatIsThere() {
        assertThat(images.bytes(file("anh.png"))).containsExactly(1, 2, 3);
    }

    @Test
    void aFileGoneOrTooLargeRefusesThePublication() {
        assertThatThrownBy(() -> images.bytes(file("da-xoa.png"))).isInstanceOf(PublicationRefused.class)
                .hasMessage("Ảnh «da-xoa.png» không còn trong kho nội dung.");
        assertThatThrownBy(() -> images.bytes(file("lon.png"))).isInstanceOf(PublicationRefused.class)
                .hasMessage("Ảnh «lon.png» lớn hơn 1 MB.");
    }

    @Test
    void anyOtherAnswerIsAnOutageToTryAgainLater() {
        assertThatThrownBy(() -> images.bytes(file("ban.png"))).isInstanceOf(ChannelUnavailable.class)
                .hasMessage("Kho nội dung trả lời mã 503 khi tải ảnh «ban.png»; hãy thử lại sau.");
        // redirects are not followed
        assertThatThrownBy(() -> images.bytes(file("chuyen.png"))).isInstanceOf(ChannelUnavailable.class)
                .hasMessageContaining("mã 302");
        assertThatThrownBy(() -> new AttachmentDownload("tệp âm thanh", 50 * MB, Duration.ofSeconds(5))
                .bytes(new Attachment("a", "ban-tin.mp3", "audio/mpeg", 1, "http://127.0.0.1:1/x")))
                .isInstanceOf(ChannelUnavailable.class)
                .hasMessage("Không tải được tệp âm thanh «ban-tin.mp3» từ kho nội dung; hãy thử lại sau.");
    }
}
