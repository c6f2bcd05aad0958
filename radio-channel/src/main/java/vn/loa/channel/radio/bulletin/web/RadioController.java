package vn.loa.channel.radio.bulletin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;
import vn.loa.channel.Engagement;
import vn.loa.channel.PublicSite;
import vn.loa.channel.Visitor;
import vn.loa.channel.radio.bulletin.Bulletin;
import vn.loa.channel.radio.bulletin.Bulletins;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * The broadcast schedule, public (the loudspeaker players fetch it): a day's playlist as M3U with absolute URLs, and
 * the audio. Every lookup is by the tenant in the path: another commune's audio answers 404 like a missing one; a
 * retracted bulletin leaves the playlist and its audio answers 404.
 */
@RestController
public class RadioController {

    /** The radio's channel id (RadioChannel's). */
    static final String CHANNEL = "radio";
    static final MediaType M3U = MediaType.parseMediaType("audio/x-mpegurl;charset=UTF-8");

    private final Bulletins bulletins;
    private final PublicSite site;
    private final Engagement engagement;

    public RadioController(Bulletins bulletins, PublicSite site,
            Engagement engagement) {
        this.bulletins = bulletins;
        this.engagement = engagement;
        this.site = site;
    }

    @GetMapping("/radio/{tenant}/playlists/{day}.m3u")
    public ResponseEntity<byte[]> playlist(@PathVariable String tenant, @PathVariable String day) {
        var commune = CommuneDirectory.instance().commune(tenant);
        LocalDate date;
        try {
            date = LocalDate.parse(day, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return ResponseEntity.notFound().build();
        }
        if (commune.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        StringBuilder m3u = new StringBuilder("#EXTM3U\n");
        String name = commune.get().name();
        m3u.append("#PLAYLIST:Đài truyền thanh ").append(name.substring(0, 1).toLowerCase(java.util.Locale.forLanguageTag("vi")))
                .append(name.substring(1)).append(" — ")
                .append(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date)).append('\n');
        for (Bulletin b : bulletins.day(tenant, day)) {
            m3u.append("#EXTINF:").append(b.durationSeconds()).append(',').append(oneLine(b.title())).append('\n');
            m3u.append(site.link("/radio/")).append(tenant).append("/audio/").append(b.audioFileId())
                    .append(".mp3\n");
        }
        return ResponseEntity.ok().contentType(M3U).cacheControl(CacheControl.noCache())
                .header("Content-Disposition", "inline; filename=\"" + tenant + "-" + day + ".m3u\"")
                .body(m3u.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A bulletin's audio: played inline (a loudspeaker player, the browser's player), or with {@code ?download} as an
     * attachment. Each counts once per visitor per day: a play, or a download.
     */
    @GetMapping("/radio/{tenant}/audio/{id}.mp3")
    public ResponseEntity<?> audio(@PathVariable String tenant, @PathVariable String id,
            HttpServletRequest request) throws IOException {
        var bulletin = bulletins.byAudio(tenant, id);
        if (bulletin.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        var file = bulletins.audio(tenant, id);
        if (file.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        boolean attachment = download(request);
        engagement.count(tenant, CHANNEL, bulletin.get().itemId(), bulletin.get().requestId(),
                attachment ? Engagement.Figure.DOWNLOADS : Engagement.Figure.PLAYS, Visitor.of(request));
        var response = ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/mpeg"))
                .contentLength(file.get().contentLength()).cacheControl(CacheControl.noCache());
        if (attachment) {
            response.header("Content-Disposition", "attachment; filename=\"" + id + ".mp3\"");
        }
        return response.body(new InputStreamResource(file.get().getInputStream()));
    }

    /** {@code ?download}, with or without a value. */
    static boolean download(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getParameter("download") != null || query != null && java.util.Arrays.stream(query.split("&"))
                .anyMatch(p -> p.equals("download") || p.startsWith("download="));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
    }
}
