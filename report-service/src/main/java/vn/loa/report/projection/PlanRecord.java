package vn.loa.report.projection;

import java.time.LocalDate;

/** A plan as the read model holds it; dates null while only a close or an amendment has arrived. */
public record PlanRecord(String planId, String tenant, String number, String title, LocalDate periodFrom,
        LocalDate periodTo, boolean closed) {
}
