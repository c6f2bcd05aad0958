package vn.loa.report.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.EventType;
import vn.loa.contracts.LoaEvent;
import vn.loa.testsupport.LoaInfrastructure;

/** Sends events to the test broker as their producers would: binary-mode CloudEvents, keyed by aggregate id. */
public final class Broker implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;

    public Broker() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LoaInfrastructure.endpoints().kafkaBootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    public void send(LoaEvent event) {
        String service = switch (EventType.of(event).type().split("\\.")[2]) {
            case "plan" -> "plan-service";
            case "task" -> "task-service";
            case "content" -> "content-service";
            default -> "channel-portal";
        };
        EventEnvelope envelope = EventEnvelope.wrap(event, service, Instant.now(), codec);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topicFor(event),
                event.subject(), envelope.data());
        envelope.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
