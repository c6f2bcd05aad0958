package vn.loa.report.document;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Renders a docx to PDF with LibreOffice headless ({@code soffice --headless --convert-to pdf}) when {@code soffice}
 * is on the PATH (or {@code loa.report.soffice} names it). Without it, PDF is unavailable and the API says so.
 */
@Component
public class PdfRenderer {

    /** No renderer on this server. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    private final String configured;

    public PdfRenderer(PdfSettings settings) {
        this.configured = settings.soffice();
    }

    /** The soffice executable, or null. */
    public Path soffice() {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public byte[] render(byte[] docx) {
        Path soffice = soffice();
        if (soffice == null) {
            throw new Unavailable("Máy chủ này chưa cài đặt LibreOffice nên chưa xuất được báo cáo dạng PDF."
                    + " Vui lòng tải bản Word (.docx) hoặc Excel (.xlsx).");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("loa-report-");
            Path in = dir.resolve("bao-cao.docx");
            Files.write(in, docx);
            Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                    "-env:UserInstallation=file://" + dir.resolve("profile"), "--convert-to", "pdf", "--outdir",
                    dir.toString(), in.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Unavailable("Chuyển đổi PDF quá thời gian cho phép. Vui lòng thử lại sau.");
            }
            Path pdf = dir.resolve("bao-cao.pdf");
            if (!Files.exists(pdf)) {
                throw new Unavailable("LibreOffice không chuyển được báo cáo sang PDF. Vui lòng tải bản Word (.docx).");
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new Unavailable("Không chuyển được báo cáo sang PDF: lỗi đọc ghi tệp tạm trên máy chủ.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Chuyển đổi PDF bị gián đoạn.");
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temp dir left behind is harmless
                }
            }
        }
    }
}
