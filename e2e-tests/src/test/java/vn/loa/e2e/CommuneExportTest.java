package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20, "export a commune's data": Kim Thành's administrator downloads one archive from Quản trị that holds
 * what every service keeps of Kim Thành — its plan, tasks, items and activities, the read models, and the Word and
 * Excel files of its accepted report — and nothing of another commune. Who else may ask is the security matrix's
 * business (SecurityMatrixTest). Screenshots in target/screenshots/export.
 */
@DisplayName("Tải toàn bộ dữ liệu của một xã, phường thành một tệp nén")
class CommuneExportTest extends BrowserTest {

    static final String ADMIN = "kim-thanh.admin";
    static final List<String> PARTS = List.of("plan-service", "task-service", "content-service", "report-service",
            "portal-channel", "radio-channel", "manual-channel", "notification-service");
    static final List<String> TENANT_FIELDS = List.of("tenantId", "tenant", "commune");

    @Test
    @DisplayName("quản trị xã tải tệp nén: đủ các phần, đúng số liệu của xã, không có dữ liệu xã khác")
    void theAdministratorDownloadsEverythingOfItsCommuneAndNothingElse() throws Exception {
        Map<String, byte[]> archive = unzip(exportAs(ADMIN));

        for (String part : PARTS) {
            assertThat(archive).as("every service's part").containsKey(part + "/summary.json");
        }
        assertThat(archive).containsKeys("manifest.json", "DOC-TOI.txt");
        JsonNode manifest = Api.JSON.readTree(archive.get("manifest.json"));
        assertThat(manifest.path("commune").asString()).isEqualTo(Stack.KIM_THANH);
        assertThat(manifest.path("name").asString()).isEqualTo("Xã Kim Thành");
        assertThat(new String(archive.get("DOC-TOI.txt"), StandardCharsets.UTF_8))
                .startsWith("DỮ LIỆU CỦA XÃ KIM THÀNH (mã 10804) TRÊN LOA");

        // what the API shows of Kim Thành is in the archive: every plan, every item, every activity
        String plans = text(archive, "plan-service/plans.ndjson");
        Api.get(ADMIN, "/api/plans").json().forEach(p -> assertThat(plans).contains(p.path("id").asString()));
        String contents = text(archive, "content-service/contents.ndjson");
        JsonNode items = Api.get(ADMIN, "/api/contents?size=100").json().path("items");
        assertThat(items.size()).isPositive();
        items.forEach(i -> assertThat(contents).contains(i.path("id").asString()));
        assertThat(text(archive, "task-service/tasks.ndjson")).isNotBlank();
        assertThat(manifest.path("parts").findValues("folder").stream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(PARTS);

        // the accepted report of the demo, frozen at acceptance: its Word and Excel files, readable as such
        String docx = archive.keySet().stream()
                .filter(k -> k.startsWith("report-service/files/submissions/") && k.endsWith("/frozen.docx"))
                .findFirst().orElseThrow(() -> new AssertionError("no frozen report in " + archive.keySet()));
        assertThat(officeEntries(archive.get(docx))).contains("word/document.xml");
        assertThat(officeEntries(archive.get(docx.replace(".docx", ".xlsx")))).contains("xl/workbook.xml");

        // every record carries Kim Thành and only Kim Thành
        int lines = 0;
        for (Map.Entry<String, byte[]> e : archive.entrySet()) {
            if (!e.getKey().endsWith(".ndjson")) {
                continue;
            }
            for (String line : new String(e.getValue(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode record = Api.JSON.readTree(line);
                List<String> tenants = new ArrayList<>();
                TENANT_FIELDS.forEach(f -> {
                    if (record.path(f).isString()) {
                        tenants.add(record.path(f).asString());
                    }
                });
                if (record.path("metadata").path("tenantId").isString()) {
                    tenants.add(record.path("metadata").path("tenantId").asString());
                }
                assertThat(tenants).as("%s: %s", e.getKey(), line).isNotEmpty().containsOnly(Stack.KIM_THANH);
                assertThat(line).as("no event plumbing").doesNotContain("\"outbox\"");
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(20);

        // the same from the web app: Quản trị → the commune → «Tải toàn bộ dữ liệu (.zip)»
        inBrowser("export", "that-bai-failure", () -> {
            b.login(ADMIN);
            b.open("#/quan-tri/xa/" + Stack.KIM_THANH);
            b.find("commune-export-box");
            b.click("commune-export");
            b.waitText(testid("notice"), "Đã tải tệp loa-" + Stack.KIM_THANH + "-");
            Path zip = b.until("the .zip is saved", d -> b.completedDownload(n -> n.endsWith(".zip")));
            assertThat(zip.getFileName().toString()).matches("loa-10804-[0-9]{8}\\.zip");
            assertThat(unzip(Files.readAllBytes(zip))).containsKeys("manifest.json", "plan-service/plans.ndjson");
            b.screenshot("quan-tri-tai-du-lieu");
        });
    }

    private static byte[] exportAs(String user) throws IOException, InterruptedException {
        HttpRequest request = Api.GATEWAY.request("GET", "/api/admin/communes/" + Stack.KIM_THANH + "/export",
                Api.token(user), null, Map.of("Accept", "application/zip"), Duration.ofSeconds(60));
        HttpResponse<byte[]> response = Api.GATEWAY.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("export: %s", new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        return response.body();
    }

    private static String text(Map<String, byte[]> archive, String name) {
        assertThat(archive).containsKey(name);
        return new String(archive.get(name), StandardCharsets.UTF_8);
    }

    /** The parts of a Word or Excel file, read from its central directory as Office and LibreOffice read it. */
    private static List<String> officeEntries(byte[] file) throws IOException {
        Path temp = Files.write(Files.createTempFile("loa-export-", ".zip"), file);
        try (ZipFile zip = new ZipFile(temp.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
