package vn.loa.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The floors every benchmark divides by, measured in the same run on the same broker and database: one message at a
 * time produce → consume ({@code acks=all}, idempotent, no linger: as the outbox relay sends) with the broker's
 * pipelined rate, and one crediting-like conditional {@code updateOne}. Also the machine they ran on.
 */
public final class Floors {

    private final String bootstrap;
    private final String mongoUri;
    private final int samples;
    private final int warmUp;

    public Floors(String bootstrap, String mongoUri, int samples, int warmUp) {
        this.bootstrap = bootstrap;
        this.mongoUri = mongoUri;
        this.samples = samples;
        this.warmUp = warmUp;
    }

    /** One message at a time, produce → consume, and the pipelined throughput, on a topic of its own. */
    public Map<String, Object> kafka() throws Exception {
        String topic = "bench.floor." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        BlockingQueue<Long> received = new LinkedBlockingQueue<>();
        KafkaConsumer<String, byte[]> consumer = consumer();
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        consumer.position(partition);
        Thread polling = Thread.ofPlatform().name("floor-reader").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (ConsumerRecord<String, byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                        received.put(System.nanoTime());
                    }
                } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                    return;
                }
            }
        });
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap), new StringSerializer(),
                new ByteArraySerializer());
        byte[] payload = new byte[600]; // about the size of a ContentPublished
        long[] latency = new long[samples];
        for (int i = -warmUp; i < samples; i++) {
            long t0 = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, "k", payload));
            long t1 = received.take();
            if (i >= 0) {
                latency[i] = t1 - t0;
            }
        }
        int pipelined = Math.max(20_000, samples * 10);
        long t0 = System.nanoTime();
        for (int i = 0; i < pipelined; i++) {
            producer.send(new ProducerRecord<>(topic, "k", payload));
        }
        for (int i = 0; i < pipelined; i++) {
            received.take();
        }
        double perSecond = pipelined / ((System.nanoTime() - t0) / 1e9);
        polling.interrupt();
        polling.join();
        consumer.close();
        producer.close();
        Map<String, Object> floor = Stats.of(latency);
        floor.put("pipelinedPerSecond", Math.round(perSecond));
        return floor;
    }

    /** A single crediting-like update: the item is not credited yet → push it and count it, in one document. */
    public Map<String, Object> mongo() {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> tasks = client.getDatabase("bench-floor").getCollection("tasks");
            int documents = 50;
            for (int d = 0; d < documents; d++) {
                tasks.insertOne(new Document("_id", "task-" + d).append("credited", 0).append("credits", List.of()));
            }
            long[] latency = new long[samples];
            long measuredFrom = 0;
            for (int i = -warmUp; i < samples; i++) {
                if (i == 0) {
                    measuredFrom = System.nanoTime();
                }
                String item = "item-" + i;
                long t0 = System.nanoTime();
                tasks.updateOne(Filters.and(Filters.eq("_id", "task-" + Math.floorMod(i, documents)),
                                Filters.ne("credits.itemId", item)),
                        Updates.combine(Updates.push("credits", new Document("itemId", item).append("at", new Date())),
                                Updates.inc("credited", 1)));
                if (i >= 0) {
                    latency[i] = System.nanoTime() - t0;
                }
            }
            double perSecond = samples / ((System.nanoTime() - measuredFrom) / 1e9);
            client.getDatabase("bench-floor").drop();
            Map<String, Object> floor = Stats.of(latency);
            floor.put("updatesPerSecond", Math.round(perSecond));
            return floor;
        }
    }

    public static Properties producerConfig(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return p;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Processors, memory, heap, Java, OS, what infrastructure, and when. */
    public static Map<String, Object> machine(String infrastructure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024) * 10) / 10.0);
        }
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.vendor") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("infrastructure", infrastructure);
        m.put("date", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        return m;
    }
}
