package vn.loa.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus scrapes every service on its own port, and the Grafana dashboard asks only for metrics that exist:
 * Loa's own meters as the platform names them, and the binder's, Boot's and Prometheus' standard ones.
 */
class ObservabilityConfigTest {

    @Test
    void prometheusScrapesEveryServiceOnItsPort() {
        Map<String, Object> config = Repo.yaml("deploy/prometheus/prometheus.yml");
        Map<String, Integer> scraped = new LinkedHashMap<>();
        List<Map<String, Object>> jobs = Compose.cast(config.get("scrape_configs"));
        for (Map<String, Object> job : jobs) {
            if (!"loa".equals(job.get("job_name"))) {
                continue;
            }
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<Map<String, Object>> discovery = Compose.cast(job.get("dns_sd_configs"));
            for (Map<String, Object> d : discovery) {
                List<String> names = Compose.cast(d.get("names"));
                names.forEach(n -> scraped.put(n, (Integer) d.get("port")));
            }
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String module : Repo.serviceModules()) {
            expected.put(module, defaultPort(module));
            assertThat(Repo.config(module).properties().get("management.endpoints.web.exposure.include"))
                    .as(module + " exposes prometheus").contains("prometheus");
        }
        assertThat(scraped).isEqualTo(expected);
    }

    @Test
    void theDashboardAsksOnlyForMetricsThatExist() {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Repo.read("deploy/grafana/dashboards/loa-overview.json"));
        Set<String> metrics = new TreeSet<>();
        Pattern name = Pattern.compile("\\b([a-z_]+_(?:total|seconds_bucket|seconds_count|offset|pending))\\b");
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asString())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        for (String expr : expressions) {
            Matcher m = name.matcher(expr);
            while (m.find()) {
                metrics.add(m.group(1));
            }
        }
        String platform = platformSources();
        for (String metric : metrics) {
            if (metric.startsWith("loa_")) {
                // loa_events_produced_total ← Counter "loa.events.produced"; loa_outbox_pending ← Gauge
                String meter = metric.replaceFirst("_total$", "").replace('_', '.');
                assertThat(platform).as(metric + " is registered by the platform as " + meter)
                        .contains("\"" + meter + "\"");
            } else {
                assertThat(metric).as("a standard metric")
                        .isIn("spring_cloud_stream_binder_kafka_offset", "http_server_requests_seconds_bucket",
                                "http_server_requests_seconds_count");
            }
        }
        assertThat(metrics).contains("loa_events_produced_total", "loa_events_consumed_total", "loa_outbox_pending",
                "spring_cloud_stream_binder_kafka_offset", "http_server_requests_seconds_bucket");
        // the event types the credits and failures panels count are real types of the contracts
        String types = Repo.read("contracts/src/main/java/vn/loa/contracts/EventType.java");
        Matcher type = Pattern.compile("type=\"vn\\.loa\\.([a-z]+)\\.([A-Za-z]+)\\.v1\"").matcher(
                String.join("\n", expressions));
        int found = 0;
        while (type.find()) {
            found++;
            assertThat(types).contains("(" + type.group(2) + ".class, \"" + type.group(1) + "\"");
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
    }

    private static String platformSources() {
        try (Stream<Path> files = Files.walk(Repo.ROOT.resolve("platform/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int defaultPort(String module) {
        String configured = Repo.config(module).properties().get("server.port");
        List<Repo.Placeholder> p = Repo.placeholders(configured, module);
        return Integer.parseInt(p.isEmpty() ? configured : p.get(0).defaultValue());
    }
}
