package vn.loa.platform.export;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The collections a service leaves out of a commune's archive ({@code loa.export.skipped-collections}). */
@ConfigurationProperties("loa.export")
@Validated
public record ExportSettings(@DefaultValue List<String> skippedCollections) {

    public Set<String> skipped() {
        return Set.copyOf(skippedCollections);
    }
}
