package vn.loa.gateway.export.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.gateway.export.ExportProperties;

/**
 * Puts the parts the services answered into one archive: each part's entries under its own folder, a
 * {@code manifest.json} (the commune, when, and each part's counts from its {@code summary.json}) and a
 * {@code DOC-TOI.txt} that tells a person, in Vietnamese, what the archive holds.
 */
final class CommuneArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Vietnam time: the gateway does not carry the platform library, whose VnTime says the same. */
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One service's answer, saved to a file. */
    record Fetched(ExportProperties.Part part, Path file) {
    }

    private CommuneArchive() {
    }

    static void write(String commune, List<Fetched> parts, ZonedDateTime at, OutputStream target) throws IOException {
        List<Map<String, Object>> manifestParts = new ArrayList<>();
        String name = null;
        try (ZipOutputStream out = new ZipOutputStream(target)) {
            for (Fetched fetched : parts) {
                String folder = fetched.part().name();
                JsonNode summary = null;
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(fetched.file()))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        String entryName = entry.getName();
                        if (entryName.startsWith("/") || entryName.contains("..") || entryName.contains("\\")) {
                            throw new IOException("unsafe entry " + entryName + " in the part of " + folder);
                        }
                        byte[] bytes = in.readAllBytes();
                        if (entryName.equals("summary.json")) {
                            summary = JSON.readTree(bytes);
                        }
                        out.putNextEntry(new ZipEntry(folder + "/" + entryName));
                        out.write(bytes);
                        out.closeEntry();
                    }
                }
                if (summary == null) {
                    throw new IOException("the part of " + folder + " has no summary.json");
                }
                if (name == null && summary.hasNonNull("name")) {
                    name = summary.get("name").asString();
                }
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("folder", folder);
                described.put("label", fetched.part().label());
                described.put("documents", summary.get("documents"));
                described.put("files", summary.get("files"));
                manifestParts.add(described);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("commune", commune);
            manifest.put("name", name);
            manifest.put("exportedAt", at.withZoneSameInstant(VN).toOffsetDateTime().toString());
            manifest.put("parts", manifestParts);
            entry(out, "manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            entry(out, "DOC-TOI.txt", readme(commune, name, at, parts).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String readme(String commune, String name, ZonedDateTime at, List<Fetched> parts) {
        StringBuilder text = new StringBuilder();
        text.append("DỮ LIỆU CỦA ").append(name == null ? "XÃ, PHƯỜNG " + commune : name.toUpperCase(java.util.Locale.ROOT))
                .append(" (mã ").append(commune).append(") TRÊN LOA\r\n");
        text.append("Xuất lúc ").append(WHEN.format(at.withZoneSameInstant(VN))).append(" (giờ Việt Nam).\r\n\r\n");
        text.append("Mỗi thư mục là phần dữ liệu do một dịch vụ của Loa lưu giữ:\r\n");
        for (Fetched fetched : parts) {
            text.append("  - ").append(fetched.part().name()).append("/: ").append(fetched.part().label())
                    .append("\r\n");
        }
        text.append("\r\nTrong mỗi thư mục: <tên bộ sưu tập>.ndjson chứa mỗi bản ghi trên một dòng (JSON mở rộng của ")
                .append("MongoDB); thư mục files/ chứa các tệp (ảnh, tệp Word, Excel, âm thanh), được bản ghi chỉ tới ")
                .append("bằng \"$file\"; summary.json đếm số bản ghi và số tệp. manifest.json tóm tắt toàn bộ.\r\n");
        return text.toString();
    }

    private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
