package vn.loa.platform.file;

import java.util.List;

/**
 * A file type Loa accepts, recognised by its content (magic bytes, {@link ContentSniffer}), with the extensions its name
 * may carry. content-service takes uploads of these; the portal channel copies the images.
 */
public enum FileType {
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    PNG("image/png", List.of("png")),
    WEBP("image/webp", List.of("webp")),
    GIF("image/gif", List.of("gif")),
    PDF("application/pdf", List.of("pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    MP3("audio/mpeg", List.of("mp3")),
    OGG("audio/ogg", List.of("ogg", "oga", "opus"));

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** A picture (JPEG, PNG, WebP, GIF). */
    public boolean image() {
        return mediaType.startsWith("image/");
    }
}
