package vn.loa.plan.plan.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Calendar values are stored as ISO strings ("2025-08-01", "2025-08"), as in the events: a date stays the same date
 * whatever the time zone of the JVM that reads it, and a month needs no mapping at all.
 */
@Configuration(proxyBeanMethods = false)
class MongoConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new DateToString(), new StringToDate(), new MonthToString(),
                new StringToMonth()));
    }

    @WritingConverter
    static final class DateToString implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToDate implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }

    @WritingConverter
    static final class MonthToString implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class StringToMonth implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String source) {
            return YearMonth.parse(source);
        }
    }
}
