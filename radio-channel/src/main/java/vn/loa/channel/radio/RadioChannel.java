package vn.loa.channel.radio;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.channel.Channel;
import vn.loa.channel.ChannelInfo;
import vn.loa.channel.ChannelUnavailable;
import vn.loa.channel.Outcome;
import vn.loa.channel.PublicSite;
import vn.loa.channel.PublicationRefused;
import vn.loa.channel.radio.bulletin.Bulletin;
import vn.loa.channel.radio.bulletin.Bulletins;
import vn.loa.channel.radio.speech.Speech;
import vn.loa.channel.radio.speech.Synthesizer;
import vn.loa.platform.time.VnTime;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationRequested.Attachment;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * The {@code radio} channel: the item is read out (Vietnamese TTS) and encoded to MP3 — or, for an item of kind
 * {@code audio} with an MP3 attachment, the recording itself is used — stored, and put on the commune's
 * broadcast schedule for the day of publication (Asia/Ho_Chi_Minh); the MP3 goes back to content-service as a file
 * of the item. Publishing an item again replaces its bulletin, so a publication is {@linkplain #repeatable()
 * repeatable}.
 */
@Component
public class RadioChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(RadioChannel.class);
    static final ChannelInfo INFO = new ChannelInfo("radio", "Đài truyền thanh xã (hệ thống loa)",
            List.of("news", "article", "audio", "announcement", "reportage", "document"), false);
    /** Longest text read out, in characters (~25 minutes of speech). */
    static final int MAX_CHARS = 20_000;

    private final Synthesizer synthesizer;
    private final Recordings recordings;
    private final Bulletins bulletins;
    private final Clock clock;
    private final PublicSite site;

    public RadioChannel(Synthesizer synthesizer, Recordings recordings, Bulletins bulletins, Clock clock,
            PublicSite site) {
        this.synthesizer = synthesizer;
        this.recordings = recordings;
        this.bulletins = bulletins;
        this.clock = clock;
        this.site = site;
    }

    @Override
    public ChannelInfo info() {
        return INFO;
    }

    @Override
    public boolean healthy() {
        return synthesizer.available();
    }

    @Override
    public boolean repeatable() {
        return true;
    }

    @Override
    public Outcome publish(PublicationRequested r) {
        String commune = CommuneDirectory.instance().commune(r.tenantId()).map(CommuneDirectory.Commune::name)
                .orElseThrow(() -> new PublicationRefused("Mã xã, phường «" + r.tenantId()
                        + "» không có trong danh mục đơn vị hành chính."));
        if (!synthesizer.available()) {
            throw new ChannelUnavailable("Đài truyền thanh chưa đọc được bài: máy chủ kênh thiếu chương trình chuyển"
                    + " văn bản thành giọng nói (espeak-ng) hoặc chương trình mã hoá MP3 (lame). Quản trị viên cần"
                    + " cài đặt chúng; sau đó có thể đăng lại.");
        }
        Speech speech = recording(r).orElseGet(() -> speak(commune, r));
        Instant now = clock.instant();
        String day = VnTime.dayOf(now).toString();
        String fileName = "ban-tin-" + day + "-" + r.itemId() + ".mp3";
        String fileId = bulletins.storeAudio(r.tenantId(), r.itemId(), fileName, speech.mp3());
        Bulletin bulletin = new Bulletin(Bulletin.id(r.tenantId(), r.itemId()), r.tenantId(), r.itemId(),
                r.requestId(), r.title(), day, now, fileId, fileName, speech.mp3().length, speech.durationSeconds(),
                null);
        bulletins.put(bulletin).filter(old -> !old.audioFileId().equals(fileId))
                .ifPresent(old -> bulletins.deleteAudio(r.tenantId(), old.audioFileId()));
        log.info("Bulletin of {} for {} on {}: {} s of speech, {} bytes, synthesised in {} ms", r.itemId(),
                r.tenantId(), day, speech.durationSeconds(), speech.mp3().length, speech.synthesisMillis());
        String url = site.link("/radio/" + r.tenantId() + "/audio/" + fileId + ".mp3");
        return Outcome.at(url).publishedAt(now).withExternalId(bulletin.id())
                .withFiles(List.of(new Attachment(fileId, fileName, "audio/mpeg", speech.mp3().length, url)));
    }

    /** An item of kind {@code audio} with an MP3 attachment is broadcast as recorded, not read out. */
    private Optional<Speech> recording(PublicationRequested r) {
        if (!"audio".equalsIgnoreCase(r.kind())) {
            return Optional.empty();
        }
        return r.attachments().stream().filter(a -> a.mediaType() != null && a.mediaType().startsWith("audio/"))
                .findFirst().map(a -> {
                    byte[] bytes = recordings.download(a);
                    if (!isMp3(bytes)) {
                        throw new PublicationRefused("Tệp «" + a.fileName() + "» không phải là tệp MP3 nên không"
                                + " phát được trên loa.");
                    }
                    try {
                        return new Speech(bytes, synthesizer.mp3Seconds(bytes), 0);
                    } catch (Synthesizer.SpeechFailed e) {
                        throw new PublicationRefused("Tệp «" + a.fileName() + "» không giải mã được như MP3.", e);
                    }
                });
    }

    private Speech speak(String commune, PublicationRequested r) {
        String text = script(commune, r);
        if (text.length() > MAX_CHARS) {
            throw new PublicationRefused("Bài quá dài để phát trên loa (hơn " + MAX_CHARS + " ký tự); hãy rút gọn"
                    + " thành một bản tin ngắn.");
        }
        try {
            return synthesizer.speak(text);
        } catch (Synthesizer.SpeechFailed e) {
            log.warn("Speech for {} of {} failed: {}", r.itemId(), r.tenantId(), e.getMessage());
            throw new ChannelUnavailable("Không chuyển được bài thành giọng nói (" + e.getMessage() + "); hãy thử"
                    + " lại sau.", e);
        }
    }

    /** An ID3 tag or an MPEG audio frame sync at the start. */
    static boolean isMp3(byte[] b) {
        boolean id3 = b.length > 3 && b[0] == 'I' && b[1] == 'D' && b[2] == '3';
        boolean frame = b.length > 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xe0) == 0xe0;
        return id3 || frame;
    }

    @Override
    public void retract(String tenantId, String itemId) {
        bulletins.retract(tenantId, itemId, clock.instant());
    }

    /** What the loudspeakers say: an opening, the title, the summary, the body as plain text, a closing. */
    static String script(String communeName, PublicationRequested r) {
        String station = "Đài truyền thanh " + lowerFirst(communeName);
        StringBuilder s = new StringBuilder(station).append(" xin thông báo:\n\n");
        s.append(sentence(r.title())).append("\n\n");
        if (r.summary() != null && !r.summary().isBlank()) {
            s.append(sentence(r.summary())).append("\n\n");
        }
        if (r.bodyHtml() != null && !r.bodyHtml().isBlank()) {
            for (Element block : Jsoup.parseBodyFragment(r.bodyHtml()).body()
                    .select("p, li, h1, h2, h3, h4, h5, h6, td, blockquote")) {
                if (block.parents().stream().anyMatch(p -> p.is("p, li, td, blockquote"))) {
                    continue; // read once, as part of its enclosing block
                }
                String text = block.text().strip();
                if (!text.isEmpty()) {
                    s.append(sentence(text)).append('\n');
                }
            }
            if (Jsoup.parseBodyFragment(r.bodyHtml()).body().select("p, li, h1, h2, h3, h4, h5, h6, td, blockquote")
                    .isEmpty()) {
                s.append(sentence(Jsoup.parseBodyFragment(r.bodyHtml()).body().text())).append('\n');
            }
        }
        s.append('\n').append(station).append(" vừa phát bản tin: ").append(sentence(r.title()))
                .append(" Xin cảm ơn bà con đã lắng nghe.\n");
        return s.toString();
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".!?:;…".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + name.substring(1);
    }
}
