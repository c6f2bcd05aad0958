package vn.loa.plan.plan.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.ConverterBuilder;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Calendar values are stored as ISO strings ("2025-08-01", "2025-08"), as in the events: a date stays the same date
 * whatever the time zone of the JVM that reads it, and a month needs no mapping at all.
 */
@Configuration(proxyBeanMethods = false)
class MongoConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(
                ConverterBuilder.writing(LocalDate.class, String.class, LocalDate::toString)
                        .andReading(LocalDate::parse),
                ConverterBuilder.writing(YearMonth.class, String.class, YearMonth::toString)
                        .andReading(YearMonth::parse)));
    }
}
