package vn.loa.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and MongoDB for integration tests, one of each per test JVM, started on first use.
 *
 * <p>Chosen <em>per part</em>: a part runs in a container only where a Docker engine answers <em>and</em> its image is
 * already on this machine ({@code docker image inspect}); a test never pulls, so it neither fails nor hangs where no
 * registry is reachable. Otherwise the part runs here: a real Kafka broker in this JVM (KRaft,
 * {@link EmbeddedKafkaKraftBroker}) or {@code mongo-java-server}. The test code is the same either way; the log says
 * what was chosen for each part and why. Force a choice with {@code -Dloa.test.infra=embedded} or {@code containers}
 * (containers: the images are pulled when missing); other images with {@code -Dloa.test.kafka-image=…} (an image
 * that starts like {@code apache/kafka}) and {@code -Dloa.test.mongo-image=…}.
 */
public final class LoaInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(LoaInfrastructure.class);
    /** The image of Testcontainers' resource reaper (Testcontainers 2.0.5). */
    private static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    /** A part of the test infrastructure and the image it runs from where containers are chosen. */
    public enum Part {
        KAFKA("loa.test.kafka-image", "apache/kafka:4.1.1"),
        MONGO("loa.test.mongo-image", "mongo:8.0");

        private final String property;
        private final String defaultImage;

        Part(String property, String defaultImage) {
            this.property = property;
            this.defaultImage = defaultImage;
        }

        public String image() {
            return System.getProperty(property, defaultImage);
        }
    }

    /** How a part runs: in a container, or here (and why not in a container). */
    public record Choice(boolean container, String why) {
    }

    private static Endpoints endpoints;
    private static KafkaContainer kafkaContainer;

    private LoaInfrastructure() {
    }

    /** Where the test broker and database are. {@code mongoUri} has no database name. */
    public record Endpoints(String kafkaBootstrapServers, String mongoUri, Choice kafka, Choice mongo) {

        /** In words, for benchmark reports: where each part ran. */
        public String kind() {
            return (kafka.container() ? "Kafka in a container (" + Part.KAFKA.image() + ")" : "Kafka in this JVM")
                    + ", " + (mongo.container() ? "MongoDB in a container (" + Part.MONGO.image() + ")"
                            : "mongo-java-server (memory)");
        }
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            Choice kafka = choose(Part.KAFKA);
            Choice mongo = choose(Part.MONGO);
            String bootstrap = kafka.container() ? startKafkaContainer() : startEmbeddedKafka();
            String mongoUri = mongo.container() ? startMongoContainer() : startMongoStandIn();
            log.info("Test infrastructure: Kafka {} ({}); MongoDB {} ({})",
                    kafka.container() ? "in a container of " + Part.KAFKA.image() : "in this JVM at " + bootstrap,
                    kafka.why(),
                    mongo.container() ? "in a container of " + Part.MONGO.image() : "mongo-java-server at " + mongoUri,
                    mongo.why());
            endpoints = new Endpoints(bootstrap, mongoUri, kafka, mongo);
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
     * stalled broker. Only with the broker in a container; {@link #resumeBroker()} undoes it.
     */
    public static synchronized void pauseBroker() {
        endpoints();
        if (kafkaContainer == null) {
            throw new IllegalStateException("pausing the broker needs it in a container: " + endpoints.kafka().why());
        }
        DockerClientFactory.instance().client().pauseContainerCmd(kafkaContainer.getContainerId()).exec();
        log.info("Test infrastructure: broker paused");
    }

    public static synchronized void resumeBroker() {
        if (kafkaContainer == null) {
            throw new IllegalStateException("pausing the broker needs it in a container");
        }
        DockerClientFactory.instance().client().unpauseContainerCmd(kafkaContainer.getContainerId()).exec();
        log.info("Test infrastructure: broker resumed");
    }

    /** Whether a Docker engine answers (asked over its socket, without starting anything). */
    public static boolean dockerAvailable() {
        return DockerEngine.answers();
    }

    /**
     * Whether a part would run (or runs) in a container here, and why (not). Asks the engine over its socket and never
     * pulls: Testcontainers is used only when the part's image, and Testcontainers' own Ryuk image unless
     * {@code TESTCONTAINERS_RYUK_DISABLED=true}, are on this machine.
     */
    public static synchronized Choice choose(Part part) {
        if (endpoints != null) {
            return part == Part.KAFKA ? endpoints.kafka() : endpoints.mongo();
        }
        String forced = System.getProperty("loa.test.infra", "auto");
        return switch (forced) {
            case "embedded" -> new Choice(false, "-Dloa.test.infra=embedded");
            case "containers" -> new Choice(true, "-Dloa.test.infra=containers");
            default -> {
                if (!dockerAvailable()) {
                    yield new Choice(false, "no Docker engine answers");
                }
                if (!DockerEngine.hasImage(part.image())) {
                    yield new Choice(false, "Docker answers but the image " + part.image() + " is not on this"
                            + " machine, and a test never pulls (`./loa images` builds what this machine can make;"
                            + " -Dloa.test.infra=containers pulls)");
                }
                if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
                        && !DockerEngine.hasImage(RYUK_IMAGE)) {
                    yield new Choice(false, "Docker answers and " + part.image() + " is here, but Testcontainers'"
                            + " " + RYUK_IMAGE + " is not (TESTCONTAINERS_RYUK_DISABLED=true, as `./loa test` sets"
                            + " then, uses the local images without it)");
                }
                yield new Choice(true, "Docker answers and " + part.image() + " is on this machine");
            }
        };
    }

    private static String startKafkaContainer() {
        DockerImageName image = DockerImageName.parse(Part.KAFKA.image()).asCompatibleSubstituteFor("apache/kafka");
        KafkaContainer kafka = new KafkaContainer(image);
        kafka.start();
        kafkaContainer = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
        return kafka.getBootstrapServers();
    }

    private static String startMongoContainer() {
        DockerImageName image = DockerImageName.parse(Part.MONGO.image()).asCompatibleSubstituteFor("mongo");
        MongoDBContainer mongo = new MongoDBContainer(image); // a single-node replica set
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop));
        return mongo.getConnectionString();
    }

    private static String startEmbeddedKafka() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        return kafka.getBrokersAsString();
    }

    private static String startMongoStandIn() {
        MongoServer mongo = new MongoServer(new CopyingMemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
