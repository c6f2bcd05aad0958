package vn.loa.gateway.export;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The parts of a commune's archive: every service that keeps a commune's data, asked in this order for its part
 * ({@code GET /api/export/communes/{code}}, the platform's {@code TenantExportController}). A new service that keeps a
 * commune's data is one more entry here.
 *
 * @param parts   name (the folder in the archive), where the service answers, and what it keeps, in Vietnamese
 * @param timeout how long one part may take
 */
@ConfigurationProperties("loa.export")
public record ExportProperties(List<Part> parts, Duration timeout) {

    public ExportProperties {
        parts = parts == null ? List.of() : List.copyOf(parts);
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
    }

    public record Part(String name, URI url, String label) {
    }
}
