package vn.loa.content.attachment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import vn.loa.platform.file.FileType;

/**
 * Safe file names: the last path segment only (no {@code ../}, no directories, no drive letters), letters (Vietnamese
 * included), digits, space, dot, dash, underscore and brackets; no control characters, no leading dot, at most 120
 * characters. Nothing left gives {@code "tep"}.
 */
public final class FileNames {

    private static final int MAX = 120;

    private FileNames() {
    }

    public static String sanitise(String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1);
        name = name.replaceAll("[^\\p{L}\\p{M}\\p{N} ._()\\-]", "_").replaceAll("\\s+", " ").strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("\\.{2,}", ".");
        if (name.length() > MAX) {
            String ext = extension(name).map(e -> "." + e).orElse("");
            name = name.substring(0, MAX - ext.length()) + ext;
        }
        return name.isBlank() ? "tep" : name;
    }

    public static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The name with the extension of its type, when it has none. */
    public static String withExtension(String name, FileType type) {
        return extension(name).isPresent() ? name : name + "." + type.extensions().getFirst();
    }
}
