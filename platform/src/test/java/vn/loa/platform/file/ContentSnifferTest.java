package vn.loa.platform.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Types are told by content, not by name. */
class ContentSnifferTest {

    static byte[] bytes(int... values) {
        byte[] b = new byte[Math.max(values.length, 16)];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String e : entries) {
                zip.putNextEntry(new ZipEntry(e));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void picturesAreImagesAndTheOthersAreNot() {
        assertThat(java.util.Arrays.stream(FileType.values()).filter(FileType::image))
                .containsExactly(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.GIF);
    }

    @Test
    void recognisesTheAcceptedTypesByTheirFirstBytes() throws IOException {
        assertThat(ContentSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(FileType.JPEG);
        assertThat(ContentSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).contains(FileType.PNG);
        assertThat(ContentSniffer.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(FileType.WEBP);
        assertThat(ContentSniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
        assertThat(ContentSniffer.sniff("ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(FileType.MP3);
        assertThat(ContentSniffer.sniff(bytes(0xFF, 0xFB, 0x90, 0x64))).contains(FileType.MP3);
        assertThat(ContentSniffer.sniff("OggS\0\2".getBytes(StandardCharsets.ISO_8859_1))).contains(FileType.OGG);
        assertThat(ContentSniffer.sniff(zip("[Content_Types].xml", "word/document.xml"))).contains(FileType.DOCX);
    }

    @Test
    void rejectsAnExecutableWhateverItsNameAndAZipThatIsNotAWordDocument() throws IOException {
        assertThat(ContentSniffer.sniff("MZ\u0090\0\3\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ContentSniffer.sniff("\u007fELF\2\1\1".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ContentSniffer.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentSniffer.sniff(zip("evil.exe"))).isEmpty();
        assertThat(ContentSniffer.sniff(new byte[0])).isEmpty();
        // an MPEG sync word with a reserved layer is not an MP3
        assertThat(ContentSniffer.sniff(bytes(0xFF, 0xF9, 0x90, 0x64))).isEmpty();
    }
}
