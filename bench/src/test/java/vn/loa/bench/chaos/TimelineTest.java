package vn.loa.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-fault figures the fault suite reports: the lowest rate after a kill and when it is back. */
class TimelineTest {

    private static Timeline steady(int seconds, long perSecond) {
        Timeline t = new Timeline(Instant.now(), Duration.ofSeconds(seconds));
        for (int s = 0; s < seconds; s++) {
            t.add("answered", s, perSecond);
        }
        return t;
    }

    @Test
    void aRateThatNeverFallsBelowTheShareIsBackAtOnce() {
        Timeline t = steady(60, 10);
        t.add("answered", 31, -1); // 9/s for one second: above 80 %

        Timeline.Dip dip = t.dip("answered", 30, 50, 10, 0.8);

        assertThat(dip.backAfterSeconds()).isZero();
        assertThat(dip.lowest()).isCloseTo(29.0 / 3, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aStallIsMeasuredFromTheKillToTheEndOfTheFirstWindowBackAtTheShare() {
        Timeline t = steady(60, 10);
        for (int s = 30; s < 40; s++) {
            t.add("answered", s, -10); // nothing answered for 10 s after the kill at 30 s
        }

        Timeline.Dip dip = t.dip("answered", 30, 55, 10, 0.8);

        assertThat(dip.lowest()).isZero();
        // windows [38,41) = 10/3, [39,42) = 20/3, [40,43) = 10: the first at ≥ 8/s ends at 43 s, 13 s after the kill
        assertThat(dip.backAfterSeconds()).isEqualTo(13);
    }

    @Test
    void aRateStillDownAtTheNextFaultIsNotBack() {
        Timeline t = steady(60, 10);
        for (int s = 30; s < 60; s++) {
            t.add("answered", s, -8);
        }

        assertThat(t.dip("answered", 30, 50, 10, 0.8).backAfterSeconds()).isEqualTo(-1);
        assertThat(t.sum("answered", 0, 30)).isEqualTo(300);
        assertThat(t.rate("answered", 30, 40)).isEqualTo(2);
    }
}
