package vn.loa.report.document;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.report.submission.Submissions;

/**
 * The documents of a report the province accepted, frozen: the figures (as JSON) and the docx and xlsx written at
 * acceptance, kept in MongoDB inside the report's submission document ({@code submissions.frozen}, keyed by commune
 * and period like everything of a tenant) — written by the same single-document update that makes the report
 * ACCEPTED, so there is no accepted report without its documents nor documents of a report still open. From then on
 * the report is served from here, byte for byte, whatever events arrive later.
 */
@Component
public class ReportArchive {

    /** The formats kept. */
    public enum Format { DOCX, XLSX }

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Submissions submissions;

    public ReportArchive(Submissions submissions) {
        this.submissions = submissions;
    }

    /** The frozen figures of an accepted report; empty while the report is not accepted. */
    public Optional<ReportData> data(String commune, String period) {
        return submissions.frozen(commune, period, "data")
                .map(json -> JSON.readValue((String) json, ReportData.class));
    }

    /** The bytes of a frozen document, exactly as written at acceptance; empty while the report is not accepted. */
    public Optional<byte[]> file(String commune, String period, Format format) {
        return submissions.frozen(commune, period, format.name().toLowerCase(java.util.Locale.ROOT))
                .map(b -> ((Binary) b).getData());
    }

    /** What {@link Submissions#accept} stores: the figures, both documents and when they were frozen. */
    Document encode(ReportData data, byte[] docx, byte[] xlsx) {
        Instant at = data.frozenAt();
        return new Document("at", at == null ? null : Date.from(at))
                .append("data", JSON.writeValueAsString(data))
                .append("docx", new Binary(docx))
                .append("xlsx", new Binary(xlsx));
    }
}
