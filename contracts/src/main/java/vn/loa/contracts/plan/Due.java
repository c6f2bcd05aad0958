package vn.loa.contracts.plan;

import java.time.LocalDate;

/** A task's due date and the plan's own words for it ("Tháng 11/2026", "Chậm nhất 20 ngày kể từ …"). */
public record Due(LocalDate date, String text) {
}
