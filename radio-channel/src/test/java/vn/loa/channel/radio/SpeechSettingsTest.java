package vn.loa.channel.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.loa.channel.radio.speech.SpeechSettings;
import vn.loa.testsupport.Settings;

/** How a bulletin is read out: the defaults, and a pace eSpeak NG does not take refused at start. */
class SpeechSettingsTest {

    @Test
    void withNothingSetTheAppRunsWithItsDefaults() {
        assertThat(Settings.bind(SpeechSettings.class))
                .isEqualTo(new SpeechSettings("espeak-ng", "lame", "vi", 150, Duration.ofMinutes(2)));
        assertThat(Settings.bind(SpeechSettings.class, "loa.radio.words-per-minute=180").wordsPerMinute())
                .isEqualTo(180);
    }

    @Test
    void aPaceOutsideEspeaksRangeOrABlankProgramStopsTheStart() {
        Settings.assertRefused(SpeechSettings.class, "loa.radio.words-per-minute=20");
        Settings.assertRefused(SpeechSettings.class, "loa.radio.espeak= ");
    }
}
