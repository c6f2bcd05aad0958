package vn.loa.report.reminder.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday (public holidays are not known here). */
final class WorkingDays {

    private WorkingDays() {
    }

    /** The working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    static int after(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                count++;
            }
        }
        return count;
    }
}
