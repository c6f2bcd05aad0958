package vn.loa.channel.radio;

import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.loa.channel.AttachmentDownload;
import vn.loa.contracts.channel.PublicationRequested.Attachment;

/** Downloads an item's recorded audio from content-service's internal file URL (at most 50 MB). */
@Component
class Recordings {

    static final int MAX_BYTES = 50 * 1024 * 1024;

    private final AttachmentDownload download = new AttachmentDownload("tệp âm thanh", MAX_BYTES,
            Duration.ofSeconds(60));

    byte[] download(Attachment a) {
        return download.bytes(a);
    }
}
