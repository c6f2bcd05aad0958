package vn.loa.content.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.platform.file.ContentSniffer;
import vn.loa.platform.file.FileType;
import vn.loa.platform.problem.InvalidInput;

/** Checks an uploaded file: present, not too large, a known type by its content, a name that matches the type. */
@Component
public class Uploads {

    private static final String ACCEPTED = "ảnh JPEG, PNG, WebP, GIF; tài liệu PDF, DOCX; âm thanh MP3, OGG";

    private final long maxBytes;

    public Uploads(AttachmentLimits limits) {
        this.maxBytes = limits.maxSize().toBytes();
    }

    /** A checked file: its safe name, its type by content and its bytes. */
    public record Checked(String fileName, FileType type, byte[] data) {
    }

    public Checked check(MultipartFile file) {
        return check(file, "file");
    }

    /** The same checks, the problems named after the form's field ({@code photo} for a visual product's photo). */
    public Checked check(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInput(field, "Vui lòng chọn tệp cần tải lên.");
        }
        if (file.getSize() > maxBytes) {
            throw tooBig(field);
        }
        byte[] data;
        try (InputStream in = file.getInputStream()) {
            data = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (data.length > maxBytes) {
            throw tooBig(field);
        }
        String name = FileNames.sanitise(file.getOriginalFilename());
        FileType type = ContentSniffer.sniff(data).orElseThrow(() -> new InvalidInput(field,
                "Tệp '" + name + "' không thuộc loại được chấp nhận (" + ACCEPTED
                        + "). Hệ thống kiểm tra theo nội dung tệp, không theo tên tệp."));
        FileNames.extension(name).ifPresent(ext -> {
            if (!type.extensions().contains(ext)) {
                throw new InvalidInput(field, "Tệp '" + name + "' có đuôi ." + ext + " nhưng nội dung là "
                        + type.mediaType() + ". Vui lòng kiểm tra lại tệp.");
            }
        });
        return new Checked(FileNames.withExtension(name, type), type, data);
    }

    private InvalidInput tooBig(String field) {
        String limit = maxBytes >= 1024 * 1024 ? (maxBytes / (1024 * 1024)) + " MB" : maxBytes + " byte";
        return new InvalidInput(field, "Tệp vượt quá dung lượng cho phép (" + limit + ").");
    }
}
