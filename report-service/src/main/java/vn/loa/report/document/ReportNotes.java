package vn.loa.report.document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The notes a commune wrote for a period's report (local state of report-service, not rebuilt from events). */
@Component
public class ReportNotes {

    static final String COLLECTION = "report_notes";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ReportNotes(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Notes of(String commune, String period) {
        Document d = mongo.getCollection(COLLECTION).find(Filters.eq("_id", commune + "|" + period)).first();
        return d == null ? Notes.EMPTY : read(d);
    }

    /** The notes of every commune listed for one period, in one query (none written: empty notes). */
    public Map<String, Notes> of(List<String> communes, String period) {
        Map<String, Notes> out = new HashMap<>();
        for (Document d : mongo.getCollection(COLLECTION).find(Filters.in("_id",
                communes.stream().map(c -> c + "|" + period).toList()))) {
            out.put(d.getString("commune"), read(d));
        }
        communes.forEach(c -> out.putIfAbsent(c, Notes.EMPTY));
        return out;
    }

    public Notes save(String commune, String period, Notes notes, String by) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", commune + "|" + period),
                write(notes).append("_id", commune + "|" + period).append("commune", commune).append("period", period)
                        .append("updatedBy", by).append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        return notes;
    }

    /** The notes as a BSON document (also kept inside a report frozen on acceptance). */
    static Document write(Notes notes) {
        return new Document("highlights", notes.highlights()).append("difficulties", notes.difficulties())
                .append("proposals", notes.proposals()).append("number", notes.number())
                .append("signer", notes.signer()).append("signerAuthority", notes.signerAuthority())
                .append("signerDelegation", notes.signerDelegation()).append("signerTitle", notes.signerTitle())
                .append("addressees", notes.addressees()).append("recipients", notes.recipients());
    }

    static Notes read(Document d) {
        return new Notes(d.getString("highlights"), d.getString("difficulties"), d.getString("proposals"),
                d.getString("number"), d.getString("signer"), d.getString("signerAuthority"),
                d.getString("signerDelegation"), d.getString("signerTitle"), d.getList("addressees", String.class),
                d.getList("recipients", String.class));
    }
}
