package vn.loa.plan.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** Dates and months are stored as ISO strings and read back as the same values. */
class MongoConversionsTest {

    record Dated(LocalDate day, YearMonth month) {
    }

    @Test
    void datesAndMonthsAreStoredAsIsoStrings() {
        MongoCustomConversions conversions = new MongoConversions().mongoCustomConversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();

        Document stored = new Document();
        converter.write(new Dated(LocalDate.of(2025, 8, 1), YearMonth.of(2025, 12)), stored);
        assertThat(stored.get("day")).isEqualTo("2025-08-01");
        assertThat(stored.get("month")).isEqualTo("2025-12");
        assertThat(converter.read(Dated.class, stored))
                .isEqualTo(new Dated(LocalDate.of(2025, 8, 1), YearMonth.of(2025, 12)));
    }
}
