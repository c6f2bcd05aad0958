package vn.loa.content.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;
import vn.loa.platform.file.FileType;
import vn.loa.platform.problem.InvalidInput;

/** An upload is checked for size, for type by content, and for a name that agrees with that type. */
class UploadsTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    final Uploads uploads = new Uploads(new AttachmentLimits(DataSize.ofBytes(64)));

    @Test
    void aRealJpegPassesWithItsSafeNameAndMediaType() {
        Uploads.Checked checked = uploads.check(new MockMultipartFile("file", "../ảnh/hội nghị.jpg",
                "application/octet-stream", JPEG));
        assertThat(checked.fileName()).isEqualTo("hội nghị.jpg");
        assertThat(checked.type()).isEqualTo(FileType.JPEG);
        assertThat(checked.data()).isEqualTo(JPEG);
        assertThat(uploads.check(new MockMultipartFile("file", "anh", "image/png", PNG)).fileName())
                .isEqualTo("anh.png");
    }

    @Test
    void anExecutableNamedJpgIsRefusedInVietnamese() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThatThrownBy(() -> uploads.check(new MockMultipartFile("file", "anh.jpg", "image/jpeg", exe)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("không thuộc loại được chấp nhận")
                .hasMessageContaining("kiểm tra theo nội dung tệp");
    }

    @Test
    void aPngNamedJpgIsRefusedBecauseNameAndContentDisagree() {
        assertThatThrownBy(() -> uploads.check(new MockMultipartFile("file", "anh.jpg", "image/jpeg", PNG)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("có đuôi .jpg nhưng nội dung là image/png");
    }

    @Test
    void aFileOverTheLimitOrEmptyIsRefused() {
        byte[] big = new byte[65];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertThatThrownBy(() -> uploads.check(new MockMultipartFile("file", "anh.jpg", "image/jpeg", big)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("vượt quá dung lượng");
        assertThatThrownBy(() -> uploads.check(new MockMultipartFile("file", "anh.jpg", "image/jpeg", new byte[0])))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("Vui lòng chọn tệp");
    }
}
