package vn.loa.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Kafka and MongoDB for integration tests, one of each per test JVM, started on first use.
 *
 * <p>Where a Docker engine answers, real {@code apache/kafka} and {@code mongo} (a replica set) containers; otherwise
 * a real Kafka broker in this JVM (KRaft, {@link EmbeddedKafkaKraftBroker}) and {@code mongo-java-server}. The test
 * code is the same either way; the log says which. Force a choice with {@code -Dloa.test.infra=embedded} or
 * {@code containers}.
 */
public final class LoaInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(LoaInfrastructure.class);
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    private static final String MONGO_IMAGE = "mongo:8.0";

    private static Endpoints endpoints;
    private static KafkaContainer kafkaContainer;

    private LoaInfrastructure() {
    }

    /** Where the test broker and database are. {@code mongoUri} has no database name. */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri, String kind) {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useContainers() ? startContainers() : startEmbedded();
        }
        return endpoints;
    }

    /** Registers the Kafka and MongoDB connection properties; the database is named after the test class. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        Endpoints e = endpoints();
        registry.add("spring.kafka.bootstrap-servers", e::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> e.mongoUri() + "/" + database);
    }

    /**
     * Freezes the broker (docker pause): connections stay open but nothing answers, as in a network partition or a
     * stalled broker. Only with containers; {@link #resumeBroker()} undoes it.
     */
    public static synchronized void pauseBroker() {
        endpoints();
        if (kafkaContainer == null) {
            throw new IllegalStateException("pausing the broker needs the containers (a Docker engine)");
        }
        DockerClientFactory.instance().client().pauseContainerCmd(kafkaContainer.getContainerId()).exec();
        log.info("Test infrastructure: broker paused");
    }

    public static synchronized void resumeBroker() {
        if (kafkaContainer == null) {
            throw new IllegalStateException("pausing the broker needs the containers (a Docker engine)");
        }
        DockerClientFactory.instance().client().unpauseContainerCmd(kafkaContainer.getContainerId()).exec();
        log.info("Test infrastructure: broker resumed");
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean useContainers() {
        String forced = System.getProperty("loa.test.infra", "auto");
        return switch (forced) {
            case "embedded" -> false;
            case "containers" -> true;
            default -> dockerAvailable();
        };
    }

    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE); // a single-node replica set
        kafka.start();
        mongo.start();
        kafkaContainer = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }));
        log.info("Test infrastructure: Testcontainers ({} and {})", KAFKA_IMAGE, MONGO_IMAGE);
        String uri = mongo.getConnectionString();
        return new Endpoints(kafka.getBootstrapServers(), uri, "containers");
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }));
        log.info("Test infrastructure: embedded (no Docker engine answered): a Kafka broker in this JVM (KRaft) at {}"
                + " and mongo-java-server at {}", kafka.getBrokersAsString(), address);
        return new Endpoints(kafka.getBrokersAsString(),
                "mongodb://" + address.getHostString() + ":" + address.getPort(), "embedded");
    }
}
