package vn.loa.content.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names are made safe (types are told by content: platform's ContentSnifferTest). */
class FileNamesTest {

    @Test
    void fileNamesLoseTheirPathsAndDangerousCharacters() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Windows\\system32\\ảnh hội nghị.jpg")).isEqualTo("ảnh hội nghị.jpg");
        assertThat(FileNames.sanitise("..")).isEqualTo("tep");
        assertThat(FileNames.sanitise(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitise("a<b>c\u0000d;rm -rf.png")).isEqualTo("a_b_c_d_rm -rf.png");
        assertThat(FileNames.sanitise(null)).isEqualTo("tep");
        assertThat(FileNames.sanitise("x".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
    }
}
