package vn.loa.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.contracts.EventType;

/** Validates event data against the published JSON Schema of its type (the contracts' {@code /schemas}). */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<EventType, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema violations of {@code data} as the event type named by {@code ceType}; empty when valid. */
    public static List<String> violations(String ceType, byte[] data) {
        EventType type = EventType.ofType(ceType)
                .orElseThrow(() -> new AssertionError("unknown event type " + ceType));
        Schema schema = SCHEMAS.computeIfAbsent(type, EventSchemas::load);
        return schema.validate(JSON.readTree(data)).stream().map(Error::toString).toList();
    }

    private static Schema load(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new AssertionError("no schema " + type.schemaResource());
            }
            JsonNode node = JSON.readTree(in);
            return REGISTRY.getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
