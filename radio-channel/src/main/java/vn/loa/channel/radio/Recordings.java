package vn.loa.channel.radio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.loa.channel.ChannelUnavailable;
import vn.loa.channel.PublicationRefused;
import vn.loa.contracts.channel.PublicationRequested.Attachment;

/** Downloads an item's recorded audio from content-service's internal file URL (at most 50 MB). */
@Component
class Recordings {

    static final int MAX_BYTES = 50 * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    byte[] download(Attachment a) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(a.url())).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw new ChannelUnavailable("Không tải được tệp âm thanh «" + a.fileName() + "» từ kho nội dung; hãy"
                    + " thử lại sau.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable("Việc tải tệp âm thanh bị gián đoạn; hãy thử lại sau.", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                throw new PublicationRefused("Tệp âm thanh «" + a.fileName() + "» không còn trong kho nội dung.");
            }
            if (response.statusCode() != 200) {
                throw new ChannelUnavailable("Kho nội dung trả lời mã " + response.statusCode()
                        + " khi tải tệp âm thanh «" + a.fileName() + "»; hãy thử lại sau.");
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new PublicationRefused("Tệp âm thanh «" + a.fileName() + "» lớn hơn 50 MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ChannelUnavailable("Không đọc hết được tệp âm thanh «" + a.fileName() + "»; hãy thử lại sau.",
                    e);
        }
    }
}
