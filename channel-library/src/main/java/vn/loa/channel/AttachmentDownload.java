package vn.loa.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import vn.loa.contracts.channel.PublicationRequested.Attachment;

/**
 * Fetches a publication request's attachment from content-service's internal file URL, for a channel that needs the
 * bytes (the portal copies images, the radio plays recordings). No redirects; a missing file ({@code 404}/{@code 410})
 * or one over the limit refuses the publication ({@link PublicationRefused}); anything else that goes wrong (no
 * answer, another status, a broken read) is {@link ChannelUnavailable}, so the request is tried again. The messages
 * name the file in Vietnamese by what it is ("ảnh", "tệp âm thanh").
 */
public record AttachmentDownload(String noun, int maxBytes, Duration timeout) {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * @param noun what the files are, in lower case ("ảnh", "tệp âm thanh")
     * @param maxBytes the largest file taken (a whole number of MB, as the message says it)
     * @param timeout how long one download may take
     */
    public AttachmentDownload {
        if (noun == null || noun.isBlank() || maxBytes <= 0 || timeout == null) {
            throw new IllegalArgumentException("a download needs what it fetches, a limit and a timeout");
        }
    }

    public byte[] bytes(Attachment a) {
        HttpResponse<InputStream> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(URI.create(a.url())).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw new ChannelUnavailable("Không tải được " + noun + " «" + a.fileName() + "» từ kho nội dung; hãy"
                    + " thử lại sau.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable("Việc tải " + noun + " bị gián đoạn; hãy thử lại sau.", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                throw new PublicationRefused(capitalized() + " «" + a.fileName() + "» không còn trong kho nội dung.");
            }
            if (response.statusCode() != 200) {
                throw new ChannelUnavailable("Kho nội dung trả lời mã " + response.statusCode() + " khi tải " + noun
                        + " «" + a.fileName() + "»; hãy thử lại sau.");
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new PublicationRefused(capitalized() + " «" + a.fileName() + "» lớn hơn "
                        + maxBytes / (1024 * 1024) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ChannelUnavailable("Không đọc hết được " + noun + " «" + a.fileName() + "»; hãy thử lại sau.",
                    e);
        }
    }

    private String capitalized() {
        return noun.substring(0, 1).toUpperCase(VI) + noun.substring(1);
    }
}
