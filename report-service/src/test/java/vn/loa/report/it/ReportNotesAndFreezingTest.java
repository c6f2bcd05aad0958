package vn.loa.report.it;

import vn.loa.platform.time.VnTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/**
 * The signature block and addressing of a report — from the plan, edited per report through the notes — and the
 * freezing of its documents when the province accepts it.
 */
class ReportNotesAndFreezingTest extends IntegrationTest {

    private static final String Q3 = "/api/reports/2025-Q3";

    private final TestBroker broker = new TestBroker();
    private String commune;
    private String prefix;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void data() {
        commune = freshCommune();
        prefix = "frz-" + commune;
        Samples.stream(commune, prefix).forEach(broker::send);
        eventually().until(() -> get(Q3, commune, "EDITOR").json(),
                j -> j.path("totals").path("publications").asInt() == 2
                        && j.path("totals").path("activities").asInt() == 1 && j.path("tasks").size() == 2
                        && j.path("tasks").get(1).path("achieved").asInt() == 0);
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void theReportIsSignedLikeThePlanAndEachReportCanChangeItsSignerAndAddressing() throws Exception {
        String kind = kindOf(commune);
        JsonNode notes = get(Q3 + "/notes", commune, "EDITOR").json();
        assertThat(notes.path("readOnly").asBoolean()).isFalse();
        JsonNode effective = notes.path("effective");
        assertThat(effective.path("signature").path("authority").asString()).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(effective.path("signature").path("delegation").asString()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(effective.path("signature").path("title").asString()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(effective.path("signature").path("name").asString()).isEqualTo("Phạm Thị Xuân");
        assertThat(strings(effective.path("addressees"))).containsExactly("Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(strings(effective.path("recipients"))).containsExactly("Như trên", "Sở Nội vụ thành phố Hải Phòng",
                "Thường trực Đảng ủy, HĐND " + kind, "Chủ tịch, các PCT UBND " + kind, "Lưu: VT, VHXH");

        // the Chairman signs this one himself, and it goes to two addressees
        Answer written = put(Q3 + "/notes", commune, "LEADER", """
                {"signer": "Trần Văn Bình", "signerDelegation": "", "signerTitle": "CHỦ TỊCH",
                 "addressees": ["Ủy ban nhân dân thành phố Hải Phòng", "- Sở Nội vụ thành phố Hải Phòng;"],
                 "recipients": ["Như trên", "Lưu: VT, VP"]}""");
        assertThat(written.status()).isEqualTo(200);
        JsonNode signature = written.json().path("effective").path("signature");
        assertThat(signature.path("delegation").isNull()).isTrue();
        assertThat(signature.path("title").asString()).isEqualTo("CHỦ TỊCH");
        // a later save that does not mention the signer (the web form of before) keeps it
        assertThat(put(Q3 + "/notes", commune, "EDITOR", "{\"highlights\": \"Đăng tin đều đặn.\", \"number\": \"15\"}")
                .status()).isEqualTo(200);
        JsonNode kept = get(Q3 + "/notes", commune, "EDITOR").json();
        assertThat(kept.path("signerTitle").asString()).isEqualTo("CHỦ TỊCH");
        assertThat(kept.path("signer").asString()).isEqualTo("Trần Văn Bình");
        assertThat(kept.path("highlights").asString()).isEqualTo("Đăng tin đều đặn.");

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                get(Q3 + "?format=docx", commune, "EDITOR").body()))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence("Kính gửi:", "- Ủy ban nhân dân thành phố Hải Phòng;",
                    "- Sở Nội vụ thành phố Hải Phòng.");
            var cells = doc.getTables().getLast().getRow(0);
            assertThat(cells.getCell(0).getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("Nơi nhận:", "- Như trên;", "- Lưu: VT, VP.");
            List<String> lines = new ArrayList<>();
            cells.getCell(1).getParagraphs().forEach(p -> lines.add(plain(p.getText())));
            assertThat(lines).containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "", "Trần Văn Bình");
            assertThat(plain(doc.getTables().getFirst().getRow(1).getCell(0).getText())).isEqualTo("Số: 15/BC-UBND");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                get(Q3 + "?format=xlsx", commune, "EDITOR").body()))) {
            List<String> labels = new ArrayList<>();
            wb.getSheet("Tổng hợp").forEach(r -> labels.add(r.getCell(0).getStringCellValue() + "="
                    + r.getCell(1).toString()));
            assertThat(labels).contains("Người ký=TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Trần Văn Bình");
        }
    }

    @Test
    void notesAreCheckedAndKeptToTheirCommune() {
        Answer tooLong = put(Q3 + "/notes", commune, "EDITOR", "{\"signerTitle\": \"" + "PHÓ CHỦ TỊCH ".repeat(10)
                + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("signerTitle");
        assertThat(tooLong.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Chức vụ người ký dài tối đa 100 ký tự.");
        Answer notAList = put(Q3 + "/notes", commune, "EDITOR", "{\"recipients\": {\"a\": 1}}");
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.json().path("detail").asString()).contains("“Nơi nhận” là danh sách");
        Answer tooMany = put(Q3 + "/notes", commune, "EDITOR",
                "{\"addressees\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Phần “Kính gửi” ghi tối đa 10 nơi.");
        assertThat(get(Q3 + "/notes", commune, "EDITOR").json().path("signerTitle").isNull()).isTrue();

        assertThat(put(Q3 + "/notes", commune, "EDITOR", "{\"signer\": \"Lê Văn Cường\"}").status()).isEqualTo(200);
        String neighbour = freshCommune();
        assertThat(get(Q3 + "/notes?commune=" + commune, neighbour, "LEADER").status()).isEqualTo(404);
        assertThat(get(Q3 + "/notes?commune=" + commune, Samples.HA_NOI, "VIEWER").status()).isEqualTo(404);
        JsonNode reviewed = get(Q3 + "/notes?commune=" + commune, Samples.HAI_PHONG, "VIEWER").json();
        assertThat(reviewed.path("effective").path("signature").path("name").asString()).isEqualTo("Lê Văn Cường");
        // a reviewer does not write a commune's report, and a neighbour's notes are its own
        assertThat(put(Q3 + "/notes", Samples.HAI_PHONG, "VIEWER", "{\"signer\": \"X\"}").status()).isEqualTo(404);
        assertThat(put(Q3 + "/notes", neighbour, "LEADER", "{\"signer\": \"Người khác\"}").status()).isEqualTo(200);
        assertThat(get(Q3 + "/notes", commune, "EDITOR").json().path("signer").asString()).isEqualTo("Lê Văn Cường");
    }

    @Test
    void acceptanceFreezesTheDocumentsAndTheNotes() throws Exception {
        assertThat(put(Q3 + "/notes", commune, "EDITOR", "{\"signer\": \"Nguyễn Văn An\", \"number\": \"21\"}")
                .status()).isEqualTo(200);
        assertThat(post(Q3 + "/submit", commune, "LEADER", null).status()).isEqualTo(200);
        JsonNode accepted = post(Q3 + "/accept?commune=" + commune, Samples.HAI_PHONG, "VIEWER", null).json();
        assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("frozenAt").isNull()).isFalse();

        byte[] docx = get(Q3 + "?format=docx", commune, "EDITOR").body();
        byte[] xlsx = get(Q3 + "?format=xlsx", commune, "EDITOR").body();
        JsonNode json = get(Q3, commune, "EDITOR").json();
        assertThat(json.path("frozenAt").isNull()).isFalse();
        assertThat(json.path("submissionState").asString()).isEqualTo("ACCEPTED");
        assertThat(json.path("totals").path("publications").asInt()).isEqualTo(2);
        // stored in the commune's submission document, as served
        Document stored = mongo.getCollection("submissions").find(new Document("_id", commune + "|2025-Q3")).first();
        assertThat(stored.getString("commune")).isEqualTo(commune);
        Document frozen = stored.get("frozen", Document.class);
        assertThat(frozen.get("docx", Binary.class).getData()).isEqualTo(docx);
        assertThat(frozen.get("xlsx", Binary.class).getData()).isEqualTo(xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> summary = new ArrayList<>();
            wb.getSheet("Tổng hợp").forEach(r -> summary.add(r.getCell(1).toString()));
            assertThat(summary).contains("Đã tiếp nhận");
        }

        // a publication in the window arrives after acceptance: the dashboard moves, the accepted report does not
        broker.send(Samples.published(commune, prefix + "-late", "news", "portal", "2025-09-05T02:00:00Z"));
        eventually().until(() -> get("/api/dashboard", commune, "EDITOR").json()
                .path("publications").path("total").asInt() == 3);
        assertThat(get(Q3 + "?format=docx", commune, "EDITOR").body()).isEqualTo(docx);
        assertThat(get(Q3 + "?format=xlsx", commune, "EDITOR").body()).isEqualTo(xlsx);
        assertThat(get(Q3 + "?format=docx&commune=" + commune, Samples.HAI_PHONG, "VIEWER").body()).isEqualTo(docx);
        assertThat(get(Q3, commune, "EDITOR").json().path("totals").path("publications").asInt()).isEqualTo(2);
        // so does the province's aggregate
        JsonNode province = get(Q3 + "/province?format=json", Samples.HAI_PHONG, "VIEWER").json();
        JsonNode row = province.valueStream().filter(r -> r.path("commune").path("code").asString().equals(commune))
                .findFirst().orElseThrow();
        assertThat(row.path("totals").path("publications").asInt()).isEqualTo(2);
        // … while a report not accepted counts it (September's window: item2 on the portal and the late one)
        assertThat(get("/api/reports/2025-M09", commune, "EDITOR").json().path("totals").path("publications").asInt())
                .isEqualTo(2);

        // the notes are read-only now: 409 in Vietnamese, and nothing changes
        Answer refused = put(Q3 + "/notes", commune, "LEADER", "{\"signer\": \"Người khác\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String today = VnTime.display(VnTime.dayOf(java.time.Instant.now()));
        assertThat(refused.json().path("detail").asString()).isEqualTo("Báo cáo quý III năm 2025 đã được tỉnh tiếp"
                + " nhận ngày " + today + " nên không thể sửa nữa; bản Word, Excel được giữ nguyên như lúc tiếp nhận.");
        assertThat(refused.json().path("status").asInt()).isEqualTo(409);
        JsonNode notes = get(Q3 + "/notes", commune, "EDITOR").json();
        assertThat(notes.path("readOnly").asBoolean()).isTrue();
        assertThat(notes.path("signer").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(notes.path("effective").path("signature").path("name").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(get(Q3 + "?format=docx", commune, "EDITOR").body()).isEqualTo(docx);
        // and the report cannot be moved again
        assertThat(post(Q3 + "/accept?commune=" + commune, Samples.HAI_PHONG, "VIEWER", null).status()).isEqualTo(409);
        assertThat(post(Q3 + "/submit", commune, "LEADER", null).status()).isEqualTo(409);

        // the frozen report stays its commune's: others do not find it
        assertThat(get(Q3 + "?format=docx&commune=" + commune, freshCommune(), "LEADER").status()).isEqualTo(404);
        assertThat(get(Q3 + "?format=docx&commune=" + commune, Samples.HA_NOI, "VIEWER").status()).isEqualTo(404);
        assertThat(get(Q3 + "/notes?commune=" + commune, Samples.HA_NOI, "VIEWER").status()).isEqualTo(404);
    }

    private static String kindOf(String code) {
        String name = CommuneDirectory.instance().commune(code).orElseThrow().name();
        return name.startsWith("Phường") ? "phường" : name.startsWith("Đặc khu") ? "đặc khu" : "xã";
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String plain(String text) {
        return text.replace('\u00A0', ' ');
    }
}
