package vn.loa.report.reminder.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.report.reminder.ReminderRun;

/**
 * Every morning, commune time ({@code loa.reminder.cron}, 07:00 Asia/Ho_Chi_Minh): a run over every commune. Every
 * instance runs it; the reminders' ids make the second run raise nothing.
 */
@Component
class MorningRun {

    private final ReminderRun run;

    MorningRun(ReminderRun run) {
        this.run = run;
    }

    @Scheduled(cron = "${loa.reminder.cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    void everyMorning() {
        run.run(null);
    }
}
