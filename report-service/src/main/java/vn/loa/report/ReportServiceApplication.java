package vn.loa.report;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.loa.report.period.ReportingWindows;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ReportServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportServiceApplication.class, args);
    }

    /**
     * The cut-off rule: day {@code loa.report.cut-off-day} (14, Decree 09/2019) unless a province sets its own under
     * {@code loa.report.province-cut-off-day.<code>}.
     */
    @Bean
    ReportingWindows reportingWindows(Environment environment) {
        Binder binder = Binder.get(environment);
        int day = binder.bind("loa.report.cut-off-day", Integer.class).orElse(ReportingWindows.DEFAULT_CUT_OFF_DAY);
        Map<String, Integer> provinces = binder.bind("loa.report.province-cut-off-day",
                Bindable.mapOf(String.class, Integer.class)).orElse(Map.of());
        return new ReportingWindows(day, provinces);
    }
}
