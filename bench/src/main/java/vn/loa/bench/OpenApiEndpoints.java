package vn.loa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every operation the services describe in their OpenAPI documents (read through the gateway,
 * {@code /v3/api-docs/<service>}), made into a request the fuzzer can send: each path placeholder filled with a real
 * id of the fuzzing commune (or a harmless value), a JSON body built from the operation's schema with a plausible
 * value per field, and the query parameters it declares. An endpoint a service adds is fuzzed without anyone listing
 * it; multipart uploads are left to the fuzzer's own upload cases, and streams (server-sent events) are left out.
 */
final class OpenApiEndpoints {

    /** One operation, ready to send: whether its path names the commune's own data, and its declared query names. */
    record Operation(String service, String method, String template, String path, Map<String, Object> body,
            List<String> queryParameters, boolean namesCommuneData) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final Function<String, String> idFor;

    /**
     * @param idFor the value of a placeholder, given the template up to and including it (e.g. {@code /api/plans/{id}}
     *              → a plan of the commune); null when the template names nothing of the commune
     */
    OpenApiEndpoints(Function<String, String> idFor) {
        this.idFor = idFor;
    }

    List<Operation> operations(String service, JsonNode document) {
        List<Operation> out = new ArrayList<>();
        JsonNode schemas = document.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String template = path.getKey();
            boolean communeData = false;
            StringBuilder filled = new StringBuilder();
            Matcher m = PLACEHOLDER.matcher(template);
            int last = 0;
            while (m.find()) {
                String upTo = template.substring(0, m.end());
                String id = idFor.apply(upTo);
                communeData |= id != null;
                filled.append(template, last, m.start()).append(id == null ? harmless(m.group(1)) : id);
                last = m.end();
            }
            filled.append(template.substring(last));
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("multipart/form-data") || streams(op.getValue())) {
                    continue;
                }
                Map<String, Object> body = null;
                JsonNode schema = content.path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    Object sample = sample(schema, schemas, 0);
                    body = sample instanceof Map<?, ?> map ? castMap(map) : new LinkedHashMap<>();
                }
                List<String> queries = new ArrayList<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asString())) {
                        queries.add(parameter.path("name").asString());
                    }
                }
                out.add(new Operation(service, method, template, filled.toString(), body, queries, communeData));
            }
        }
        return out;
    }

    /** An answer that never ends (server-sent events): nothing a request-and-answer fuzzer can wait for. */
    private static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String harmless(String name) {
        return switch (name) {
            case "period" -> "2025-Q3";
            case "channel" -> "portal";
            default -> "khong-co";
        };
    }

    /** A plausible value for a schema: its example or first enum value, else one by type; objects field by field. */
    private static Object sample(JsonNode schema, JsonNode schemas, int depth) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().replaceFirst("^#/components/schemas/", "");
            return depth > 4 ? Map.of() : sample(schemas.path(name), schemas, depth + 1);
        }
        if (schema.has("example")) {
            return schema.path("example");
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asString();
        }
        String type = schema.path("type").asString("object");
        String format = schema.path("format").asString("");
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> "2025-10-15";
                case "date-time" -> "2025-10-15T08:00:00Z";
                default -> "Thử nghiệm";
            };
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> depth > 4 ? List.of() : List.of(sample(schema.path("items"), schemas, depth + 1));
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth <= 4) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        object.put(p.getKey(), sample(p.getValue(), schemas, depth + 1));
                    }
                }
                yield object;
            }
        };
    }
}
