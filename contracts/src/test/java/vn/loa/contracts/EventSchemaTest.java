package vn.loa.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlanSigner;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;

/**
 * The JSON Schemas under {@code /schemas} are the published contract of every event: this test holds them and the
 * Java records together. Every type has a realistic sample that must validate and survive a trip through the
 * CloudEvents envelope; the schemas must name exactly the record components (so a field added or renamed in Java
 * without a schema change fails here) and must refuse what a consumer could not read.
 */
class EventSchemaTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Format assertions on: in 2020-12 {@code format} is only an annotation by default. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Instant SENT_AT = Instant.parse("2025-09-02T01:15:30.250Z");

    /**
     * The components that may be null, per record: the single source of truth against which the schemas'
     * {@code required} lists are checked. Every other component is required and must not be null.
     */
    private static final Map<Class<?>, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry(PlanIssued.class, Set.of("signer")),
            Map.entry(PlanSigner.class, Set.of("authority", "delegation", "title", "name")),
            Map.entry(PlanAmended.class, Set.of("reason")),
            Map.entry(PlannedTask.class, Set.of("quota", "due")),
            Map.entry(Quota.class, Set.of("from", "to")),
            Map.entry(Due.class, Set.of("date", "text")),
            Map.entry(TaskCredited.class, Set.of("channel")),
            Map.entry(TaskCreditWithdrawn.class, Set.of("withdrawnBy")),
            Map.entry(ContentPublished.class, Set.of("unit", "channel", "url", "visual")),
            Map.entry(ContentRetracted.class, Set.of("channel", "reason")),
            Map.entry(PublicationRequested.class, Set.of("summary")),
            Map.entry(PublicationSucceeded.class, Set.of("url", "externalId")),
            Map.entry(ReminderRaised.class, Set.of("dueOn")),
            Map.entry(PublicationEngaged.class, Set.of("itemId", "publicationId", "from")));

    /** The keywords these schemas may use; anything else is a typo the meta-schema would let through. */
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "$ref", "title", "description",
            "type", "required", "properties", "additionalProperties", "items", "uniqueItems", "anyOf", "enum",
            "minimum", "minLength", "pattern", "format");

    private static final Map<EventType, Schema> SCHEMAS = new EnumMap<>(EventType.class);
    private static final Map<EventType, JsonNode> SCHEMA_NODES = new EnumMap<>(EventType.class);

    // ---------------------------------------------------------------- samples

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasATypicalSample(EventType type) {
        LoaEvent sample = EventSamples.typical(type);

        assertThat(sample).as("sample of %s in EventSamples", type).isNotNull();
        assertThat(EventType.of(sample)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSamples")
    void sampleValidatesAgainstItsSchema(String name, LoaEvent event) {
        EventType type = EventType.of(event);

        assertThat(errors(type, tree(event))).isEmpty();
    }

    // ---------------------------------------------------------------- envelope round trip

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSamples")
    void sampleSurvivesTheCloudEventsEnvelope(String name, LoaEvent event) {
        EventType type = EventType.of(event);
        String service = producer(type);
        JsonNode data = tree(event);

        EventEnvelope sent = EventEnvelope.wrap(event, service, SENT_AT, CODEC);
        Map<String, String> headers = sent.headers();

        assertThat(headers).containsOnlyKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
                "ce_subject", "ce_tenantid", "content-type");
        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", type.type())
                .containsEntry("ce_source", "/loa/" + service)
                .containsEntry("ce_time", "2025-09-02T01:15:30.250Z")
                .containsEntry("ce_subject", event.subject())
                .containsEntry("ce_tenantid", type == EventType.CHANNEL_REGISTERED
                        ? Tenants.PLATFORM : data.get("tenantId").stringValue())
                .containsEntry("content-type", "application/json");
        String id = headers.get("ce_id");
        assertThat(UUID.fromString(id)).hasToString(id);
        if (event instanceof IdentifiedEvent) {
            assertThat(EventEnvelope.wrap(event, service, SENT_AT.plusSeconds(60), CODEC).id())
                    .as("the same fact, the same id").isEqualTo(id);
        } else {
            assertThat(EventEnvelope.wrap(event, service, SENT_AT, CODEC).id()).as("a new id per wrap")
                    .isNotEqualTo(id);
        }

        // on Kafka, header values are bytes
        Map<String, byte[]> kafkaHeaders = new LinkedHashMap<>();
        headers.forEach((k, v) -> kafkaHeaders.put(k, v.getBytes(StandardCharsets.UTF_8)));
        EventEnvelope received = EventEnvelope.fromHeaders(kafkaHeaders, sent.data().clone());

        assertThat(received.id()).isEqualTo(id);
        assertThat(received.source()).isEqualTo("/loa/" + service);
        assertThat(received.type()).isEqualTo(type.type());
        assertThat(received.time()).isEqualTo(SENT_AT);
        assertThat(received.subject()).isEqualTo(sent.subject());
        assertThat(received.tenantId()).isEqualTo(sent.tenantId());
        LoaEvent decoded = CODEC.decode(received);
        assertThat(decoded).isNotSameAs(event).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventGoesToItsTopic(EventType type) {
        String expected = switch (type) {
            case PLAN_ISSUED, PLAN_AMENDED, PLAN_CLOSED -> "plan.plan.events";
            case TASK_CREDITED, TASK_CREDIT_WITHDRAWN, TASK_PERIOD_CLOSED -> "task.task.events";
            case CONTENT_APPROVED, CONTENT_PUBLISHED, CONTENT_RETRACTED, CONTENT_SUBMITTED, CONTENT_REJECTED ->
                    "content.item.events";
            case PUBLICATION_REQUESTED -> "channel.portal.requests";
            case PUBLICATION_SUCCEEDED, PUBLICATION_FAILED -> "channel.publication.events";
            case CHANNEL_REGISTERED -> "channel.registry";
            case REMINDER_RAISED -> "notification.reminder.events";
            case NOTIFICATION_DELIVERED -> "notification.inbox.events";
            case PUBLICATION_ENGAGED -> "channel.engagement.events";
        };

        assertThat(type.topicFor(EventSamples.typical(type))).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- schemas match the records

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidDraft202012SchemaWithItsId(EventType type) {
        JsonNode node = schemaNode(type);
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

        assertThat(metaSchema.validate(node)).isEmpty();
        assertThat(node.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(node.path("$id").asString()).isEqualTo("https://loa.vn/schemas/" + type.type() + ".json");
        assertThat(node.path("title").asString()).startsWith(type.javaType().getSimpleName());
        assertThat(node.path("description").asString()).isNotBlank().doesNotContain("\n");
        assertThat(node.path("type").asString()).isEqualTo("object");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaUsesOnlyKnownKeywordsAndClosesEveryObject(EventType type) {
        List<String> problems = new ArrayList<>();
        walkSchema(schemaNode(type), "#", problems);

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecordComponents(EventType type) {
        JsonNode root = schemaNode(type);
        List<String> problems = new ArrayList<>();
        checkObjectSchema(type.javaType(), root, type.type(), problems);

        Set<String> nestedRecords = nestedRecords(type.javaType()).stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> defs = new LinkedHashSet<>(root.path("$defs").propertyNames());
        assertThat(defs).as("$defs of " + type.type()).containsExactlyInAnyOrderElementsOf(nestedRecords);
        for (Class<?> nested : nestedRecords(type.javaType())) {
            checkObjectSchema(nested, root.path("$defs").path(nested.getSimpleName()),
                    type.type() + "#/$defs/" + nested.getSimpleName(), problems);
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException, URISyntaxException {
        URL dir = EventSchemaTest.class.getResource("/schemas");
        assertThat(dir).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            assertThat(files.map(f -> "/schemas/" + f.getFileName()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values())
                            .map(EventType::schemaResource).toList());
        }
    }

    // ---------------------------------------------------------------- what the schemas refuse

    @ParameterizedTest
    @EnumSource(EventType.class)
    void extraFieldIsRejected(EventType type) {
        ObjectNode data = tree(EventSamples.typical(type));
        data.put("priority", "cao");

        assertThat(keywords(errors(type, data))).containsExactly("additionalProperties");
    }

    @Test
    void extraFieldInANestedObjectIsRejected() {
        ObjectNode plan = tree(EventSamples.typical(EventType.PLAN_ISSUED));
        ObjectNode task = (ObjectNode) plan.get("tasks").get(0);
        assertThat(errors(EventType.PLAN_ISSUED, plan)).isEmpty();

        ((ObjectNode) task.get("quota")).put("unit", "tin/bài");
        assertThat(keywords(errors(EventType.PLAN_ISSUED, plan))).contains("additionalProperties");

        ((ObjectNode) task.get("quota")).remove("unit");
        ((ObjectNode) task.get("due")).put("note", "gia hạn");
        assertThat(keywords(errors(EventType.PLAN_ISSUED, plan))).contains("additionalProperties");

        ObjectNode request = tree(EventSamples.typical(EventType.PUBLICATION_REQUESTED));
        ((ObjectNode) request.get("attachments").get(0)).put("checksum", "sha256:0f1e");
        assertThat(keywords(errors(EventType.PUBLICATION_REQUESTED, request))).contains("additionalProperties");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyNonNullableFieldIsRequiredAndNotNull(EventType type) {
        ObjectNode sample = tree(EventSamples.typical(type));
        Set<String> nullable = NULLABLE.getOrDefault(type.javaType(), Set.of());
        List<String> nonNullable = components(type.javaType()).stream().filter(c -> !nullable.contains(c)).toList();
        assertThat(nonNullable).isNotEmpty();

        for (String field : nonNullable) {
            ObjectNode missing = sample.deepCopy();
            missing.remove(field);
            assertThat(keywords(errors(type, missing))).as("without %s", field).containsExactly("required");

            ObjectNode nulled = sample.deepCopy();
            nulled.putNull(field);
            assertThat(errors(type, nulled)).as("%s = null", field).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void nullableFieldsAcceptNull(EventType type) {
        ObjectNode data = tree(EventSamples.typical(type));
        NULLABLE.getOrDefault(type.javaType(), Set.of()).forEach(data::putNull);

        assertThat(errors(type, data)).isEmpty();
    }

    @Test
    void missingTenantIsRejected() {
        ObjectNode data = tree(EventSamples.typical(EventType.CONTENT_PUBLISHED));
        data.remove("tenantId");

        List<Error> errors = errors(EventType.CONTENT_PUBLISHED, data);
        assertThat(keywords(errors)).containsExactly("required");
        assertThat(errors.getFirst().getProperty()).isEqualTo("tenantId");
    }

    @Test
    void negativeCountIsRejected() {
        TaskCredited valid = (TaskCredited) EventSamples.typical(EventType.TASK_CREDITED);
        TaskCredited negative = new TaskCredited(valid.tenantId(), valid.taskId(), valid.planId(), valid.creditId(),
                valid.itemId(), valid.kind(), valid.channel(), valid.publishedAt(), valid.period(), valid.basis(),
                -1, valid.periodTarget(), valid.totalCredited());

        List<Error> errors = errors(EventType.TASK_CREDITED, JSON.readTree(CODEC.encode(negative)));
        assertThat(keywords(errors)).containsExactly("minimum");
        assertThat(errors.getFirst().getInstanceLocation().toString()).contains("periodCredited");
    }

    @Test
    void quotaOfZeroItemsIsRejected() {
        ObjectNode plan = tree(EventSamples.typical(EventType.PLAN_ISSUED));
        ((ObjectNode) plan.get("tasks").get(0).get("quota")).put("count", 0);

        assertThat(keywords(errors(EventType.PLAN_ISSUED, plan))).contains("minimum");
    }

    /** {@code signer} was added to PlanIssued.v1 later: events already on the topic do not have it. */
    @Test
    void planIssuedWrittenBeforeTheSignerExistedIsStillValidAndReadable() {
        PlanIssued typical = (PlanIssued) EventSamples.typical(EventType.PLAN_ISSUED);
        assertThat(typical.signer()).isNotNull();
        ObjectNode old = tree(typical);
        old.remove("signer");
        assertThat(errors(EventType.PLAN_ISSUED, old)).isEmpty();

        EventEnvelope sent = EventEnvelope.wrap(typical, "plan-service", SENT_AT, CODEC);
        PlanIssued read = (PlanIssued) CODEC.decode(EventEnvelope.fromHeaders(sent.headers(),
                JSON.writeValueAsBytes(old)));

        assertThat(read.signer()).isNull();
        assertThat(read).isEqualTo(new PlanIssued(typical.tenantId(), typical.planId(), typical.version(),
                typical.number(), typical.title(), typical.periodFrom(), typical.periodTo(), typical.issuedOn(),
                typical.issuedAt(), typical.issuedBy(), typical.tasks()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1080", "108045", "xa-kim-thanh", "platform", "1O8O4"})
    void tenantMustBeACommuneCode(String tenant) {
        ObjectNode data = tree(EventSamples.typical(EventType.PLAN_ISSUED));
        data.put("tenantId", tenant);

        assertThat(keywords(errors(EventType.PLAN_ISSUED, data))).containsExactly("pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02/09/2025 08:15", "2025-09-02", "2025-09-02T08:15:00", "2025-13-02T01:15:00Z"})
    void instantMustBeAnRfc3339DateTime(String instant) {
        ObjectNode data = tree(EventSamples.typical(EventType.CONTENT_APPROVED));
        data.put("approvedAt", instant);

        assertThat(keywords(errors(EventType.CONTENT_APPROVED, data))).containsExactly("format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"01/08/2025", "2025-8-1", "2025-02-30"})
    void dateMustBeAnIsoDate(String date) {
        ObjectNode data = tree(EventSamples.typical(EventType.PLAN_ISSUED));
        data.put("periodFrom", date);

        assertThat(keywords(errors(EventType.PLAN_ISSUED, data))).containsExactly("format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-8", "2025-13", "08/2025", "2025-08-01"})
    void quotaMonthMustBeAYearMonth(String month) {
        ObjectNode plan = tree(EventSamples.typical(EventType.PLAN_ISSUED));
        ((ObjectNode) plan.get("tasks").get(0).get("quota")).put("from", month);

        assertThat(keywords(errors(EventType.PLAN_ISSUED, plan))).contains("pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-08", "2025-12", "2025-Q1", "2025-Q4", "2025-H1", "2025-H2", "2025", "PLAN"})
    void periodAcceptsMonthQuarterHalfYearYearAndPlan(String period) {
        ObjectNode data = tree(EventSamples.typical(EventType.TASK_PERIOD_CLOSED));
        data.put("period", period);

        assertThat(errors(EventType.TASK_PERIOD_CLOSED, data)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "2025-00", "2025-Q5", "2025-H3", "25-08", "2025-8", "plan", "Q3-2025", ""})
    void periodRejectsAnythingElse(String period) {
        ObjectNode data = tree(EventSamples.typical(EventType.TASK_PERIOD_CLOSED));
        data.put("period", period);

        assertThat(keywords(errors(EventType.TASK_PERIOD_CLOSED, data))).containsExactly("pattern");
    }

    @Test
    void enumsAcceptOnlyTheirJavaConstants() {
        ObjectNode credited = tree(EventSamples.typical(EventType.TASK_CREDITED));
        credited.put("basis", "GUESSED");
        ObjectNode closed = tree(EventSamples.typical(EventType.TASK_PERIOD_CLOSED));
        closed.put("outcome", "met");
        ObjectNode plan = tree(EventSamples.typical(EventType.PLAN_ISSUED));
        ((ObjectNode) plan.get("tasks").get(0).get("quota")).put("per", "WEEK");

        assertThat(keywords(errors(EventType.TASK_CREDITED, credited))).containsExactly("enum");
        assertThat(keywords(errors(EventType.TASK_PERIOD_CLOSED, closed))).containsExactly("enum");
        assertThat(keywords(errors(EventType.PLAN_ISSUED, plan))).contains("enum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"portal", "zalo-oa", "loa-truyen-thanh", "fb", "Portal", "zalo_oa", "zalo.oa", "1portal",
            "-portal", "p", "cổng", "abcdefghijabcdefghijabcdefghijabcdefghij",
            "abcdefghijabcdefghijabcdefghijabcdefghijk"})
    void schemaChannelIdsAgreeWithTopics(String channel) {
        ObjectNode data = tree(EventSamples.typical(EventType.PUBLICATION_REQUESTED));
        data.put("channel", channel);

        assertThat(errors(EventType.PUBLICATION_REQUESTED, data).isEmpty()).isEqualTo(Topics.isChannelId(channel));
    }

    @Test
    void duplicateTaskIdsAreRejected() {
        ObjectNode data = tree(EventSamples.typical(EventType.CONTENT_PUBLISHED));
        ((ArrayNode) data.get("taskIds")).add(EventSamples.TASK_NEWS);

        assertThat(keywords(errors(EventType.CONTENT_PUBLISHED, data))).containsExactly("uniqueItems");
    }

    // ---------------------------------------------------------------- envelope and codec refuse unreadable events

    @Nested
    class UnreadableEvents {

        private final LoaEvent event = EventSamples.typical(EventType.CONTENT_PUBLISHED);
        private final EventEnvelope sent = EventEnvelope.wrap(event, "content-service", SENT_AT, CODEC);

        @Test
        void headersAsSentAreReadable() {
            assertThatCode(() -> EventEnvelope.fromHeaders(sent.headers(), sent.data())).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ce_id", "ce_source", "ce_type", "ce_subject", "ce_tenantid"})
        void missingRequiredHeaderIsRejected(String header) {
            Map<String, String> headers = new HashMap<>(sent.headers());
            headers.remove(header);

            assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, sent.data()))
                    .isInstanceOf(UnreadableEvent.class).hasMessageContaining(header);
        }

        @Test
        void blankIdIsRejected() {
            Map<String, String> headers = new HashMap<>(sent.headers());
            headers.put(CloudEventHeaders.ID, " ");

            assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, sent.data()))
                    .isInstanceOf(UnreadableEvent.class).hasMessageContaining("ce_id");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"0.3", "1", "1.0.0", "2.0"})
        void otherSpecVersionIsRejected(String version) {
            Map<String, String> headers = new HashMap<>(sent.headers());
            headers.put(CloudEventHeaders.SPEC_VERSION, version);

            assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, sent.data()))
                    .isInstanceOf(UnreadableEvent.class).hasMessageContaining("ce_specversion");
        }

        @Test
        void malformedTimeIsRejected() {
            Map<String, String> headers = new HashMap<>(sent.headers());
            headers.put(CloudEventHeaders.TIME, "02/09/2025 08:15");

            assertThatThrownBy(() -> EventEnvelope.fromHeaders(headers, sent.data()))
                    .isInstanceOf(UnreadableEvent.class).hasMessageContaining("ce_time");
        }

        @Test
        void missingDataIsRejected() {
            assertThatThrownBy(() -> EventEnvelope.fromHeaders(sent.headers(), null))
                    .isInstanceOf(UnreadableEvent.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"vn.loa.content.ContentPublished.v2", "vn.loa.content.ContentDeleted.v1",
                "vn.loa.contracts.content.ContentPublished"})
        void unknownTypeIsRejected(String type) {
            EventEnvelope unknown = new EventEnvelope(sent.id(), sent.source(), type, sent.time(), sent.subject(),
                    sent.tenantId(), sent.data());

            assertThatThrownBy(() -> CODEC.decode(unknown))
                    .isInstanceOf(UnreadableEvent.class)
                    .hasMessageContaining("unknown event type")
                    .hasMessageContaining(type);
        }

        @Test
        void tenantInHeaderMustBeTheTenantOfTheData() {
            EventEnvelope otherTenant = new EventEnvelope(sent.id(), sent.source(), sent.type(), sent.time(),
                    sent.subject(), "10805", sent.data());

            assertThatThrownBy(() -> CODEC.decode(otherTenant))
                    .isInstanceOf(UnreadableEvent.class).hasMessageContaining("10805").hasMessageContaining("10804");
        }

        @Test
        void platformTenantOfAChannelRegistrationIsAccepted() {
            LoaEvent registered = EventSamples.typical(EventType.CHANNEL_REGISTERED);
            EventEnvelope envelope = EventEnvelope.wrap(registered, "channel-portal", SENT_AT, CODEC);

            assertThat(envelope.tenantId()).isEqualTo(Tenants.PLATFORM);
            assertThat(CODEC.decode(envelope)).isEqualTo(registered);
        }

        @Test
        void dataOfAnotherTypeIsRejected() {
            EventEnvelope mislabelled = new EventEnvelope(sent.id(), sent.source(),
                    EventType.PLAN_ISSUED.type(), sent.time(), sent.subject(), sent.tenantId(), sent.data());

            assertThatThrownBy(() -> CODEC.decode(mislabelled)).isInstanceOf(UnreadableEvent.class);
        }

        @Test
        void dataBreakingARecordInvariantIsRejected() {
            ObjectNode plan = tree(EventSamples.typical(EventType.PLAN_ISSUED));
            ((ObjectNode) plan.get("tasks").get(0).get("quota")).put("count", 0);

            assertThatThrownBy(() -> CODEC.decode(envelope(EventType.PLAN_ISSUED, plan)))
                    .isInstanceOf(UnreadableEvent.class);
        }

        @Test
        void nullForAPrimitiveIsRejected() {
            ObjectNode plan = tree(EventSamples.typical(EventType.PLAN_CLOSED));
            plan.putNull("version");

            assertThatThrownBy(() -> CODEC.decode(envelope(EventType.PLAN_CLOSED, plan)))
                    .isInstanceOf(UnreadableEvent.class);
        }

        @Test
        void unknownFieldIsIgnoredByTheCodecSoAnAdditiveChangeStaysV1() {
            ObjectNode data = tree(event);
            data.put("priority", "cao");

            assertThat(CODEC.decode(envelope(EventType.CONTENT_PUBLISHED, data))).isEqualTo(event);
        }

        private EventEnvelope envelope(EventType type, JsonNode data) {
            return new EventEnvelope(UUID.randomUUID().toString(), "/loa/test", type.type(), SENT_AT,
                    data.path(subjectField(type)).asString(), EventSamples.TENANT, JSON.writeValueAsBytes(data));
        }
    }

    // ---------------------------------------------------------------- topics

    @Nested
    class TopicNames {

        @ParameterizedTest
        @ValueSource(strings = {"portal", "zalo-oa", "loa-truyen-thanh", "fb",
                "abcdefghijabcdefghijabcdefghijabcdefghij"})
        void channelRequestTopicOfAValidId(String channel) {
            assertThat(Topics.isChannelId(channel)).isTrue();
            assertThat(Topics.channelRequests(channel)).isEqualTo("channel." + channel + ".requests");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"p", "Portal", "1portal", "-portal", "zalo_oa", "zalo.oa", "zalo oa", " portal",
                "cổng", "abcdefghijabcdefghijabcdefghijabcdefghijk", "portal\n"})
        void channelRequestTopicRefusesAnInvalidId(String channel) {
            assertThat(Topics.isChannelId(channel)).isFalse();
            assertThatThrownBy(() -> Topics.channelRequests(channel)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void deadLetterTopic() {
            assertThat(Topics.deadLetter(Topics.CONTENT_EVENTS, "task-service"))
                    .isEqualTo("error.content.item.events.task-service");
        }

        @Test
        void typesOnEachTopic() {
            assertThat(EventType.onTopic("plan.plan.events"))
                    .containsExactly(EventType.PLAN_ISSUED, EventType.PLAN_AMENDED, EventType.PLAN_CLOSED);
            assertThat(EventType.onTopic("task.task.events")).containsExactly(EventType.TASK_CREDITED,
                    EventType.TASK_CREDIT_WITHDRAWN, EventType.TASK_PERIOD_CLOSED);
            assertThat(EventType.onTopic("content.item.events")).containsExactly(EventType.CONTENT_APPROVED,
                    EventType.CONTENT_PUBLISHED, EventType.CONTENT_RETRACTED, EventType.CONTENT_SUBMITTED,
                    EventType.CONTENT_REJECTED);
            assertThat(EventType.onTopic("channel.publication.events"))
                    .containsExactly(EventType.PUBLICATION_SUCCEEDED, EventType.PUBLICATION_FAILED);
            assertThat(EventType.onTopic("channel.registry")).containsExactly(EventType.CHANNEL_REGISTERED);
            assertThat(EventType.onTopic("notification.reminder.events")).containsExactly(EventType.REMINDER_RAISED);
            assertThat(EventType.onTopic("notification.inbox.events"))
                    .containsExactly(EventType.NOTIFICATION_DELIVERED);
            assertThat(EventType.onTopic("channel.portal.requests")).isEmpty();
        }
    }

    // ---------------------------------------------------------------- the catalogue document

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventsDocumentListsTheTypeAndLinksItsSchema(EventType type) throws IOException {
        Path doc = Path.of("..", "docs", "events.md");
        assertThat(doc).as("docs/events.md next to the contracts module").exists();
        String text = Files.readString(doc);

        assertThat(text).contains("`" + type.type() + "`")
                .contains("contracts/src/main/resources/schemas/" + type.type() + ".json");
    }

    // ---------------------------------------------------------------- helpers

    static Stream<Arguments> allSamples() {
        return EventSamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** The service that produces a type: its {@code ce_source} is {@code /loa/<service>}. */
    private static String producer(EventType type) {
        return switch (type) {
            case PLAN_ISSUED, PLAN_AMENDED, PLAN_CLOSED -> "plan-service";
            case TASK_CREDITED, TASK_CREDIT_WITHDRAWN, TASK_PERIOD_CLOSED -> "task-service";
            case CONTENT_APPROVED, CONTENT_PUBLISHED, CONTENT_RETRACTED, CONTENT_SUBMITTED, CONTENT_REJECTED,
                 PUBLICATION_REQUESTED -> "content-service";
            case PUBLICATION_SUCCEEDED, PUBLICATION_FAILED, CHANNEL_REGISTERED, PUBLICATION_ENGAGED -> "channel-portal";
            case REMINDER_RAISED -> "report-service";
            case NOTIFICATION_DELIVERED -> "notification-service";
        };
    }

    /** The data field holding the aggregate id: the Kafka key and {@code ce_subject}. */
    private static String subjectField(EventType type) {
        return switch (type) {
            case PLAN_ISSUED, PLAN_AMENDED, PLAN_CLOSED -> "planId";
            case TASK_CREDITED, TASK_CREDIT_WITHDRAWN, TASK_PERIOD_CLOSED -> "taskId";
            case CONTENT_APPROVED, CONTENT_PUBLISHED, CONTENT_RETRACTED, CONTENT_SUBMITTED, CONTENT_REJECTED,
                 PUBLICATION_REQUESTED,
                 PUBLICATION_SUCCEEDED, PUBLICATION_FAILED, PUBLICATION_ENGAGED -> "itemId";
            case CHANNEL_REGISTERED -> "channelId";
            case REMINDER_RAISED -> "reminderId";
            case NOTIFICATION_DELIVERED -> "notificationId";
        };
    }

    private static ObjectNode tree(LoaEvent event) {
        return (ObjectNode) JSON.readTree(CODEC.encode(event));
    }

    private static List<Error> errors(EventType type, JsonNode data) {
        return schema(type).validate(data);
    }

    private static List<String> keywords(List<Error> errors) {
        return errors.stream().map(Error::getKeyword).distinct().toList();
    }

    private static synchronized Schema schema(EventType type) {
        return SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(schemaNode(t)));
    }

    private static synchronized JsonNode schemaNode(EventType type) {
        return SCHEMA_NODES.computeIfAbsent(type, t -> {
            try (InputStream in = EventSchemaTest.class.getResourceAsStream(t.schemaResource())) {
                if (in == null) {
                    return fail("no schema resource " + t.schemaResource());
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The records reachable from a record's components, directly or as list elements. */
    private static Set<Class<?>> nestedRecords(Class<?> record) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            Class<?> element = c.getType() == List.class
                    ? (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0]
                    : c.getType();
            if (element.isRecord() && found.add(element)) {
                found.addAll(nestedRecords(element));
            }
        }
        return found;
    }

    /**
     * An object schema must list exactly the record's components as properties, require exactly the non-nullable
     * ones, and give each a JSON type that fits the Java type.
     */
    private static void checkObjectSchema(Class<?> record, JsonNode schema, String where, List<String> problems) {
        List<String> components = components(record);
        Set<String> nullable = NULLABLE.getOrDefault(record, Set.of());
        if (!schema.path("properties").isObject()) {
            problems.add(where + ": no properties");
            return;
        }
        Set<String> properties = new LinkedHashSet<>(schema.path("properties").propertyNames());
        if (!properties.equals(new LinkedHashSet<>(components))) {
            problems.add(where + ": properties " + properties + " but components " + components);
        }
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        Set<String> expectedRequired = components.stream().filter(c -> !nullable.contains(c))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!required.equals(expectedRequired)) {
            problems.add(where + ": required " + required + " but expected " + expectedRequired);
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            String problem = typeProblem(c, property, nullable.contains(c.getName()));
            if (problem != null) {
                problems.add(where + "." + c.getName() + ": " + problem);
            }
        }
    }

    private static String typeProblem(RecordComponent component, JsonNode property, boolean nullable) {
        Class<?> type = component.getType();
        Set<String> jsonTypes = new LinkedHashSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> jsonTypes.add(t.asString()));
        } else if (property.has("type")) {
            jsonTypes.add(property.path("type").asString());
        }
        boolean admitsNull = jsonTypes.contains("null") || property.path("anyOf").valueStream()
                .anyMatch(s -> "null".equals(s.path("type").stringValue(null)));
        if (!type.isPrimitive() && nullable != admitsNull) {
            return nullable ? "nullable but does not admit null" : "admits null but is not nullable";
        }
        if (type == int.class || type == long.class) {
            return jsonTypes.equals(Set.of("integer")) ? null : "expected integer, got " + jsonTypes;
        }
        if (type == boolean.class) {
            return jsonTypes.equals(Set.of("boolean")) ? null : "expected boolean, got " + jsonTypes;
        }
        if (type == List.class) {
            return jsonTypes.equals(Set.of("array")) && property.has("items") ? null : "expected an array";
        }
        if (type.isEnum()) {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            List<String> values = property.path("enum").valueStream().map(JsonNode::asString).toList();
            return values.equals(constants) ? null : "enum " + values + " but Java has " + constants;
        }
        if (type.isRecord()) {
            String ref = "#/$defs/" + type.getSimpleName();
            boolean refers = ref.equals(property.path("$ref").asString())
                    || property.path("anyOf").valueStream().anyMatch(s -> ref.equals(s.path("$ref").asString()));
            return refers ? null : "expected a $ref to " + ref;
        }
        if (!jsonTypes.contains("string")) {
            return "expected a string, got " + jsonTypes;
        }
        String format = property.path("format").asString();
        if (type == Instant.class && !"date-time".equals(format)) {
            return "an Instant needs format date-time";
        }
        if (type == LocalDate.class && !"date".equals(format)) {
            return "a LocalDate needs format date";
        }
        if (type == YearMonth.class && !"^[0-9]{4}-(0[1-9]|1[0-2])$".equals(property.path("pattern").asString())) {
            return "a YearMonth needs the year-month pattern";
        }
        if (type != String.class && type != Instant.class && type != LocalDate.class && type != YearMonth.class) {
            return "no rule for Java type " + type.getName();
        }
        return null;
    }

    /** Walks every subschema: known keywords only, and every object schema closed. */
    private static void walkSchema(JsonNode schema, String where, List<String> problems) {
        if (!schema.isObject()) {
            problems.add(where + ": not a schema object");
            return;
        }
        for (String key : schema.propertyNames()) {
            if (!KEYWORDS.contains(key)) {
                problems.add(where + ": unknown keyword " + key);
            }
        }
        if (schema.has("properties") || "object".equals(schema.path("type").stringValue(null))) {
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                problems.add(where + ": object without additionalProperties: false");
            }
        }
        for (String container : List.of("properties", "$defs")) {
            for (Map.Entry<String, JsonNode> e : schema.path(container).properties()) {
                walkSchema(e.getValue(), where + "/" + container + "/" + e.getKey(), problems);
            }
        }
        if (schema.has("items")) {
            walkSchema(schema.get("items"), where + "/items", problems);
        }
        int i = 0;
        for (JsonNode option : schema.path("anyOf")) {
            walkSchema(option, where + "/anyOf/" + i++, problems);
        }
    }
}
