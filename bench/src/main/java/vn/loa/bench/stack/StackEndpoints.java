package vn.loa.bench.stack;

import java.nio.file.Path;

/** Where the running embedded stack (`./loa up`) answers; the same ports as the `loa` script. */
record StackEndpoints(String gateway, String keycloak, String plan, String task, String content, String report,
        String kafka, String mongo, Path data) {

    static StackEndpoints local() {
        String data = System.getenv().getOrDefault("LOA_DATA", "data");
        return new StackEndpoints("http://127.0.0.1:8080", "http://127.0.0.1:18180/auth", "http://127.0.0.1:8081",
                "http://127.0.0.1:8082", "http://127.0.0.1:8083", "http://127.0.0.1:8084", "127.0.0.1:19092",
                "mongodb://127.0.0.1:27027", Path.of(data).toAbsolutePath());
    }

    /** Every service that keeps data, by name (the channels on the ports of `./loa up`). */
    java.util.Map<String, String> services() {
        return java.util.Map.of("plan-service", plan, "task-service", task, "content-service", content,
                "report-service", report, "portal-channel", "http://127.0.0.1:8085",
                "radio-channel", "http://127.0.0.1:8086", "manual-channel", "http://127.0.0.1:8087");
    }
}
