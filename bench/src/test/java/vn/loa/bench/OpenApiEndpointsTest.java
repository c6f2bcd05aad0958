package vn.loa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An OpenAPI document becomes requests: ids of the commune in the path, a body from the schema, the query names. */
class OpenApiEndpointsTest {

    private static final String DOCUMENT = """
            {"paths": {
               "/api/plans/{id}/tasks/{taskId}": {
                 "put": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}}}},
                 "get": {"parameters": [{"name": "id", "in": "path"}, {"name": "view", "in": "query"}]}},
               "/api/reports/{period}/notes": {"put": {"requestBody": {"content": {"application/json":
                 {"schema": {"type": "object", "properties": {"highlights": {"type": "string"}}}}}}}},
               "/api/contents/{id}/attachments": {"post": {"requestBody": {"content": {"multipart/form-data": {}}}}},
               "/api/dashboard/stream": {"get": {"responses": {"200": {"content": {"text/event-stream": {}}}}}}},
             "components": {"schemas": {"Task": {"type": "object", "properties": {
               "title": {"type": "string"}, "due": {"type": "string", "format": "date"},
               "quota": {"$ref": "#/components/schemas/Quota"}, "channels": {"type": "array", "items": {"type": "string"}},
               "per": {"type": "string", "enum": ["MONTH", "QUARTER"]}}},
               "Quota": {"type": "object", "properties": {"count": {"type": "integer"}}}}}}
            """;

    @Test
    void operationsAreFilledFromTheDocument() {
        OpenApiEndpoints endpoints = new OpenApiEndpoints(upTo -> upTo.endsWith("/api/plans/{id}") ? "plan-1"
                : upTo.endsWith("{taskId}") ? "task-1" : null);
        List<OpenApiEndpoints.Operation> ops = endpoints.operations("plan-service",
                JsonMapper.builder().build().readTree(DOCUMENT));

        assertThat(ops).extracting(OpenApiEndpoints.Operation::method, OpenApiEndpoints.Operation::path)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("PUT", "/api/plans/plan-1/tasks/task-1"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/api/plans/plan-1/tasks/task-1"),
                        org.assertj.core.groups.Tuple.tuple("PUT", "/api/reports/2025-Q3/notes"));
        OpenApiEndpoints.Operation put = ops.stream().filter(o -> o.method().equals("PUT")
                && o.path().startsWith("/api/plans")).findFirst().orElseThrow();
        assertThat(put.body()).containsEntry("title", "Thử nghiệm").containsEntry("due", "2025-10-15")
                .containsEntry("quota", Map.of("count", 1)).containsEntry("channels", List.of("Thử nghiệm"))
                .containsEntry("per", "MONTH");
        assertThat(put.namesCommuneData()).isTrue();
        OpenApiEndpoints.Operation get = ops.stream().filter(o -> o.method().equals("GET")).findFirst().orElseThrow();
        assertThat(get.body()).isNull();
        assertThat(get.queryParameters()).containsExactly("view");
        OpenApiEndpoints.Operation notes = ops.stream().filter(o -> o.path().startsWith("/api/reports"))
                .findFirst().orElseThrow();
        assertThat(notes.namesCommuneData()).as("a period is no commune's id").isFalse();
        assertThat(notes.body()).containsEntry("highlights", "Thử nghiệm");
    }
}
