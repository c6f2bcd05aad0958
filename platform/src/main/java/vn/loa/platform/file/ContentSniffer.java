package vn.loa.platform.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells a file's type from its first bytes, never from its name: JPEG, PNG, WebP, GIF, PDF, DOCX (a ZIP holding
 * {@code word/document.xml}), MP3 (an ID3 tag or an MPEG audio frame header) and Ogg. Anything else (an .exe
 * renamed .jpg) is not recognised.
 */
public final class ContentSniffer {

    private ContentSniffer() {
    }

    public static Optional<FileType> sniff(byte[] data) {
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(FileType.JPEG);
        }
        if (starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(FileType.PNG);
        }
        if (ascii(data, 0, "RIFF") && ascii(data, 8, "WEBP")) {
            return Optional.of(FileType.WEBP);
        }
        if (ascii(data, 0, "GIF87a") || ascii(data, 0, "GIF89a")) {
            return Optional.of(FileType.GIF);
        }
        if (ascii(data, 0, "%PDF-")) {
            return Optional.of(FileType.PDF);
        }
        if (starts(data, 'P', 'K', 0x03, 0x04)) {
            return isWordDocument(data) ? Optional.of(FileType.DOCX) : Optional.empty();
        }
        if (ascii(data, 0, "OggS")) {
            return Optional.of(FileType.OGG);
        }
        if (ascii(data, 0, "ID3") || mpegFrame(data)) {
            return Optional.of(FileType.MP3);
        }
        return Optional.empty();
    }

    /** An MPEG-1/2 layer III frame header: 11 sync bits, a valid version, layer III, a valid bitrate and rate. */
    private static boolean mpegFrame(byte[] d) {
        if (d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (d[1] >> 3) & 0x3;
        int layer = (d[1] >> 1) & 0x3;
        int bitrate = (d[2] >> 4) & 0xF;
        int rate = (d[2] >> 2) & 0x3;
        return version != 1 && layer == 1 && bitrate != 0 && bitrate != 0xF && rate != 3;
    }

    private static boolean isWordDocument(byte[] data) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null && entries++ < 1000) {
                if (entry.getName().equals("word/document.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException broken) {
            return false;
        }
    }

    private static boolean starts(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        return data.length >= offset + t.length && Arrays.equals(data, offset, offset + t.length, t, 0, t.length);
    }
}
