package vn.loa.report.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import vn.loa.report.document.PdfSettings;

/** report-service's settings: the defaults, and a look that never comes refused at start. */
class DemoReviewSettingsTest {

    @Configuration
    @EnableConfigurationProperties({DemoReviewSettings.class, PdfSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void everyFifteenSecondsForTwentyMinutesAndLibreOfficeOnThePathByDefault() {
        context.run(c -> {
            assertThat(c.getBean(DemoReviewSettings.class))
                    .isEqualTo(new DemoReviewSettings(Duration.ofSeconds(15), Duration.ofMinutes(20)));
            assertThat(c.getBean(PdfSettings.class)).isEqualTo(PdfSettings.ON_THE_PATH);
        });
        context.withPropertyValues("loa.report.soffice=/opt/libreoffice/program/soffice")
                .run(c -> assertThat(c.getBean(PdfSettings.class).soffice())
                        .isEqualTo("/opt/libreoffice/program/soffice"));
    }

    @Test
    void noPauseOrGivingUpBeforeTheFirstLookStopsTheStart() {
        context.withPropertyValues("loa.demo.reviews.every=0s").run(c -> assertThat(c).hasFailed());
        context.withPropertyValues("loa.demo.reviews.every=PT1M", "loa.demo.reviews.give-up-after=PT30S")
                .run(c -> assertThat(c).hasFailed());
    }
}
