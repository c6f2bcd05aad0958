package vn.loa.report.submission;

import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import vn.loa.report.period.ReportPeriod;

/**
 * What acceptance needs from the report's documents: the report written as it stands when the province accepts it
 * (docx, xlsx and its figures, as one BSON document that {@link Submissions#accept} stores with the state change).
 * Implemented by the document feature, so that submission does not depend on it.
 */
public interface AcceptedReports {

    Document freeze(String commune, ReportPeriod period, LocalDate datedOn, Instant acceptedAt);
}
