package vn.loa.bench.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.client.GatewayClient.Reply;

/**
 * Database operations per publication: every service's MongoDB driver counts its commands (Micrometer's
 * {@code mongodb.driver.commands}, on {@code /actuator/prometheus}); the benchmark reads the counts before and after a
 * phase and divides the difference by the publications of that phase. Includes whatever else ran meanwhile (the
 * relay's sweeps, the scheduler, dashboards read by the benchmark's observers): an upper bound, per service.
 */
final class DatabaseOperations {

    private static final Pattern COUNT = Pattern.compile(
            "^mongodb_driver_commands_seconds_count\\{[^}]*command=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);

    private final Http http;
    private final Map<String, String> services;

    DatabaseOperations(Http http, StackEndpoints stack) {
        this.http = http;
        this.services = stack.services();
    }

    /** The commands each service has sent so far (createIndexes and the health check's ping left out). */
    Map<String, Double> read() {
        Map<String, Double> counts = new LinkedHashMap<>();
        services.forEach((service, base) -> {
            Reply reply = http.get(base + "/actuator/prometheus", new Http.As(null, null, null, null));
            double n = 0;
            if (reply.ok()) {
                Matcher m = COUNT.matcher(reply.body());
                while (m.find()) {
                    if (!m.group(1).equals("createIndexes") && !m.group(1).equals("ping")) {
                        n += Double.parseDouble(m.group(2));
                    }
                }
            }
            counts.put(service, n);
        });
        return counts;
    }

    /** Per service and in all: (after − before) / publications, one decimal. */
    static Map<String, Object> perPublication(Map<String, Double> before, Map<String, Double> after,
            int publications) {
        Map<String, Object> out = new LinkedHashMap<>();
        double total = 0;
        for (String service : after.keySet()) {
            double d = after.get(service) - before.getOrDefault(service, 0.0);
            total += d;
            out.put(service, Math.round(d / Math.max(1, publications) * 10) / 10.0);
        }
        out.put("total", Math.round(total / Math.max(1, publications) * 10) / 10.0);
        out.put("publications", publications);
        return out;
    }
}
